/**
 * Whether a dossier's receipt (giấy tiếp nhận) came out of a printer. submitDossier marks
 * every new dossier "receipt not printed" (receiptUnprinted) in the transaction that
 * stores it; recordReceiptPrinted clears the mark once a printer accepted the receipt.
 * A crash or a kiosk with no printer therefore leaves the mark, and the kiosk offers the
 * receipt again. The office hears of it only when it matters: reportReceiptUnprinted
 * queues a 'receipt-print' item (printed: false) after a failed print or at the next
 * start, and the print that then succeeds queues printed: true.
 */
import { ReceiptPrintPayloadSchema, type ReceiptPrintPayload } from '../../../shared/contracts/sync.ts';
import { toVietnamIso } from '../../../shared/domain/vietnam-time.ts';
import { newId, type DossierRow, type KioskDb } from '../../db/db.ts';
import { dbOf, nowOf, type DataContext } from '../../db/context.ts';
import { contentHash } from './crypto.ts';
import { issueOutboxSeq, newOutboxRow } from './outbox.ts';
import { dayKeysOf } from './at-rest.ts';
import { openDossier, openDossiers } from './sealed-rows.ts';

export function receiptPrintPayload(dossierId: string, printed: boolean, at: Date): ReceiptPrintPayload {
  return ReceiptPrintPayloadSchema.parse({ id: newId(), dossierId, printed, at: toVietnamIso(at) });
}

/** Inside a rw transaction over outbox and meta. */
async function queueReceiptPrint(db: KioskDb, dossierId: string, printed: boolean, now: Date) {
  const payload = receiptPrintPayload(dossierId, printed, now);
  const [seq] = await issueOutboxSeq(db);
  await db.outbox.add(
    newOutboxRow(
      { id: payload.id, kind: 'receipt-print', seq: seq!, hash: contentHash(payload), payload, dossierId },
      now,
    ),
  );
}

/**
 * A printer accepted this dossier's receipt: records when and clears the mark, telling
 * the office if it had been told otherwise, in one transaction. False for an unknown dossier.
 */
export async function recordReceiptPrinted(dossierId: string, ctx: DataContext = {}): Promise<boolean> {
  const db = dbOf(ctx);
  const now = nowOf(ctx);
  return db.transaction('rw', [db.dossiers, db.outbox, db.meta], async () => {
    const row = await db.dossiers.get(dossierId);
    if (!row) return false;
    const printed: NonNullable<DossierRow['printed']> = {
      ...row.printed,
      receipt: { at: now.toISOString(), pdfRef: row.printed?.receipt?.pdfRef ?? null },
    };
    await db.dossiers.update(dossierId, {
      printed,
      receiptUnprinted: undefined,
      receiptUnprintedReported: undefined,
    });
    if (row.receiptUnprinted === 1 && row.receiptUnprintedReported) {
      await queueReceiptPrint(db, dossierId, true, now);
    }
    return true;
  });
}

/**
 * The receipt did not print (no printer, a failure, or found unprinted at start): tells
 * the office once, so its queue shows "chưa in giấy tiếp nhận". Returns whether an item
 * was queued now.
 */
export async function reportReceiptUnprinted(dossierId: string, ctx: DataContext = {}): Promise<boolean> {
  const db = dbOf(ctx);
  const now = nowOf(ctx);
  return db.transaction('rw', [db.dossiers, db.outbox, db.meta], async () => {
    const row = await db.dossiers.get(dossierId);
    if (!row || row.receiptUnprinted !== 1 || row.receiptUnprintedReported) return false;
    await db.dossiers.update(dossierId, { receiptUnprintedReported: true });
    await queueReceiptPrint(db, dossierId, false, now);
    return true;
  });
}

/** Dossiers whose receipt has not printed, oldest first (the sparse receiptUnprinted index). */
export async function unprintedReceipts(ctx: DataContext = {}, limit = 200): Promise<DossierRow[]> {
  const db = dbOf(ctx);
  const rows = await openDossiers(
    dayKeysOf(db),
    await db.dossiers.where('receiptUnprinted').equals(1).limit(limit).toArray(),
  );
  return rows.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
}

/** How many receipts wait to be printed (the count shown at start: no personal data). */
export function unprintedReceiptCount(ctx: DataContext = {}): Promise<number> {
  return dbOf(ctx).dossiers.where('receiptUnprinted').equals(1).count();
}

/** At start: the office hears of every receipt a crash left unprinted. */
export async function reportLeftoverUnprintedReceipts(ctx: DataContext = {}): Promise<number> {
  let queued = 0;
  for (const row of await unprintedReceipts(ctx, 1000)) {
    if (await reportReceiptUnprinted(row.id, ctx)) queued++;
  }
  return queued;
}

/** The unprinted receipt with this code, for the citizen who holds the code; else null. */
export async function unprintedReceiptByCode(
  code: string,
  ctx: DataContext = {},
): Promise<DossierRow | null> {
  const db = dbOf(ctx);
  const row = await db.dossiers.where('code').equals(code.trim()).first();
  return row?.receiptUnprinted === 1 ? openDossier(dayKeysOf(db), row) : null;
}
