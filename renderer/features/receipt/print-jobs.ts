/**
 * Printing a dossier's documents through the bridge, with the state the receipt screen
 * shows (printing / printed / failed with a reason and Retry). The dossier is already
 * committed before anything here runs, so a print failure never touches it.
 */
import { create } from 'zustand';
import type { PrintKind } from '../../../shared/contracts/bridge.ts';
import type { PrintDocument } from '../../../shared/print/index.ts';
import type { BridgeClient } from '../../bridge/client.ts';
import { recordPrinted, recordReceiptPrinted, reportReceiptUnprinted } from '../dossier/index.ts';
import { afterBrowserPrint, receiptMarkAfter, stepOf, type PrintJobState } from './print-state.ts';

export type { PrintJobState, PrintFailureReason } from './print-state.ts';
interface PrintJobsState {
  jobs: Record<string, PrintJobState>;
  set(key: string, state: PrintJobState): void;
}

export const usePrintJobs = create<PrintJobsState>((set) => ({
  jobs: {},
  set: (key, state) => set((s) => ({ jobs: { ...s.jobs, [key]: state } })),
}));

export const jobKey = (dossierId: string, kind: PrintKind) => `${dossierId}:${kind}`;

const IFRAME_LOAD_TIMEOUT_MS = 15_000;

/**
 * printVia 'renderer': main kept the document but did not print it (headless host without
 * a CUPS printer). The kiosk Chromium runs with --kiosk-printing, so print() in a hidden
 * same-origin iframe goes to the default printer without a dialog.
 */
export function printInHiddenFrame(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    const timer = window.setTimeout(() => {
      frame.remove();
      reject(new Error('print document did not load'));
    }, IFRAME_LOAD_TIMEOUT_MS);
    frame.onload = () => {
      window.clearTimeout(timer);
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
        resolve();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        // print() returns once the job is spooled; keep the frame a moment for slow spoolers.
        window.setTimeout(() => frame.remove(), 60_000);
      }
    };
    frame.src = url;
    document.body.appendChild(frame);
  });
}

async function settle(result: Parameters<typeof stepOf>[0]): Promise<PrintJobState> {
  const step = stepOf(result);
  if (step.next === 'done') return step.state;
  try {
    await printInHiddenFrame(step.documentUrl);
    return afterBrowserPrint(true, step.pdfKept);
  } catch {
    return afterBrowserPrint(false, step.pdfKept);
  }
}

/** The dossier's bookkeeping after a print: when it printed, and its receipt mark. */
export async function recordPrintOutcome(dossierId: string, kind: PrintKind, state: PrintJobState) {
  if (kind === 'declaration') {
    if (state.status === 'printed' || state.status === 'sent') await recordPrinted(dossierId, kind, null);
    return;
  }
  const mark = receiptMarkAfter(state);
  if (mark === 'clear') await recordReceiptPrinted(dossierId);
  if (mark === 'report-unprinted') await reportReceiptUnprinted(dossierId);
}

/** Prints one document; `reprint` uses the kept copy when main has one (the retry after a failure). */
export async function runPrintJob(
  client: BridgeClient,
  dossierId: string,
  kind: PrintKind,
  build: () => Promise<PrintDocument>,
  options: { reprint?: boolean } = {},
): Promise<PrintJobState> {
  const key = jobKey(dossierId, kind);
  const store = usePrintJobs.getState();
  store.set(key, { status: 'printing' });
  let state: PrintJobState;
  try {
    const result = options.reprint
      ? await client.invoke('reprintDocument', { kind, dossierId })
      : await (async () => {
          const doc = await build();
          return client.invoke('printDocument', {
            kind,
            paper: doc.paper,
            html: doc.html,
            title: doc.title,
            dossierId,
          });
        })();
    state = await settle(result);
  } catch {
    state = { status: 'failed', reason: 'bridge', pdfKept: false };
  }
  usePrintJobs.getState().set(key, state);
  // The dossier is stored whatever happens here; its bookkeeping must not undo the print state.
  await recordPrintOutcome(dossierId, kind, state).catch(() => undefined);
  return state;
}
