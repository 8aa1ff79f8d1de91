/**
 * The USB ID-card scanner in keyboard mode, caught before any field sees it. Every key
 * goes through the burst detector (shared/identity/scanner-burst.ts) in the capture
 * phase: a key is held (default prevented) until we know who typed it; a person's keys are
 * then given back to `onRelease` (which types them into the focused field) a few ms
 * later, a scanner's burst goes to `onScan` and never reaches the field.
 */
import {
  createBurstState,
  feedKey,
  nextDeadline,
  tick,
  type BurstSettlement,
  type BurstState,
} from '../../../shared/identity/scanner-burst.ts';

export interface ScannerCaptureHandlers {
  onScan(text: string): void;
  /** A person's keys, in order, to be typed where the focus is (`target` had it when typed). */
  onRelease(text: string, target: Element | null): void;
}

/** Installs the capture listener on `target` (the window); returns the uninstaller. */
export function installScannerCapture(target: Window, handlers: ScannerCaptureHandlers): () => void {
  let state: BurstState = createBurstState();
  let timer: number | null = null;
  let heldTarget: Element | null = null;

  const settle = (settled: BurstSettlement[]) => {
    for (const s of settled) {
      if (s.kind === 'scan') handlers.onScan(s.text);
      else handlers.onRelease(s.text, heldTarget);
    }
  };

  const schedule = () => {
    if (timer !== null) target.clearTimeout(timer);
    timer = null;
    const deadline = nextDeadline(state);
    if (deadline === null || state.lastKeyAt === null) return;
    const waitMs = deadline - state.lastKeyAt;
    const heldAt = state.lastKeyAt;
    timer = target.setTimeout(() => {
      timer = null;
      // The timer fired, so the deadline has passed; a newer key would have rescheduled.
      if (state.lastKeyAt !== heldAt) return;
      const step = tick(state, deadline);
      state = step.state;
      settle(step.settled);
    }, waitMs);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Auto-repeat, IME composition and shortcuts are a person's, and pass untouched.
    if (e.repeat || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = feedKey(state, e.key, e.timeStamp);
    settle(step.settled);
    state = step.state;
    if (step.decision === 'hold') {
      e.preventDefault();
      e.stopPropagation();
      if (state.buffer.length === 1) heldTarget = document.activeElement;
    }
    schedule();
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    if (timer !== null) target.clearTimeout(timer);
    // Keys still held belong to the person: give them back rather than drop them.
    const rest = state.buffer;
    state = createBurstState();
    if (rest) handlers.onRelease(rest, heldTarget);
  };
}
