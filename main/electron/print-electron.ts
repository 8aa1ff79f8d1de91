/**
 * Printing under Electron: one hidden window per job, in its own in-memory session,
 * with JavaScript off, the sandbox on and no preload, showing a document that main
 * wrote to a temporary file. printToPDF makes the kept PDF; webContents.print sends
 * the same document to the printer silently with an explicit page size in microns
 * (Electron's silent print otherwise uses the printer's default paper, usually A4).
 *
 * The window is `show: false` rather than offscreen: printing from offscreen-rendered
 * windows has a history of blank pages in Electron's issue tracker, and a window that
 * is never shown is just as invisible at the kiosk.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import type { PrintPaper } from '../../shared/contracts/bridge.ts';
import type { Logger } from '../services/logger.ts';
import { isRoll, micronsToInches, pageSizeMicrons, paperWidthCssPx } from '../services/print/paper.ts';
import { checkPrinter, failureFromPrintCallback } from '../services/print/printer-status.ts';
import type {
  DocumentRenderer,
  PrinterDriver,
  PrintOutcome,
  RenderedDocument,
} from '../services/print/types.ts';

/** The parts of the electron module printing uses (injected, so it is testable without Electron). */
export interface ElectronPrintApi {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  session: { fromPartition(partition: string): Session };
}

/** In-memory (no "persist:"): print documents leave nothing behind in a browser profile. */
export const PRINT_PARTITION = 'kiosk-print';

export interface ElectronPrintOptions {
  electron: ElectronPrintApi;
  logger: Logger;
  /** Where the per-job document file is written; default the OS temp folder. */
  tempDir?: string;
  timeoutMs?: number;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens the job's window on a temp file holding the document, runs `use`, and always
 * closes the window and deletes the file. Only that one file may load: every other
 * request of the session is cancelled (the document's CSP blocks them too).
 */
function createJobRunner(options: ElectronPrintOptions) {
  const { electron, logger } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const allowed = new Set<string>();
  let printSession: Session | undefined;

  const sessionForPrint = (): Session => {
    if (printSession) return printSession;
    const ses = electron.session.fromPartition(PRINT_PARTITION);
    ses.webRequest.onBeforeRequest((details, callback) => {
      const ok = allowed.has(details.url) || details.url.startsWith('data:');
      if (!ok) logger.warn('print-request-blocked', { url: details.url.slice(0, 200) });
      callback({ cancel: !ok });
    });
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    printSession = ses;
    return ses;
  };

  return async function withDocumentWindow<T>(
    html: string,
    paper: PrintPaper,
    use: (win: BrowserWindow) => Promise<T>,
  ): Promise<T> {
    const file = path.join(options.tempDir ?? os.tmpdir(), `kiosk-print-${randomUUID()}.html`);
    const url = pathToFileURL(file).href;
    await writeFile(file, html, { mode: 0o600 });
    allowed.add(url);
    const win = new electron.BrowserWindow({
      show: false,
      width: paperWidthCssPx(paper),
      height: isRoll(paper) ? 200 : 1123,
      paintWhenInitiallyHidden: true,
      webPreferences: {
        session: sessionForPrint(),
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        devTools: false,
        images: true,
      },
    });
    try {
      // loadFile resolves on did-finish-load and rejects on did-fail-load.
      await withTimeout(win.webContents.loadFile(file), timeoutMs, 'Loading the print document');
      return await withTimeout(use(win), timeoutMs, 'Printing');
    } finally {
      allowed.delete(url);
      if (!win.isDestroyed()) win.destroy();
      await rm(file, { force: true });
    }
  };
}

/** The printed height of the document at the window's width, via the DevTools protocol (no page script). */
async function contentHeightCssPx(win: BrowserWindow): Promise<number> {
  const dbg = win.webContents.debugger;
  dbg.attach('1.3');
  try {
    await dbg.sendCommand('Emulation.setEmulatedMedia', { media: 'print' });
    await dbg.sendCommand('Emulation.setDeviceMetricsOverride', {
      width: Math.round(win.getContentBounds().width),
      height: 1,
      deviceScaleFactor: 1,
      mobile: false,
    });
    const metrics = (await dbg.sendCommand('Page.getLayoutMetrics')) as {
      cssContentSize: { height: number };
    };
    return metrics.cssContentSize.height;
  } finally {
    await dbg.sendCommand('Emulation.clearDeviceMetricsOverride').catch(() => undefined);
    await dbg.sendCommand('Emulation.setEmulatedMedia', { media: '' }).catch(() => undefined);
    dbg.detach();
  }
}

export function createElectronRenderer(options: ElectronPrintOptions): DocumentRenderer {
  const withDocumentWindow = createJobRunner(options);
  return {
    render: ({ html, paper }) =>
      withDocumentWindow(html, paper, async (win): Promise<RenderedDocument> => {
        const size = pageSizeMicrons(paper, isRoll(paper) ? await contentHeightCssPx(win) : undefined);
        const pdf = await win.webContents.printToPDF({
          // printToPDF takes inches (docs: structures/print-to-pdf-options).
          pageSize: { width: micronsToInches(size.width), height: micronsToInches(size.height) },
          preferCSSPageSize: !isRoll(paper),
          printBackground: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        });
        return { pdf: new Uint8Array(pdf), pageSize: size };
      }),
  };
}

export function createElectronPrinter(
  options: ElectronPrintOptions & { printerName: string | undefined },
): PrinterDriver {
  const withDocumentWindow = createJobRunner(options);
  const deviceName = options.printerName?.trim() || undefined;
  return {
    via: 'main',
    print: (job) =>
      withDocumentWindow(job.html, job.paper, async (win): Promise<PrintOutcome> => {
        const printers = await win.webContents.getPrintersAsync();
        const problem = checkPrinter(printers, deviceName);
        if (problem) return { ok: false, failure: problem };
        // The profile may give the name shown to people; print() needs the system name.
        const systemName = deviceName
          ? (
              printers.find((p) => p.name === deviceName) ??
              printers.find((p) => p.displayName === deviceName)
            )?.name
          : undefined;
        return new Promise<PrintOutcome>((resolve) => {
          win.webContents.print(
            {
              silent: true,
              printBackground: true,
              ...(systemName ? { deviceName: systemName } : {}),
              // print takes microns for a custom size; without it silent print uses the printer's default paper.
              pageSize: { width: job.pageSize.width, height: job.pageSize.height },
              // 'default' keeps the document's own @page margins.
              margins: { marginType: 'default' },
              copies: job.copies,
            },
            (success, failureReason) =>
              resolve(
                success ? { ok: true } : { ok: false, failure: failureFromPrintCallback(failureReason) },
              ),
          );
        });
      }),
  };
}
