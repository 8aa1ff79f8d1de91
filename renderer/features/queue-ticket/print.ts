/**
 * The ticket on the 80 mm roll, through the same print path as the receipt: main renders
 * the PDF (kept under one fixed name, so only the latest ticket is on disk: it holds nothing
 * personal) and prints it, through CUPS following the job to completion under the headless
 * host, or Electron's print callback; "printed" only when a printer accepted it.
 */
import type { KioskTicket } from '../../../shared/contracts/tickets.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import type { BridgeClient } from '../../bridge/client.ts';
import { afterBrowserPrint, stepOf, type PrintJobState, printInHiddenFrame } from '../receipt/index.ts';

export type TicketPrintState = PrintJobState;

/** The folder name main keeps the ticket's PDF under (PrintDossierIdSchema). */
export const TICKET_PRINT_ID = 'queue-ticket';

export async function printTicket(
  client: BridgeClient,
  ticket: KioskTicket,
  options: { officeName: string; lang: Language },
): Promise<TicketPrintState> {
  try {
    // The printing code and the QR encoder are fetched with the first ticket, not at start.
    const [{ buildTicketDocument }, { default: QRCode }] = await Promise.all([
      import('../../../shared/print/ticket.ts'),
      import('qrcode'),
    ]);
    const qrSvg = ticket.positionUrl
      ? await QRCode.toString(ticket.positionUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
      : null;
    const doc = buildTicketDocument({ ticket, officeName: options.officeName, lang: options.lang, qrSvg });
    const result = await client.invoke('printDocument', {
      kind: 'ticket',
      paper: doc.paper,
      html: doc.html,
      title: doc.title,
      dossierId: TICKET_PRINT_ID,
    });
    const step = stepOf(result);
    if (step.next === 'done') return step.state;
    try {
      await printInHiddenFrame(step.documentUrl);
      return afterBrowserPrint(true, step.pdfKept);
    } catch {
      return afterBrowserPrint(false, step.pdfKept);
    }
  } catch {
    return { status: 'failed', reason: 'bridge', pdfKept: false };
  }
}
