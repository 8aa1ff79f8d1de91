import { create } from 'zustand';
import { onIdleReset, setIdleHold } from '../shell/index.ts';

/**
 * The volunteer currently helping at the kiosk. The submit flow reads `volunteerId`
 * (null when a citizen serves themself) to record who assisted. Nothing is persisted:
 * a reload or an idle reset signs the volunteer out, so a citizen who walks up to an
 * abandoned kiosk never submits in a volunteer's name.
 */
interface VolunteerSessionState {
  volunteerId: string | null;
  name: string | null;
  signIn(volunteerId: string, name: string): void;
  signOut(): void;
}

export const useVolunteerSession = create<VolunteerSessionState>((set) => ({
  volunteerId: null,
  name: null,
  signIn: (volunteerId, name) => set({ volunteerId, name }),
  signOut: () => set({ volunteerId: null, name: null }),
}));

onIdleReset(() => useVolunteerSession.getState().signOut());
// Held sessions time out even on the start screen.
useVolunteerSession.subscribe((s) => setIdleHold('volunteer', s.volunteerId !== null));
