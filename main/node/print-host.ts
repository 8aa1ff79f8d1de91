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
 * Under the headless host, who prints: with a printer named in the profile and CUPS'
 * tools present, main sends the kept PDF to it with `lp` (failures such as paper out are
 * then reported); otherwise the kiosk's own Chromium, started with --kiosk-printing,
 * prints the document silently to the system's default printer (printVia 'renderer').
 */
export async function choosePrinter(options: {
  printerName: string | undefined;
  run: CommandRunner;
  logger: Logger;
}): Promise<PrinterDriver> {
  const name = options.printerName?.trim();
  if (name && (await cupsAvailable(options.run))) {
    options.logger.info('print-via-cups', { printer: name });
    return createCupsPrinter({ printerName: name, run: options.run });
  }
  if (name) options.logger.warn('print-cups-missing', { printer: name, fallback: 'renderer' });
  else options.logger.info('print-via-renderer');
  return { via: 'renderer' };
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
