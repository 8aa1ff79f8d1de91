import { create } from 'zustand';
import type { Language } from '../../../shared/domain/localised.ts';
import type { ProcedureCode } from '../../../shared/domain/procedure.ts';

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
  /** The idle reset: back to Today in Vietnamese with default text, history forgotten. */
  resetSession(): void;
}

export const useShellStore = create<ShellState>((set) => ({
  screen: { name: 'today' },
  history: [],
  language: 'vi',
  largeText: readLargeText(),
  navigate: (screen, options = {}) =>
    set((s) => ({ screen, history: options.clearHistory ? [] : [...s.history, s.screen].slice(-20) })),
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
