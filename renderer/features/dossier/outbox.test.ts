import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';
import type { PushResult } from '../../../shared/contracts/sync.ts';
import { dossierPayloadOf, type KioskDb } from '../../db/db.ts';
import {
  outboxPending,
  outboxPendingCount,
  outboxRefused,
  outboxRefusedCount,
  recordPushFailure,
  retryRefused,
  recordPushResults,
  toPushItems,
  outboxPayload,
} from './outbox.ts';
import { submitDossier } from './submit.ts';
import { dropDb, freshDb, roomy, submitInput, vn } from './test-support.ts';

let db: KioskDb;
afterEach(async () => dropDb(db));

async function submitMany(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await submitDossier(submitInput(vn(`2026-11-24 09:${String(i).padStart(2, '0')}`)), {
      db,
      space: roomy,
    });
    if (!r.ok) throw new Error(r.reason);
    ids.push(r.dossier.id);
  }
  return ids;
}

describe('outbox', () => {
  it('lists pending items in seq order, limited, and as protocol PushItems', async () => {
    db = freshDb();
    const ids = await submitMany(5);
    const rows = await outboxPending(3, {}, { db });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.id)).toEqual(ids.slice(0, 3));
    const items = toPushItems(rows);
    expect(items[0]).toEqual({
      kind: 'dossier',
      id: ids[0],
      seq: 1,
      hash: rows[0]!.hash,
      payload: outboxPayload(rows[0]!),
    });
    expect(await outboxPendingCount({ db })).toBe(5);
  });

  it('an acknowledged item leaves the pending list and its dossier records it; others wait with their reason', async () => {
    db = freshDb();
    const ids = await submitMany(3);
    const items = toPushItems(await outboxPending(10, {}, { db }));
    const at = '2026-11-24T05:00:00+07:00';
    const results: PushResult[] = [
      { outcome: 'stored', id: items[0]!.id, hash: items[0]!.hash, officeReceivedAt: at },
      { outcome: 'duplicate', id: items[1]!.id, hash: 'f'.repeat(64), officeReceivedAt: at }, // wrong hash echo
      { outcome: 'invalid', id: items[2]!.id, hash: items[2]!.hash, reasons: ['payload.code: too long'] },
    ];
    const retryAt = new Date('2026-11-24T06:00:00Z');
    const counts = await recordPushResults(items, results, retryAt, {
      db,
      now: () => new Date('2026-11-24T05:00:00Z'),
    });
    expect(counts).toEqual({ sent: 1, refused: 1, retry: 1 });
    const pending = await outboxPending(10, {}, { db });
    expect(pending.map((r) => r.id)).toEqual([ids[1]]);
    expect(pending[0]).toMatchObject({ attempts: 1, nextAttemptAt: retryAt.toISOString() });
    expect(pending[0]!.lastError).toMatch(/no answer|unexpected/);
    expect((await db.dossiers.get(ids[0]!))?.acknowledgedAt).toBe('2026-11-24T05:00:00.000Z');
    expect(await db.outbox.get(ids[0]!)).toBeUndefined(); // left the outbox
    expect((await outboxRefused(10, { db })).map((r) => [r.id, r.lastError])).toEqual([
      [ids[2], 'payload.code: too long'],
    ]);
    // Backoff: not due before retryAt.
    expect(await outboxPending(10, { dueBy: new Date('2026-11-24T05:30:00Z') }, { db })).toEqual([]);
  });

  it('a failed push keeps every item pending with the error and the next attempt time', async () => {
    db = freshDb();
    const ids = await submitMany(2);
    await recordPushFailure(ids, 'timeout', new Date('2026-11-24T06:00:00Z'), { db });
    const rows = await outboxPending(10, {}, { db });
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ['pending', 1, 'timeout'],
      ['pending', 1, 'timeout'],
    ]);
  });

  it('computes the hash of rows carried over from schema v1 before they are listed', async () => {
    db = freshDb();
    const [id] = await submitMany(1);
    const dossier = (await db.dossiers.get(id!))!;
    await db.outbox.update(id!, { hash: null, payload: dossierPayloadOf(dossier) });
    const [row] = await outboxPending(1, {}, { db });
    expect(row!.hash).toBe(createHash('sha256').update(canonicalJson(row!.payload)).digest('hex'));
  });

  it('staff send refused items again: pending, due now, attempts reset, the reason kept until answered', async () => {
    db = freshDb();
    const ids = await submitMany(3);
    const items = toPushItems(await outboxPending(10, {}, { db }));
    await recordPushResults(
      items,
      items.map((i) => ({
        outcome: 'invalid',
        id: i.id,
        hash: i.hash,
        reasons: ['payload.procedureCode: unknown'],
      })),
      new Date('2026-11-24T06:00:00Z'),
      { db },
    );
    expect(await outboxRefusedCount({ db })).toBe(3);
    expect(await outboxPendingCount({ db })).toBe(0);

    const now = new Date('2026-11-24T07:00:00Z');
    expect(await retryRefused([ids[0]!, ids[2]!, 'not-an-item'], { db, now: () => now })).toBe(2);
    expect(await outboxRefusedCount({ db })).toBe(1);
    const pending = await outboxPending(10, { dueBy: now }, { db });
    expect(pending.map((r) => [r.id, r.status, r.attempts, r.nextAttemptAt, r.lastError])).toEqual([
      [ids[0], 'pending', 0, now.toISOString(), 'payload.procedureCode: unknown'],
      [ids[2], 'pending', 0, now.toISOString(), 'payload.procedureCode: unknown'],
    ]);
    // A pending item is not "retried" again.
    expect(await retryRefused([ids[0]!], { db, now: () => now })).toBe(0);
  });
});
