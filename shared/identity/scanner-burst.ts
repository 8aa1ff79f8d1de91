/**
 * Telling a USB QR scanner from a person at the keyboard. A scanner in keyboard mode
 * "types" the whole code in a burst (typically 2–20 ms between characters) and usually
 * ends with Enter; a person types at 80+ ms between keys. The renderer feeds every
 * keydown here (capture phase, before the focused field sees it; auto-repeated keys,
 * event.repeat, should just pass) and acts on the result.
 *
 * Scanners in Windows Alt-code or Unicode mode, input methods and test drivers deliver
 * the Vietnamese letters as text input (beforeinput) with no keydown: `feedText` takes
 * those into the same run, so a code typed half as keys and half as text is one burst.
 *
 * `feedKey` and `feedText` return a `decision` for what was just typed:
 *  - 'hold'  prevent its default: it is buffered here until we know who typed it;
 *  - 'pass'  let it through untouched (modifiers, arrows, Backspace, a person's Enter …);
 * and `settled`: earlier held keys whose typist is now known, to act on first, in order:
 *  - 'release' a person typed `text`: insert it into the focused field;
 *  - 'scan'    a scanner typed `text`: hand it to parseCccdQr; the field never sees it.
 *
 * A held key is released at the latest `maxGapMs` after it was typed (call `tick` at
 * `nextDeadline`), a delay nobody notices. Pure: state in, new state and outputs out.
 */

export interface BurstConfig {
  /** A run this long or longer is a scanner (an ID-card QR is ~90+ characters). */
  minLength: number;
  /** Gap between two keys of the same burst. */
  maxGapMs: number;
}

export const DEFAULT_BURST_CONFIG: BurstConfig = { minLength: 20, maxGapMs: 35 };

export interface BurstState {
  readonly config: BurstConfig;
  /** Keys held so far in the current run. */
  readonly buffer: string;
  readonly lastKeyAt: number | null;
}

export type BurstSettlement = { kind: 'release'; text: string } | { kind: 'scan'; text: string };

export interface BurstStep {
  state: BurstState;
  /** Earlier keys now settled, in order (act on them before `decision`). */
  settled: BurstSettlement[];
}

export interface BurstKeyStep extends BurstStep {
  decision: 'hold' | 'pass';
}

export function createBurstState(config: Partial<BurstConfig> = {}): BurstState {
  return { config: { ...DEFAULT_BURST_CONFIG, ...config }, buffer: '', lastKeyAt: null };
}

/** Ends the current run: a scan when long enough, otherwise the person's keys are given back. */
function flush(state: BurstState): BurstStep {
  const empty: BurstState = { ...state, buffer: '', lastKeyAt: null };
  if (state.buffer === '') return { state: empty, settled: [] };
  const kind = state.buffer.length >= state.config.minLength ? 'scan' : 'release';
  return { state: empty, settled: [{ kind, text: state.buffer }] };
}

/**
 * Feeds one keydown (`key` as in KeyboardEvent.key, `at` in ms from a monotonic clock such
 * as event.timeStamp). Keys that are neither one character nor Enter/Tab pass and do not
 * affect timing (scanners press Shift for capitals).
 */
export function feedKey(state: BurstState, key: string, at: number): BurstKeyStep {
  const isChar = [...key].length === 1;
  if (!isChar && key !== 'Enter' && key !== 'Tab') return { state, settled: [], decision: 'pass' };

  const inRun = state.lastKeyAt !== null && at - state.lastKeyAt <= state.config.maxGapMs;
  if (!isChar) {
    // Enter/Tab ends the run. A scanner's terminator is swallowed (it would submit the
    // wizard step); after a person's keys, or alone, it is an ordinary key.
    const settled = flush(state);
    const scanned = inRun && settled.settled.some((s) => s.kind === 'scan');
    return { ...settled, decision: scanned ? 'hold' : 'pass' };
  }

  if (state.buffer !== '' && !inRun) {
    // The previous run ended before this key: settle it, then start a new run.
    const settled = flush(state);
    return {
      state: { ...settled.state, buffer: key, lastKeyAt: at },
      settled: settled.settled,
      decision: 'hold',
    };
  }
  return { state: { ...state, buffer: state.buffer + key, lastKeyAt: at }, settled: [], decision: 'hold' };
}

/** When the renderer should call `tick` next (null when nothing is held). */
export function nextDeadline(state: BurstState): number | null {
  return state.lastKeyAt === null ? null : state.lastKeyAt + state.config.maxGapMs + 1;
}

/** Lets time pass: a run that has gone quiet is settled (a scan without Enter, or released). */
export function tick(state: BurstState, now: number): BurstStep {
  if (state.lastKeyAt === null || now - state.lastKeyAt <= state.config.maxGapMs)
    return { state, settled: [] };
  return flush(state);
}

/**
 * A whole code inserted at once: an ID-card QR (fields separated by '|') or a link. A
 * person's input method commits words, and nobody types '|' or '://' into a form, so any
 * other text inserted while nothing is held is theirs.
 */
function looksLikeCode(text: string): boolean {
  return [...text].length > 1 && (text.includes('|') || text.includes('://'));
}

/**
 * Feeds one text input (InputEvent.data of a beforeinput 'insertText', `at` as for
 * feedKey). It joins the run when a burst is being held; a whole code inserted at once
 * (a scanner in Unicode mode, a test driver) starts a run of its own. Any other text while
 * nothing is held is a person's input method, and passes.
 */
export function feedText(state: BurstState, text: string, at: number): BurstKeyStep {
  if (text === '') return { state, settled: [], decision: 'pass' };
  const inRun = state.lastKeyAt !== null && at - state.lastKeyAt <= state.config.maxGapMs;
  const held = state.buffer !== '' && inRun;
  if (!held && !looksLikeCode(text)) {
    const settled = flush(state);
    return { ...settled, decision: 'pass' };
  }
  if (state.buffer !== '' && !inRun) {
    const settled = flush(state);
    return {
      state: { ...settled.state, buffer: text, lastKeyAt: at },
      settled: settled.settled,
      decision: 'hold',
    };
  }
  return { state: { ...state, buffer: state.buffer + text, lastKeyAt: at }, settled: [], decision: 'hold' };
}
