import type { PrintFailure } from '../../../shared/contracts/bridge.ts';

/**
 * What the OS says about a printer, as Electron's `webContents.getPrintersAsync()`
 * reports it (PrinterInfo: `name`, `displayName`, and platform `options`; on CUPS these
 * are the IPP attributes, e.g. 'printer-state' '3' idle / '4' printing / '5' stopped,
 * and 'printer-state-reasons' such as 'media-empty-error' or 'offline-report').
 */
export interface PrinterInfoLike {
  name: string;
  displayName?: string;
  options?: Record<string, string> | object;
}

const PAPER_OUT = /\bmedia-(empty|needed|jam)\b|paper[ -]?(out|jam|problem)/i;
const OFFLINE = /\boffline\b|\b(shutdown|stopped|paused)\b|connecting-to-device|\bdoor-open\b|not available/i;

function optionsOf(printer: PrinterInfoLike): Record<string, string> {
  return (printer.options ?? {}) as Record<string, string>;
}

/**
 * Before printing: is the configured printer there and ready? `null` means go ahead
 * (including when the OS reports nothing useful: the print call then has the last word).
 * With no name configured, the OS default printer is used, so any printer at all will do.
 */
export function checkPrinter(
  printers: readonly PrinterInfoLike[],
  wanted: string | undefined,
): PrintFailure | null {
  if (printers.length === 0) return { reason: 'no-printer', message: 'No printer is installed' };
  const name = wanted?.trim();
  const printer = name
    ? (printers.find((p) => p.name === name) ?? printers.find((p) => p.displayName === name))
    : undefined;
  if (name && !printer) {
    return {
      reason: 'no-printer',
      message: `Printer "${name}" not found (installed: ${printers.map((p) => p.name).join(', ')})`,
    };
  }
  if (!printer) return null;
  const options = optionsOf(printer);
  const reasons = `${options['printer-state-reasons'] ?? ''} ${options['printer-status'] ?? ''}`.trim();
  if (PAPER_OUT.test(reasons)) return { reason: 'paper-out', message: `${printer.name}: ${reasons}` };
  if (
    options['printer-state'] === '5' ||
    OFFLINE.test(reasons) ||
    options['printer-is-accepting-jobs'] === 'false'
  ) {
    return { reason: 'printer-offline', message: `${printer.name}: ${reasons || 'stopped'}` };
  }
  return null;
}

/**
 * Electron's print callback gives a free-text `failureReason` ("Invalid printer
 * settings", "Print job canceled", "Print job failed" per its docs); map what can be
 * recognised, the rest is a plain failed print.
 */
export function failureFromPrintCallback(failureReason: string): PrintFailure {
  const text = failureReason || 'Print job failed';
  if (PAPER_OUT.test(text)) return { reason: 'paper-out', message: text };
  if (/no printer|printer not found|does not exist/i.test(text))
    return { reason: 'no-printer', message: text };
  if (OFFLINE.test(text)) return { reason: 'printer-offline', message: text };
  return { reason: 'print-failed', message: text };
}
