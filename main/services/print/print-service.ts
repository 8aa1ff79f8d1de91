import type { PrintKind, PrintPaper, PrintResult } from '../../../shared/contracts/bridge.ts';
import type { Logger } from '../logger.ts';
import { prepareDocumentHtml } from './document-html.ts';
import { pageSizeMicrons } from './paper.ts';
import type { DocumentRef, KeptDocumentMeta, PdfStore } from './pdf-store.ts';
import type { PrintFontSource } from './print-fonts.ts';
import type { DocumentRenderer, PrinterDriver, PrintOutcome } from './types.ts';

export interface PrintRequest {
  kind: PrintKind;
  paper: PrintPaper;
  html: string;
  title: string;
  dossierId: string;
  copies: number;
}

export interface PrintServiceDeps {
  renderer: DocumentRenderer;
  printer: PrinterDriver;
  store: PdfStore;
  fonts: PrintFontSource;
  logger: Logger;
  clock: () => Date;
  /** Same-origin path the kiosk browser prints from when printVia is 'renderer'. */
  documentUrl?: (ref: DocumentRef) => string;
}

export interface PrintService {
  print(request: PrintRequest): Promise<PrintResult>;
  reprint(request: DocumentRef & { copies: number }): Promise<PrintResult>;
  /** The kept PDF, or undefined when none was kept. */
  readPdf(ref: DocumentRef): Promise<Uint8Array | undefined>;
  /** The kept, prepared HTML (fonts and CSP included), for the kiosk browser to print. */
  readDocumentHtml(ref: DocumentRef): Promise<string | undefined>;
  /**
   * Removes every kept document of these dossiers (retention: their personal data left
   * the kiosk's database). Idempotent; `removed` counts the dossiers that had any.
   */
  forget(dossierIds: readonly string[]): Promise<{ removed: number }>;
  close(): Promise<void>;
}

/** Where the headless host serves a kept document (see main/node/http-server.ts). */
export function defaultDocumentUrl(ref: DocumentRef): string {
  return `/print/${encodeURIComponent(ref.dossierId)}/${ref.kind}.html`;
}

/** Reprint or read of a document that was never kept (or was removed). */
export class NoKeptDocumentError extends Error {
  constructor(readonly ref: DocumentRef) {
    super(`No kept ${ref.kind} for dossier ${ref.dossierId}`);
    this.name = 'NoKeptDocumentError';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Prints declarations and receipts. The PDF comes first and is always kept
 * (`<dataDir>/prints/<dossierId>/<kind>.pdf`), whatever the printer then does: a
 * printer that is missing, offline or out of paper is reported as a reason the
 * renderer shows with a retry, and never costs the document or touches the dossier
 * (which the renderer saved before printing). Jobs run one at a time: a kiosk has one
 * printer, and rendering is the heaviest thing the main process does.
 */
export function createPrintService(deps: PrintServiceDeps): PrintService {
  const { renderer, printer, store, fonts, logger, clock } = deps;
  const documentUrl = deps.documentUrl ?? defaultDocumentUrl;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function sendToPrinter(
    ref: DocumentRef,
    job: { html: string; pdf: Uint8Array; meta: KeptDocumentMeta; copies: number },
  ): Promise<PrintResult> {
    const kept = { pdfKept: true, pdfBytes: job.pdf.byteLength };
    if (printer.via === 'renderer') {
      return { printed: false, printVia: 'renderer', ...kept, documentUrl: documentUrl(ref) };
    }
    let outcome: PrintOutcome;
    try {
      outcome = await printer.print({
        kind: ref.kind,
        paper: job.meta.paper,
        title: job.meta.title,
        copies: job.copies,
        html: job.html,
        pdf: job.pdf,
        pdfPath: store.pdfPath(ref),
        pageSize: job.meta.pageSize ?? pageSizeMicrons(job.meta.paper),
      });
    } catch (error) {
      // Drivers report failures as values; a throw is a driver bug, still only a failed print.
      outcome = { ok: false, failure: { reason: 'print-failed', message: describe(error) } };
    }
    if (outcome.ok) {
      logger.info('print-done', { ...ref, copies: job.copies });
      return { printed: true, printVia: 'main', ...kept };
    }
    logger.warn('print-failed', { ...ref, ...outcome.failure });
    return { printed: false, printVia: 'main', ...kept, failure: outcome.failure };
  }

  return {
    print: (request) =>
      serial(async () => {
        const ref: DocumentRef = { dossierId: request.dossierId, kind: request.kind };
        const meta: KeptDocumentMeta = {
          kind: request.kind,
          paper: request.paper,
          title: request.title,
          keptAt: clock().toISOString(),
        };
        let html: string;
        let pdf: Uint8Array;
        try {
          html = prepareDocumentHtml(request.html, await fonts.fontFaceCss());
          await store.saveDocument(ref, { html, meta });
          const rendered = await renderer.render({ html, paper: request.paper, title: request.title });
          pdf = rendered.pdf;
          meta.pageSize = rendered.pageSize;
          await store.savePdf(ref, pdf, meta);
        } catch (error) {
          logger.error('print-render-failed', { ...ref, error });
          return {
            printed: false,
            printVia: printer.via,
            pdfKept: false,
            pdfBytes: 0,
            failure: { reason: 'render-failed', message: describe(error) },
          };
        }
        logger.info('print-pdf-kept', { ...ref, paper: request.paper, bytes: pdf.byteLength });
        return sendToPrinter(ref, { html, pdf, meta, copies: request.copies });
      }),

    reprint: (request) =>
      serial(async () => {
        const ref: DocumentRef = { dossierId: request.dossierId, kind: request.kind };
        const [doc, pdf] = await Promise.all([store.readDocument(ref), store.readPdf(ref)]);
        if (!doc || !pdf) throw new NoKeptDocumentError(ref);
        logger.info('reprint', { ...ref, copies: request.copies });
        return sendToPrinter(ref, { html: doc.html, pdf, meta: doc.meta, copies: request.copies });
      }),

    readPdf: (ref) => store.readPdf(ref),
    readDocumentHtml: async (ref) => (await store.readDocument(ref))?.html,

    // In the job queue, so a removal never interleaves with a print writing the same folder.
    forget: (dossierIds) =>
      serial(async () => {
        let removed = 0;
        for (const dossierId of new Set(dossierIds)) {
          if (await store.removeDossier(dossierId)) removed++;
        }
        logger.info('print-documents-forgotten', { asked: dossierIds.length, removed });
        return { removed };
      }),

    async close() {
      await queue;
      await renderer.close?.();
      if (printer.via === 'main') await printer.close?.();
    },
  };
}
