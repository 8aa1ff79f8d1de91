import { create } from 'zustand';
import { onIdleReset, setIdleHold } from '../shell/idle.ts';

/**
 * Whether the officer PIN was entered in this session. Kept in memory only: a reload,
 * an idle reset or "Khoá cài đặt" locks settings again.
 */
interface OfficerSessionState {
  unlocked: boolean;
  unlock(): void;
  lock(): void;
}

export const useOfficerSession = create<OfficerSessionState>((set) => ({
  unlocked: false,
  unlock: () => set({ unlocked: true }),
  lock: () => set({ unlocked: false }),
}));

onIdleReset(() => useOfficerSession.getState().lock());
// Held sessions time out even on the start screen.
useOfficerSession.subscribe((s) => setIdleHold('officer', s.unlocked));
