/**
 * What the kiosk may say about a print, from the bridge's PrintResult: "printed" only
 * when a printer accepted the job (CUPS reported the job completed, or Electron's print
 * callback succeeded); a failure with its reason otherwise. Pure, so the rule is tested
 * on its own (print-state.test.ts).
 */
import type { PrintResult } from '../../../shared/contracts/bridge.ts';

export type PrintFailureReason = NonNullable<PrintResult['failure']>['reason'] | 'bridge';

export type PrintJobState =
  | { status: 'printing' }
  /** A printer accepted the job. */
  | { status: 'printed' }
  /**
   * Handed to the kiosk browser's own silent printing (a headless host without CUPS on
   * a system other than Linux): nothing reports whether paper came out, so the screen
   * says "sent", never "printed".
   */
  | { status: 'sent' }
  | { status: 'failed'; reason: PrintFailureReason; pdfKept: boolean };

/** The next step for a result: a final state, or printing in the kiosk browser first. */
export type PrintStep =
  | { next: 'done'; state: Exclude<PrintJobState, { status: 'printing' }> }
  | { next: 'print-in-browser'; documentUrl: string; pdfKept: boolean };

export function stepOf(result: PrintResult): PrintStep {
  if (result.printed && !result.failure) return { next: 'done', state: { status: 'printed' } };
  if (result.failure) {
    return {
      next: 'done',
      state: { status: 'failed', reason: result.failure.reason, pdfKept: result.pdfKept },
    };
  }
  if (result.printVia === 'renderer' && result.documentUrl) {
    return { next: 'print-in-browser', documentUrl: result.documentUrl, pdfKept: result.pdfKept };
  }
  // Main neither printed nor said why: never call that printed.
  return { next: 'done', state: { status: 'failed', reason: 'print-failed', pdfKept: result.pdfKept } };
}

/** After the kiosk browser's print() returned or threw. */
export function afterBrowserPrint(ok: boolean, pdfKept: boolean): PrintJobState {
  return ok ? { status: 'sent' } : { status: 'failed', reason: 'print-failed', pdfKept };
}

/**
 * What a receipt's final state means for the dossier's "receipt not printed" mark:
 * cleared once it printed (or was sent, when nothing could ever confirm it), reported to
 * the office when it failed.
 */
export function receiptMarkAfter(state: PrintJobState): 'clear' | 'report-unprinted' | 'keep' {
  if (state.status === 'printed' || state.status === 'sent') return 'clear';
  if (state.status === 'failed') return 'report-unprinted';
  return 'keep';
}
