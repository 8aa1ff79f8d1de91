import { create } from 'zustand';
import type { Language } from '../../../shared/domain/localised.ts';
import type { ProcedureCode } from '../../../shared/domain/procedure.ts';

/** The kiosk's screens; navigation is in-app state so the page URL (and origin) never changes. */
export type Screen = { name: 'today' } | { name: 'catalogue' } | { name: 'procedure'; code: ProcedureCode };

const LARGE_TEXT_KEY = 'kiosk.largeText';

function readLargeText(): boolean {
  try {
    return sessionStorage.getItem(LARGE_TEXT_KEY) === '1';
  } catch {
    return false;
  }
}

function writeLargeText(on: boolean): void {
  try {
    if (on) sessionStorage.setItem(LARGE_TEXT_KEY, '1');
    else sessionStorage.removeItem(LARGE_TEXT_KEY);
  } catch {
    // storage unavailable: the mode still works for this page
  }
}

interface ShellState {
  screen: Screen;
  /** Screens to return to with "Back". */
  history: Screen[];
  language: Language;
  largeText: boolean;
  navigate(screen: Screen): void;
  back(): void;
  setLanguage(language: Language): void;
  toggleLargeText(): void;
  /** The idle reset: back to Today in Vietnamese with default text, history forgotten. */
  resetSession(): void;
}

export const useShellStore = create<ShellState>((set) => ({
  screen: { name: 'today' },
  history: [],
  language: 'vi',
  largeText: readLargeText(),
  navigate: (screen) => set((s) => ({ screen, history: [...s.history, s.screen].slice(-20) })),
  back: () =>
    set((s) => {
      const previous = s.history.at(-1);
      return previous ? { screen: previous, history: s.history.slice(0, -1) } : { screen: { name: 'today' } };
    }),
  setLanguage: (language) => set({ language }),
  toggleLargeText: () =>
    set((s) => {
      writeLargeText(!s.largeText);
      return { largeText: !s.largeText };
    }),
  resetSession: () => {
    writeLargeText(false);
    set({ screen: { name: 'today' }, history: [], language: 'vi', largeText: false });
  },
}));

/** Whether anything differs from what a new citizen should see (only then is an idle reset needed). */
export function isPristine(s: Pick<ShellState, 'screen' | 'language' | 'largeText'>): boolean {
  return s.screen.name === 'today' && s.language === 'vi' && !s.largeText;
}
