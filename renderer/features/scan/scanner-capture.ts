/**
 * The USB ID-card scanner in keyboard mode, caught before any field sees it. Every key and
 * every text input goes through the burst detector (shared/identity/scanner-burst.ts) in
 * the capture phase: what is typed is held (default prevented) until we know who typed
 * it; a person's keys are then given back to `onRelease` (which types them into the
 * focused field) a few ms later, a scanner's burst goes to `onScan` and never reaches the
 * field.
 *
 * Scanners in Alt-code or Unicode mode (and input methods, and test drivers) deliver the
 * Vietnamese letters as text input, not keys. Text input only happens in an editable
 * element, so while a burst is held and the focus is on something that is not one (a
 * step heading, a button), the focus moves to an off-screen sink that receives the text;
 * it goes back where it was when the burst settles.
 */
import {
  createBurstState,
  feedKey,
  feedText,
  nextDeadline,
  tick,
  type BurstKeyStep,
  type BurstSettlement,
  type BurstState,
} from '../../../shared/identity/scanner-burst.ts';

export interface ScannerCaptureHandlers {
  onScan(text: string): void;
  /** A person's keys, in order, to be typed where the focus is (`target` had it when typed). */
  onRelease(text: string, target: Element | null): void;
}

export interface ScannerCaptureOptions {
  /**
   * Milliseconds on a monotonic clock; unit tests inject theirs. By default a device's
   * event counts from its own timeStamp (when it was typed, even if a busy page handles it
   * later); a script's event from the page clock, which end-to-end tests can hold still.
   */
  now?: () => number;
}

function isEditable(el: Element | null): boolean {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    return !el.readOnly && !el.disabled && !['checkbox', 'radio', 'button', 'submit'].includes(el.type);
  }
  return el instanceof HTMLElement && el.isContentEditable;
}

/** What a text input that could not be cancelled changed, to be undone on its `input` event. */
interface Undo {
  el: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  start: number | null;
  end: number | null;
}

/** Installs the capture listeners on `target` (the window); returns the uninstaller. */
export function installScannerCapture(
  target: Window,
  handlers: ScannerCaptureHandlers,
  options: ScannerCaptureOptions = {},
): () => void {
  const at = (e: Event): number =>
    options.now ? options.now() : e.isTrusted ? e.timeStamp : target.performance.now();
  const doc = target.document;
  let state: BurstState = createBurstState();
  let timer: number | null = null;
  let heldTarget: Element | null = null;
  let sink: HTMLTextAreaElement | null = null;
  let releasing = false;
  let undo: Undo | null = null;

  const sinkElement = (): HTMLTextAreaElement => {
    if (sink) return sink;
    sink = doc.createElement('textarea');
    sink.setAttribute('aria-hidden', 'true');
    sink.tabIndex = -1;
    sink.className = 'scanner-sink';
    // Off screen but focusable: display:none or visibility:hidden could not take text.
    sink.style.cssText = 'position:fixed;left:-10000px;top:0;width:1px;height:1px;opacity:0';
    doc.body.append(sink);
    return sink;
  };

  const restoreFocus = () => {
    if (!sink || doc.activeElement !== sink) return;
    sink.value = '';
    if (heldTarget instanceof HTMLElement && heldTarget.isConnected)
      heldTarget.focus({ preventScroll: true });
    else sink.blur();
  };

  const settle = (settled: BurstSettlement[]) => {
    if (settled.length === 0) return;
    restoreFocus();
    for (const s of settled) {
      if (s.kind === 'scan') {
        handlers.onScan(s.text);
        continue;
      }
      // A release may insert text (execCommand), which fires beforeinput again: not a burst.
      releasing = true;
      try {
        handlers.onRelease(s.text, heldTarget);
      } finally {
        releasing = false;
      }
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

  /** Applies one step of the detector; true when what was typed is held. */
  const apply = (step: BurstKeyStep): boolean => {
    const startsRun = state.buffer === '' || step.settled.length > 0;
    settle(step.settled);
    state = step.state;
    if (step.decision === 'hold' && startsRun && state.buffer !== '') {
      heldTarget = doc.activeElement === sink ? heldTarget : doc.activeElement;
      if (!isEditable(doc.activeElement)) sinkElement().focus({ preventScroll: true });
    }
    schedule();
    return step.decision === 'hold';
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Auto-repeat, IME composition and shortcuts are a person's, and pass untouched.
    if (e.repeat || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (apply(feedKey(state, e.key, at(e)))) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onBeforeInput = (e: Event) => {
    const input = e as InputEvent;
    if (releasing || input.inputType !== 'insertText' || !input.data || input.isComposing) return;
    if (!apply(feedText(state, input.data, at(e)))) return;
    e.stopPropagation();
    if (e.cancelable) {
      e.preventDefault();
      return;
    }
    // Not cancellable (some input methods): let it land, then take it back on `input`.
    const el = e.target;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      undo = { el, value: el.value, start: el.selectionStart, end: el.selectionEnd };
    }
  };

  const onInput = (e: Event) => {
    if (!undo || e.target !== undo.el) return;
    const { el, value, start, end } = undo;
    undo = null;
    el.value = value;
    el.setSelectionRange(start, end);
    // The field's own handlers (React's onChange) never see the scanner's text.
    e.stopImmediatePropagation();
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  target.addEventListener('beforeinput', onBeforeInput, { capture: true });
  target.addEventListener('input', onInput, { capture: true });
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    target.removeEventListener('beforeinput', onBeforeInput, { capture: true });
    target.removeEventListener('input', onInput, { capture: true });
    if (timer !== null) target.clearTimeout(timer);
    restoreFocus();
    sink?.remove();
    sink = null;
    // Keys still held belong to the person: give them back rather than drop them.
    const rest = state.buffer;
    state = createBurstState();
    if (rest) handlers.onRelease(rest, heldTarget);
  };
}
