import path from 'node:path';
import type { Logger } from '../services/logger.ts';
import { createPdfStore } from '../services/print/pdf-store.ts';
import { createPrintFontSource } from '../services/print/print-fonts.ts';
import { createPrintService, type PrintService } from '../services/print/print-service.ts';
import type { DocumentRenderer, PrinterDriver } from '../services/print/types.ts';
import { createCupsPrinter, cupsAvailable, execCommand, type CommandRunner } from './print-cups.ts';
import { createChromiumRenderer } from './print-chromium.ts';

export interface HeadlessPrintOptions {
  /** <dataDir>/prints */
  printsDir: string;
  /** assets/fonts */
  fontsDir: string;
  /** profile.kiosk.printerName */
  printerName: string | undefined;
  logger: Logger;
  clock?: () => Date;
  /** Injected in tests; default: the system Chromium via playwright-core. */
  renderer?: DocumentRenderer;
  /** Injected in tests; default: chosen by `choosePrinter`. */
  printer?: PrinterDriver;
  run?: CommandRunner;
}

/**
 * Under the headless host, who prints. With CUPS' tools present, main sends the kept PDF
 * with `lp` to the printer the profile names, else to CUPS' default destination, and
 * follows the job until CUPS reports it completed: only then is it "printed". On Linux
 * without CUPS there is no printer at all (Chromium prints through CUPS there too), so
 * every print reports 'no-printer' and the kiosk shows the receipt on screen. Elsewhere
 * the kiosk's own Chromium, started with --kiosk-printing, prints the document to the
 * system's default printer (printVia 'renderer'), which cannot tell whether paper came
 * out: the screen says the job was sent, never that it printed.
 */
export async function choosePrinter(options: {
  printerName: string | undefined;
  run: CommandRunner;
  logger: Logger;
  platform?: NodeJS.Platform;
}): Promise<PrinterDriver> {
  const name = options.printerName?.trim() || undefined;
  if (await cupsAvailable(options.run)) {
    options.logger.info('print-via-cups', { printer: name ?? '(default destination)' });
    return createCupsPrinter({ printerName: name, run: options.run });
  }
  if ((options.platform ?? process.platform) === 'linux') {
    options.logger.warn('print-no-cups', { printer: name ?? null });
    return noPrinter('CUPS (lp, lpstat) is not installed: no printer can be reached');
  }
  options.logger.info('print-via-renderer', { printer: name ?? null });
  return { via: 'renderer' };
}

/** A kiosk with no way to reach a printer: every job reports 'no-printer' (the PDF is still kept). */
export function noPrinter(message: string): PrinterDriver {
  return { via: 'main', print: async () => ({ ok: false, failure: { reason: 'no-printer', message } }) };
}

export async function createHeadlessPrintService(options: HeadlessPrintOptions): Promise<PrintService> {
  const { logger } = options;
  const printer =
    options.printer ??
    (await choosePrinter({ printerName: options.printerName, run: options.run ?? execCommand, logger }));
  return createPrintService({
    renderer: options.renderer ?? createChromiumRenderer({ logger }),
    printer,
    store: createPdfStore({ dir: options.printsDir }),
    fonts: createPrintFontSource({ dir: options.fontsDir }),
    logger,
    clock: options.clock ?? (() => new Date()),
  });
}

export const PRINT_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/** Where a checkout or release keeps assets/fonts relative to the project root. */
export function fontsDirOf(projectRoot: string): string {
  return path.join(projectRoot, 'assets', 'fonts');
}
