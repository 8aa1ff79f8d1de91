import { create } from 'zustand';
import type { SpeechStatus } from '../../../shared/contracts/bridge.ts';

const VOLUME_KEY = 'kiosk.speechVolume';
export const DEFAULT_VOLUME = 0.8;

/** The volume is the office's setting for the machine (not a citizen's), so it outlives sessions. */
function readVolume(): number {
  try {
    const stored = Number(localStorage.getItem(VOLUME_KEY));
    return localStorage.getItem(VOLUME_KEY) !== null && stored >= 0 && stored <= 1 ? stored : DEFAULT_VOLUME;
  } catch {
    return DEFAULT_VOLUME;
  }
}

interface SpeechState {
  /** null until the host answered. */
  status: SpeechStatus | null;
  /** Which listen button is reading now (its id), if any. */
  playing: string | null;
  /** The recorded language chosen (its code), or null for Vietnamese speech. Reset with the session. */
  clipLanguage: string | null;
  volume: number;
  /** A short failure to show beside the button that was tapped. */
  failure: { owner: string; code: string } | null;
  setVolume(volume: number): void;
  setClipLanguage(code: string | null): void;
}

export const useSpeechStore = create<SpeechState>((set) => ({
  status: null,
  playing: null,
  clipLanguage: null,
  volume: readVolume(),
  failure: null,
  setVolume: (volume) => {
    const v = Math.round(Math.min(1, Math.max(0, volume)) * 10) / 10;
    try {
      localStorage.setItem(VOLUME_KEY, String(v));
    } catch {
      // storage unavailable: the volume holds for this page
    }
    set({ volume: v });
  },
  setClipLanguage: (clipLanguage) => set({ clipLanguage }),
}));
