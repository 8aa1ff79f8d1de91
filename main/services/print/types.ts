import type { PrintFailure, PrintKind, PrintPaper } from '../../../shared/contracts/bridge.ts';
import type { PageSizeMicrons } from './paper.ts';

export type PrintFailureReason = PrintFailure['reason'];

/** Turns a prepared (fonts and CSP added) HTML document into a PDF. One per host. */
export interface DocumentRenderer {
  render(doc: { html: string; paper: PrintPaper; title: string }): Promise<RenderedDocument>;
  /** Release the browser or windows it holds (host shutdown). */
  close?(): Promise<void>;
}

export interface RenderedDocument {
  pdf: Uint8Array;
  /** The page size the PDF was laid out at (a roll's height is measured). */
  pageSize: PageSizeMicrons;
}

export interface PrintJob {
  kind: PrintKind;
  paper: PrintPaper;
  title: string;
  copies: number;
  /** The prepared HTML (what Electron prints: webContents.print prints a page, not a PDF). */
  html: string;
  pdf: Uint8Array;
  /** Where the kept PDF is (what CUPS prints). */
  pdfPath: string;
  pageSize: PageSizeMicrons;
}

export type PrintOutcome = { ok: true } | { ok: false; failure: PrintFailure };

/**
 * Sends a document to the physical printer. `via: 'renderer'` is the headless host
 * without a CUPS printer configured: the kiosk's own Chromium (started with
 * --kiosk-printing) prints the document itself, so main never calls `print`.
 */
export type PrinterDriver =
  { via: 'main'; print(job: PrintJob): Promise<PrintOutcome>; close?(): Promise<void> } | { via: 'renderer' };

/** A reason and a message together; drivers throw nothing, they return this. */
export function printFailure(reason: PrintFailureReason, message: string): PrintOutcome {
  return { ok: false, failure: { reason, message } };
}
