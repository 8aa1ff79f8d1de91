import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskDb } from '../../db/db.ts';
import { outboxPending, recordPushResults, toPushItems } from '../dossier/outbox.ts';
import { submitDossier } from '../dossier/submit.ts';
import { dropDb, freshDb, roomy, submitInput, vn } from '../dossier/test-support.ts';
import { enrolmentFirstSeq } from './first-seq.ts';

let db: KioskDb;
afterEach(async () => dropDb(db));

const AT = '2026-11-24T05:00:00+07:00';

async function submitMany(n: number) {
  for (let i = 0; i < n; i++) {
    const r = await submitDossier(submitInput(vn(`2026-11-24 09:${String(i).padStart(2, '0')}`)), {
      db,
      space: roomy,
    });
    if (!r.ok) throw new Error(r.reason);
  }
}

/** The office's answer: the first `stored` items acknowledged, then `refused` ones invalid. */
async function answer(stored: number, refused = 0) {
  const items = toPushItems(await outboxPending(100, {}, { db })).slice(0, stored + refused);
  await recordPushResults(
    items,
    items.map((it, i) =>
      i < stored
        ? { outcome: 'stored', id: it.id, hash: it.hash, officeReceivedAt: AT }
        : { outcome: 'invalid', id: it.id, hash: it.hash, reasons: ['refused'] },
    ),
    new Date(),
    { db },
  );
}

describe('the first seq a kiosk announces at enrolment', () => {
  it('is 1 on a new kiosk', async () => {
    db = freshDb();
    expect(await enrolmentFirstSeq({ db })).toBe(1);
  });

  it('is the lowest pending item: everything from there is still to be sent', async () => {
    db = freshDb();
    await submitMany(5);
    expect(await enrolmentFirstSeq({ db })).toBe(1);
    await answer(3); // 1…3 reached the office under the old identity
    expect(await enrolmentFirstSeq({ db })).toBe(4);
  });

  it('is the next seq when nothing waits (sent and refused items are not sent again)', async () => {
    db = freshDb();
    await submitMany(5);
    await answer(4, 1);
    expect(await enrolmentFirstSeq({ db })).toBe(6);
    // The next dossier takes exactly that number.
    await submitMany(1);
    expect((await outboxPending(10, {}, { db })).map((r) => r.seq)).toEqual([6]);
  });
});
