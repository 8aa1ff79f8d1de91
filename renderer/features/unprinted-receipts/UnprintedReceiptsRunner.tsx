import { useEffect } from 'react';
import { reportLeftoverUnprintedReceipts } from '../dossier/index.ts';

/**
 * At start: every receipt a crash left unprinted is reported to the office (a
 * 'receipt-print' sync item), so its queue shows "chưa in giấy tiếp nhận" until the
 * kiosk prints it. Renders nothing; a failure is tried again at the next start.
 */
export function UnprintedReceiptsRunner() {
  useEffect(() => {
    reportLeftoverUnprintedReceipts().catch((error: unknown) => {
      console.warn('unprinted receipts: report failed, will retry at the next start', error);
    });
  }, []);
  return null;
}
