import { create } from 'zustand';
import { onIdleReset, setIdleHold } from '../shell/index.ts';

/**
 * Whether the officer PIN was entered in this session, and main's officer session token
 * that came with it (required by main to re-enrol the kiosk). Kept in memory only: a
 * reload, an idle reset or "Khoá cài đặt" locks settings again.
 */
interface OfficerSessionState {
  unlocked: boolean;
  session: string | null;
  unlock(session: string): void;
  lock(): void;
}

export const useOfficerSession = create<OfficerSessionState>((set) => ({
  unlocked: false,
  session: null,
  unlock: (session) => set({ unlocked: true, session }),
  lock: () => set({ unlocked: false, session: null }),
}));

onIdleReset(() => useOfficerSession.getState().lock());
// Held sessions time out even on the start screen.
useOfficerSession.subscribe((s) => setIdleHold('officer', s.unlocked));
