import { create } from 'zustand';
import type { Language } from '../../../shared/domain/localised.ts';
import type { ProcedureCode } from '../../../shared/domain/procedure.ts';
import { useKeyboardStore } from '../../ui/index.ts';

/**
 * The kiosk's screens and their parameters; navigation is in-app state so the page URL (and
 * origin) never changes. A feature adds a screen with one entry here and one in
 * ./screens.tsx (the registry the shell renders from).
 */
export interface ScreenParams {
  today: Record<never, never>;
  /** "Tìm thủ tục": the fields and the search box, or with `group` one field's procedures. */
  catalogue: { group?: string };
  procedure: { code: ProcedureCode };
  /** The declaration wizard on the draft `draftId` (new or resumed). */
  declaration: { procedureCode: ProcedureCode; draftId: string };
  /** After submit: the saved dossier, its printing and its receipt. */
  receipt: { dossierId: string };
  /** The satisfaction rating, for the dossier just received (or none). */
  satisfaction: { dossierId: string | null; procedureCode: string | null };
  /** Behind the header's staff entry: volunteer sign-in, dossiers, settings. */
  staff: Record<never, never>;
  /** Volunteer sign-in (name, then PIN). */
  volunteer: Record<never, never>;
  /** Officer settings, behind the officer PIN. */
  settings: Record<never, never>;
  /** Submitted dossiers with reprint (officer or signed-in volunteer); `scope` picks the list shown first. */
  dossiers: { scope?: 'today' | 'all' | 'unprinted' };
  /** Receipts not printed (no printer, or a crash): the citizen's code or an officer prints them. */
  unprintedReceipts: Record<never, never>;
  /** "Tra cứu hồ sơ": a receipt's dossier code → its status as last synced. */
  statusLookup: Record<never, never>;
}
export type ScreenName = keyof ScreenParams;
export type Screen = { [K in ScreenName]: { name: K } & ScreenParams[K] }[ScreenName];
export type ScreenOf<K extends ScreenName> = Extract<Screen, { name: K }>;

export interface NavigateOptions {
  /** Forget where we came from (after a submit, "Back" must not reopen the finished wizard). */
  clearHistory?: boolean;
}

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
  navigate(screen: Screen, options?: NavigateOptions): void;
  back(): void;
  setLanguage(language: Language): void;
  toggleLargeText(): void;
  /**
   * The end of a citizen's visit (the idle reset, the end of the satisfaction rating): back to
   * Today in Vietnamese with default text and keyboard, history forgotten.
   */
  resetSession(): void;
}

/**
 * Asked before the kiosk leaves a screen that holds one person's unfinished work (the
 * declaration): it calls `leave` when the way is clear (at once, or after the person
 * confirmed), or never (the person stays).
 */
export type LeaveGuard = (leave: () => void) => void;
const leaveGuards = new Map<ScreenName, LeaveGuard>();

/** Registers the guard of a screen; every way out through navigate/back goes through it. */
export function guardLeaving(screen: ScreenName, guard: LeaveGuard): () => void {
  leaveGuards.set(screen, guard);
  return () => {
    if (leaveGuards.get(screen) === guard) leaveGuards.delete(screen);
  };
}

export const useShellStore = create<ShellState>((set, get) => {
  /** Runs a move away from the current screen through that screen's guard, if it has one. */
  const leaveThen = (to: Screen | null, move: () => void) => {
    const from = get().screen;
    const guard = leaveGuards.get(from.name);
    if (guard && (to === null || JSON.stringify(to) !== JSON.stringify(from))) guard(move);
    else move();
  };
  return {
    screen: { name: 'today' },
    history: [],
    language: 'vi',
    largeText: readLargeText(),
    navigate: (screen, options = {}) =>
      leaveThen(screen, () =>
        set((s) => ({
          screen,
          // A guarded screen's session ends when it is left, so "Back" cannot return to it.
          history: options.clearHistory
            ? []
            : leaveGuards.has(s.screen.name)
              ? s.history
              : [...s.history, s.screen].slice(-20),
        })),
      ),
    back: () =>
      leaveThen(null, () =>
        set((s) => {
          const previous = s.history.at(-1);
          return previous
            ? { screen: previous, history: s.history.slice(0, -1) }
            : { screen: { name: 'today' } };
        }),
      ),
    setLanguage: (language) => set({ language }),
    toggleLargeText: () =>
      set((s) => {
        writeLargeText(!s.largeText);
        return { largeText: !s.largeText };
      }),
    // The idle reset ends the session itself (its listeners ran first): no guard to ask.
    resetSession: () => {
      writeLargeText(false);
      // One citizen's keyboard choices (VNI, keyboard hidden) are not the next one's.
      useKeyboardStore.getState().reset();
      set({ screen: { name: 'today' }, history: [], language: 'vi', largeText: false });
    },
  };
});

/** Whether anything on screen differs from what a new citizen should see (only then is a warning needed). */
export function isPristine(s: Pick<ShellState, 'screen' | 'language' | 'largeText'>): boolean {
  return s.screen.name === 'today' && s.language === 'vi' && !s.largeText;
}
