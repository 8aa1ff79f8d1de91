import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ReceiptPrintPayloadSchema } from '../../../shared/contracts/sync.ts';
import type { KioskDb } from '../../db/db.ts';
import { outboxPayload, outboxPending } from './outbox.ts';
import {
  recordReceiptPrinted,
  reportLeftoverUnprintedReceipts,
  reportReceiptUnprinted,
  unprintedReceiptByCode,
  unprintedReceiptCount,
  unprintedReceipts,
} from './receipt-print.ts';
import { submitDossier } from './submit.ts';
import { dropDb, freshDb, roomy, submitInput, vn } from './test-support.ts';

let db: KioskDb;
afterEach(async () => {
  await dropDb(db);
});

async function submitted(at: Date) {
  const r = await submitDossier(submitInput(at), { db, space: roomy });
  if (!r.ok) throw new Error(`not submitted: ${r.reason}`);
  return r.dossier;
}

const receiptItems = async () =>
  (await outboxPending(100, {}, { db }))
    .filter((r) => r.kind === 'receipt-print')
    .map((r) => ReceiptPrintPayloadSchema.parse(outboxPayload(r)));

describe('a receipt that has not printed', () => {
  it('is marked in the transaction that stores the dossier, and listed oldest first', async () => {
    db = freshDb();
    const first = await submitted(vn('2026-11-23T08:00'));
    const second = await submitted(vn('2026-11-23T08:05'));
    expect((await db.dossiers.get(first.id))?.receiptUnprinted).toBe(1);
    expect((await unprintedReceipts({ db })).map((d) => d.id)).toEqual([first.id, second.id]);
    expect(await unprintedReceiptCount({ db })).toBe(2);
    // Printing it promptly says nothing to the office: no extra sync item.
    expect(await recordReceiptPrinted(first.id, { db, now: () => vn('2026-11-23T08:01') })).toBe(true);
    expect(await receiptItems()).toEqual([]);
    expect(await unprintedReceiptCount({ db })).toBe(1);
    const row = await db.dossiers.get(first.id);
    expect(row?.receiptUnprinted).toBeUndefined();
    expect(row?.printed?.receipt?.at).toBe(vn('2026-11-23T08:01').toISOString());
  });

  it('is reported to the office once, and its later printing too', async () => {
    db = freshDb();
    const d = await submitted(vn('2026-11-23T09:00'));
    const ctx = { db, now: () => vn('2026-11-23T09:01') };
    expect(await reportReceiptUnprinted(d.id, ctx)).toBe(true);
    expect(await reportReceiptUnprinted(d.id, ctx)).toBe(false);
    expect(await receiptItems()).toEqual([
      expect.objectContaining({ dossierId: d.id, printed: false, at: '2026-11-23T09:01:00+07:00' }),
    ]);
    // Seq carries on after the dossier's own item.
    const seqs = (await outboxPending(100, {}, { db })).map((r) => r.seq);
    expect(seqs).toEqual([1, 2]);
    expect(await recordReceiptPrinted(d.id, { db, now: () => vn('2026-11-23T10:00') })).toBe(true);
    expect((await receiptItems()).map((p) => p.printed)).toEqual([false, true]);
    // A reprint later is bookkeeping only.
    expect(await recordReceiptPrinted(d.id, { db, now: () => vn('2026-11-23T11:00') })).toBe(true);
    expect(await receiptItems()).toHaveLength(2);
    expect(await reportReceiptUnprinted(d.id, ctx)).toBe(false);
  });

  it('left by a crash is reported at the next start, and found by its code only while unprinted', async () => {
    db = freshDb();
    const a = await submitted(vn('2026-11-23T09:00'));
    const b = await submitted(vn('2026-11-23T09:10'));
    await recordReceiptPrinted(b.id, { db });
    expect(await reportLeftoverUnprintedReceipts({ db })).toBe(1);
    expect(await reportLeftoverUnprintedReceipts({ db })).toBe(0);
    expect((await unprintedReceiptByCode(` ${a.code} `, { db }))?.id).toBe(a.id);
    expect(await unprintedReceiptByCode(b.code, { db })).toBeNull();
    expect(await unprintedReceiptByCode('nope', { db })).toBeNull();
    expect(await recordReceiptPrinted('missing', { db })).toBe(false);
  });
});
