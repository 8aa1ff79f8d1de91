import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createBridgeClient } from '../../bridge/client.ts';
import { META, newId, type KioskDb } from '../../db/db.ts';
import type { PreparedAttachment } from '../dossier/attachments.ts';
import { getMeta, putMeta } from '../../db/meta.ts';
import { recordOfficeStatus, recordPrinted } from '../dossier/bookkeeping.ts';
import { outboxPayload, outboxPending, recordPushResults, toPushItems } from '../dossier/outbox.ts';
import { dossierTotal, getDossier } from '../dossier/queries.ts';
import { submitDossier } from '../dossier/submit.ts';
import { birthValues, dropDb, freshDb, memoryDayKeys, roomy, submitInput } from '../dossier/test-support.ts';
import { openBytes, openJson } from '../dossier/at-rest.ts';
import { keptInitials, nameInitials } from '../../../shared/domain/name-initials.ts';
import { getRating, saveRating } from '../rating/index.ts';
import {
  applicantInitials,
  DEFAULT_RETENTION_DAYS,
  isPersonalDataPurged,
  purgeAcknowledgedPersonalData,
  type PurgeOptions,
  RETENTION_PENDING_FORGET_KEY,
  RETENTION_RATINGS_KEY,
  retentionDaysOf,
} from './purge.ts';

let db: KioskDb;
afterEach(async () => dropDb(db));

function photo(text: string): PreparedAttachment {
  const bytes = new Blob([text], { type: 'image/jpeg' });
  return {
    bytes,
    hash: createHash('sha256').update(text).digest('hex'),
    mediaType: 'image/jpeg',
    fileName: 'giay-chung-sinh.jpg',
    size: bytes.size,
    width: 1600,
    height: 1200,
  };
}

async function submit(at: string, attachments: PreparedAttachment[] = []) {
  // Born before the earliest receipt date used here (a birth after receipt does not validate).
  const draft = { id: newId(), formData: { ...birthValues(), 'child.dateOfBirth': '20/12/2025' } };
  const r = await submitDossier(submitInput(new Date(at), { attachments, draft }), { db, space: roomy });
  if (!r.ok) throw new Error(`submit failed: ${r.reason}`);
  return r.dossier;
}

/** The office answers `stored` for every pending item of these dossiers, at `at` (the kiosk's clock). */
async function acknowledge(dossierIds: string[], at: string) {
  const rows = (await outboxPending(500, {}, { db })).filter((r) => dossierIds.includes(r.dossierId ?? ''));
  const items = toPushItems(rows);
  const results = items.map((i) => ({
    outcome: 'stored' as const,
    id: i.id,
    hash: i.hash,
    officeReceivedAt: '2026-10-02T08:00:00+07:00',
  }));
  await recordPushResults(items, results, new Date(at), { db, now: () => new Date(at) });
  // The sync engine marks an attachment uploaded once the office confirmed its last chunk.
  await db.attachments.where('dossierId').anyOf(dossierIds).modify({ uploadedAt: at });
}

const purge = (now: string, retentionDays = 30, batchSize?: number, bridge?: PurgeOptions['bridge']) =>
  purgeAcknowledgedPersonalData({ now: new Date(now), retentionDays, batchSize, bridge }, { db });

/**
 * The real bridge client (contract validation included) over a fake transport that
 * records each forgetPrintedDocuments call together with whether its dossiers were
 * already purged in the database at that moment, i.e. whether the batch had committed.
 */
/** A rating given without a dossier, at `at`, with a free-text reason. */
async function rateWithoutDossier(at: string, reason: string) {
  const r = await saveRating(
    { dossierId: null, procedureCode: null, level: 'dissatisfied', reason },
    { db, now: () => new Date(at) },
  );
  if (!r.ok) throw new Error(r.reason);
  return r.rating;
}

function fakeBridge(answer: 'ok' | 'fail' | 'unreachable' = 'ok') {
  const calls: { ids: string[]; committed: boolean[] }[] = [];
  const client = createBridgeClient(async (method, input) => {
    expect(method).toBe('forgetPrintedDocuments');
    const ids = (input as { dossierIds: string[] }).dossierIds;
    const rows = await db.dossiers.bulkGet(ids);
    calls.push({ ids, committed: rows.map((r) => (r ? isPersonalDataPurged(r) : false)) });
    if (answer === 'unreachable') throw new TypeError('Failed to fetch');
    if (answer === 'fail') return { ok: false, error: { code: 'internal', message: 'disk error' } };
    return { ok: true, value: { removed: ids.length } };
  });
  return Object.assign(client, { calls });
}

const pendingForget = () => getMeta<string[]>(db, RETENTION_PENDING_FORGET_KEY);

describe('purgeAcknowledgedPersonalData', () => {
  it('strips personal data of dossiers acknowledged more than N days ago, keeping what the look-up needs', async () => {
    db = freshDb();
    const a = await submit('2026-10-01T02:00:00Z', [photo('birth certificate')]);
    const b = await submit('2026-10-01T03:00:00Z');
    const c = await submit('2026-11-20T03:00:00Z');
    await recordPrinted(a.id, 'receipt', 'prints/a/receipt.pdf', { db });
    await acknowledge([a.id, b.id], '2026-10-02T01:00:00Z');
    await recordOfficeStatus(
      a.id,
      { status: 'result-ready', reason: null, changedAt: '2026-10-03T09:00:00+07:00' },
      { db },
    );
    expect(await getMeta<number>(db, META.attachmentBytes)).toBe('birth certificate'.length);
    const totalBefore = await dossierTotal({ db });

    const result = await purge('2026-11-24T02:00:00Z');

    expect(result).toEqual({
      purged: 2,
      kept: 0,
      freedBytes: 'birth certificate'.length,
      ratingReasons: 0,
      // 2026-10-01's key: every dossier of that day is purged.
      shreddedKeys: 1,
    });
    const after = (await db.dossiers.get(a.id))!;
    expect(after.formData).toEqual({});
    expect(after.applicantName).toBe('N. T. H.');
    expect(isPersonalDataPurged(after)).toBe(true);
    // Every screen shows nameInitials(applicantName): the same for a purged dossier as for a whole one.
    expect(nameInitials(after.applicantName)).toBe(nameInitials(a.applicantName));
    expect(applicantInitials(after)).toBe('N.T.H.');
    expect(after.printed?.receipt).toEqual({ at: expect.any(String), pdfRef: null });
    // What the status look-up shows is untouched.
    expect({
      id: after.id,
      code: after.code,
      procedureCode: after.procedureCode,
      models: after.models,
      receivedAt: after.receivedAt,
      dueAt: after.dueAt,
      acknowledgedAt: after.acknowledgedAt,
      officeStatus: after.officeStatus,
    }).toEqual({
      id: a.id,
      code: a.code,
      procedureCode: a.procedureCode,
      models: a.models,
      receivedAt: a.receivedAt,
      dueAt: a.dueAt,
      acknowledgedAt: '2026-10-02T01:00:00.000Z',
      officeStatus: { status: 'result-ready', reason: null, changedAt: '2026-10-03T09:00:00+07:00' },
    });
    expect(await db.attachments.where('dossierId').equals(a.id).count()).toBe(0);
    expect(await getMeta<number>(db, META.attachmentBytes)).toBe(0);
    // Rows are replaced, not deleted: the kept counter stays true.
    expect(await dossierTotal({ db })).toBe(totalBefore);
    expect(await db.dossiers.count()).toBe(totalBefore);
    // The unacknowledged dossier keeps everything, and its outbox payload.
    expect((await getDossier(c.id, { db }))!.formData).toEqual(c.formData);
    expect(outboxPayload((await db.outbox.get(c.id))!)).not.toBeNull();
    expect((await db.dossiers.get(b.id))!.applicantName).toBe('N. T. H.');
  });

  it('shreds the key of a wholly purged day: its stored ciphertext can no longer be opened', async () => {
    const keys = memoryDayKeys();
    db = freshDb(undefined, keys);
    const a = await submit('2026-10-01T02:00:00Z', [photo('birth certificate')]);
    const c = await submit('2026-11-20T03:00:00Z');
    // What LevelDB may keep of the rows after retention rewrote them: their sealed values.
    const sealedA = (await db.dossiers.get(a.id))!.sealed!;
    const photoA = (await db.attachments.where('dossierId').equals(a.id).first())!;
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    expect(await openJson(keys, sealedA, a.id)).toMatchObject({ applicantName: 'Nguyễn Thị Hoa' });

    expect((await purge('2026-11-24T02:00:00Z')).shreddedKeys).toBe(1);

    expect(keys.days()).toEqual(['2026-11-20']);
    expect(await openBytes(keys, sealedA, a.id)).toBeNull();
    expect(await openBytes(keys, photoA.sealed!, photoA.id)).toBeNull();
    expect((await getDossier(c.id, { db }))!.formData).toEqual(c.formData);
  });

  it('waits the full N days after the acknowledgement, not after receipt', async () => {
    db = freshDb();
    const a = await submit('2026-09-01T02:00:00Z');
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    // Received 53 days ago but acknowledged exactly 30 days ago: not yet.
    expect(await purge('2026-11-01T01:00:00Z')).toMatchObject({ purged: 0, kept: 1 });
    expect((await getDossier(a.id, { db }))!.formData).toEqual(a.formData);
    expect(await purge('2026-11-01T01:00:01Z')).toMatchObject({ purged: 1 });
    // With a 60-day setting the same moment is too early.
    db.close();
    await db.delete();
    db = freshDb();
    const d = await submit('2026-09-01T02:00:00Z');
    await acknowledge([d.id], '2026-10-02T01:00:00Z');
    expect(await purge('2026-11-01T01:00:01Z', 60)).toMatchObject({ purged: 0 });
  });

  it('never touches a dossier the office has not acknowledged, however old; purges it once acknowledged', async () => {
    db = freshDb();
    const old = await submit('2026-01-05T02:00:00Z');
    const newer = await submit('2026-02-05T02:00:00Z');
    await acknowledge([newer.id], '2026-02-06T01:00:00Z');

    expect(await purge('2026-12-01T00:00:00Z')).toEqual({
      purged: 1,
      kept: 1,
      freedBytes: 0,
      ratingReasons: 0,
      shreddedKeys: 0,
    });
    expect((await getDossier(old.id, { db }))!.formData).toEqual(old.formData);
    expect((await db.outbox.get(old.id))!.status).toBe('pending');
    // The run's watermark did not skip past the kept dossier.
    await acknowledge([old.id], '2026-12-01T00:00:00Z');
    expect(await purge('2027-01-01T00:00:00Z')).toMatchObject({ purged: 1 });
    expect(isPersonalDataPurged((await db.dossiers.get(old.id))!)).toBe(true);
  });

  it('keeps a dossier while an attachment is not confirmed by the office', async () => {
    db = freshDb();
    const a = await submit('2026-10-01T02:00:00Z', [photo('page one')]);
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    await db.attachments.where('dossierId').equals(a.id).modify({ uploadedAt: null });
    expect(await purge('2026-12-01T00:00:00Z')).toMatchObject({ purged: 0, kept: 1 });
    expect(await db.attachments.where('dossierId').equals(a.id).count()).toBe(1);
  });

  it('is idempotent: a second run changes nothing and the initials stay whole', async () => {
    db = freshDb();
    const a = await submit('2026-10-01T02:00:00Z');
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    await purge('2026-12-01T00:00:00Z');
    const once = await db.dossiers.get(a.id);
    expect(await purge('2026-12-02T00:00:00Z')).toEqual({
      purged: 0,
      kept: 0,
      freedBytes: 0,
      ratingReasons: 0,
      shreddedKeys: 0,
    });
    expect(await db.dossiers.get(a.id)).toEqual(once);
  });

  it('writes each batch in one transaction: a failure leaves the whole batch as it was', async () => {
    db = freshDb();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await submit(`2026-10-01T0${i}:00:00Z`)).id);
    await acknowledge(ids, '2026-10-02T01:00:00Z');
    let creates = 0;
    const failSecond = () => {
      creates++;
      if (creates === 2) throw new Error('disk full');
    };
    db.dossiers.hook('creating', failSecond);
    const bridge = fakeBridge();
    await expect(purge('2026-12-01T00:00:00Z', 30, 2, bridge)).rejects.toThrow('disk full');
    db.dossiers.hook('creating').unsubscribe(failSecond);
    // Nothing committed, so main is not asked to remove any printed document.
    expect(bridge.calls).toEqual([]);
    expect(await pendingForget()).toBeUndefined();
    const rows = await db.dossiers.bulkGet(ids);
    expect(rows.map((r) => isPersonalDataPurged(r!))).toEqual([false, false, false, false]);
    expect(await db.dossiers.count()).toBe(4);
    expect(await purge('2026-12-01T00:00:00Z', 30, 2)).toMatchObject({ purged: 4 });
  });

  it('reads the retention period from the profile, 30 days when absent, and refuses nonsense', async () => {
    db = freshDb();
    expect(retentionDaysOf({ kiosk: {} })).toBe(DEFAULT_RETENTION_DAYS);
    expect(keptInitials('Đặng Thị Ánh')).toBe('Đ. T. Á.');
    expect(keptInitials('   ')).toBe('?');
    expect(DEFAULT_RETENTION_DAYS).toBe(30);
    expect(retentionDaysOf({ kiosk: { personalDataRetentionDays: 7 } })).toBe(7);
    await expect(purge('2026-12-01T00:00:00Z', 0)).rejects.toThrow(RangeError);
  });
});

describe('purge runs', () => {
  it('two runs at once (two tabs, a double start) do not collide', async () => {
    db = freshDb();
    const a = await submit('2026-10-01T02:00:00Z');
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    const [r1, r2] = await Promise.all([purge('2026-12-01T00:00:00Z'), purge('2026-12-01T00:00:00Z')]);
    expect(r1.purged + r2.purged).toBe(1);
    expect(await db.meta.where('key').equals('retention.purgedBefore').count()).toBe(1);
  });
});

describe('purge watermark', () => {
  it('a dossier stored below the watermark (clock set back) is still purged', async () => {
    db = freshDb();
    const a = await submit('2026-10-01T02:00:00Z');
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    expect(await purge('2026-12-01T00:00:00Z')).toMatchObject({ purged: 1 });
    // The kiosk's clock was reset to an earlier date when this one was received and acknowledged.
    const b = await submit('2026-09-01T02:00:00Z');
    await acknowledge([b.id], '2026-09-01T03:00:00Z');
    expect(await purge('2026-12-02T00:00:00Z')).toMatchObject({ purged: 1 });
    expect(isPersonalDataPurged((await db.dossiers.get(b.id))!)).toBe(true);
  });
});

describe('purge watermark: a dossier stored while a run walks', () => {
  it('is neither hidden below the watermark nor left without its day key', async () => {
    const keys = memoryDayKeys();
    db = freshDb(undefined, keys);
    const a = await submit('2026-10-01T02:00:00Z');
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    // Main is asked to forget a's documents after its batch committed; meanwhile the kiosk,
    // its clock set back, stores b on a day the run has already walked past.
    let late: Awaited<ReturnType<typeof submit>> | undefined;
    const bridge = createBridgeClient(async (_method, input) => {
      late ??= await submit('2026-09-15T02:00:00Z');
      return { ok: true, value: { removed: (input as { dossierIds: string[] }).dossierIds.length } };
    });

    expect(await purge('2026-12-01T00:00:00Z', 30, undefined, bridge)).toMatchObject({
      purged: 1,
      shreddedKeys: 0,
    });
    expect(late).toBeDefined();
    // b is whole and readable: its day's key was not shredded under it.
    expect((await getDossier(late!.id, { db }))!.formData).toEqual(late!.formData);
    expect(keys.days()).toContain('2026-09-15');

    // Once the office has acknowledged b long enough, a later run finds and purges it.
    await acknowledge([late!.id], '2026-09-15T03:00:00Z');
    expect(await purge('2026-12-02T00:00:00Z')).toMatchObject({ purged: 1 });
    expect(isPersonalDataPurged((await db.dossiers.get(late!.id))!)).toBe(true);
  });
});

describe('purge: printed documents kept by main', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  it('asks main to forget each batch after it committed, with exactly the purged ids', async () => {
    db = freshDb();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await submit(`2026-10-01T0${i}:00:00Z`)).id);
    const fresh = await submit('2026-11-20T03:00:00Z');
    await acknowledge([...ids, fresh.id], '2026-10-02T01:00:00Z');
    const bridge = fakeBridge();

    expect(await purge('2026-12-01T00:00:00Z', 30, 2, bridge)).toMatchObject({ purged: 3 });

    expect(bridge.calls.map((c) => [...c.ids].sort())).toEqual([[ids[0], ids[1]].sort(), [ids[2]]]);
    expect(bridge.calls.flatMap((c) => c.committed)).toEqual([true, true, true]);
    expect(await pendingForget()).toEqual([]);
    // A later run with nothing new to purge asks for nothing.
    expect(await purge('2026-12-02T00:00:00Z', 30, 2, bridge)).toMatchObject({ purged: 0 });
    expect(bridge.calls).toHaveLength(2);
  });

  it.each(['fail', 'unreachable'] as const)(
    'a bridge that answers %s never blocks the purge; the ids are retried on the next run',
    async (answer) => {
      db = freshDb();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await submit(`2026-10-01T0${i}:00:00Z`)).id);
      await acknowledge(ids, '2026-10-02T01:00:00Z');
      const broken = fakeBridge(answer);

      expect(await purge('2026-12-01T00:00:00Z', 30, 1, broken)).toMatchObject({ purged: 3 });
      const rows = await db.dossiers.bulkGet(ids);
      expect(rows.every((r) => isPersonalDataPurged(r!))).toBe(true);
      // One failed call is enough for this run; the rest wait with it.
      expect(broken.calls).toHaveLength(1);
      expect([...((await pendingForget()) ?? [])].sort()).toEqual([...ids].sort());
      expect(warn).toHaveBeenCalled();

      // Next run (nothing new to purge): the pending ids go to main, and the list empties.
      const bridge = fakeBridge();
      expect(await purge('2026-12-02T00:00:00Z', 30, 1, bridge)).toMatchObject({ purged: 0 });
      expect(bridge.calls.map((c) => [...c.ids].sort())).toEqual([[...ids].sort()]);
      expect(await pendingForget()).toEqual([]);
    },
  );

  it('without a bridge the ids wait; a long pending list goes in calls of at most 500', async () => {
    db = freshDb();
    const a = await submit('2026-10-01T02:00:00Z');
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    expect(await purge('2026-12-01T00:00:00Z')).toMatchObject({ purged: 1 });
    expect(await pendingForget()).toEqual([a.id]);

    const older = Array.from({ length: 600 }, (_, i) => `old-${i}`);
    await putMeta(db, RETENTION_PENDING_FORGET_KEY, [...older, a.id]);
    const bridge = fakeBridge();
    await purge('2026-12-02T00:00:00Z', 30, undefined, bridge);
    expect(bridge.calls.map((c) => c.ids.length)).toEqual([500, 101]);
    expect(bridge.calls.flatMap((c) => c.ids)).toEqual([...older, a.id]);
    expect(await pendingForget()).toEqual([]);
  });

  it('clears the free-text reasons of the purged dossiers’ ratings and keeps their scores', async () => {
    db = freshDb();
    const a = await submit('2026-10-01T02:00:00Z');
    const c = await submit('2026-11-20T03:00:00Z');
    const rate = (dossierId: string | null, at: string, reason: string) =>
      saveRating(
        { dossierId, procedureCode: '1.001193', level: 'dissatisfied', reason },
        { db, now: () => new Date(at) },
      );
    const ra = await rate(a.id, '2026-10-01T02:10:00Z', 'Chị Hoa ở thôn 3 chờ lâu quá');
    const rc = await rate(c.id, '2026-11-20T03:10:00Z', 'Chờ lâu');
    const rv = await rate(null, '2026-10-01T04:00:00Z', 'Hỏi thông tin');
    if (!ra.ok || !rc.ok || !rv.ok) return expect.fail('rating not saved');
    await acknowledge([a.id, c.id], '2026-10-02T01:00:00Z');

    expect(await purge('2026-11-24T02:00:00Z', 30, undefined, fakeBridge())).toMatchObject({ purged: 1 });

    const acknowledgedAt = new Date('2026-10-02T01:00:00Z').toISOString();
    expect(await getRating(ra.rating.id, { db })).toEqual({ ...ra.rating, comment: '', acknowledgedAt });
    expect((await getRating(ra.rating.id, { db }))!.score).toBe(2);
    // Not purged (its dossier arrived too recently), and a rating without a dossier that
    // the office has not acknowledged: reasons kept.
    expect(await getRating(rc.rating.id, { db })).toEqual({ ...rc.rating, acknowledgedAt });
    expect(await getRating(rv.rating.id, { db })).toEqual(rv.rating);
  });

  it('keeps a dossier whose rating the office has not acknowledged yet, reason included', async () => {
    db = freshDb();
    const a = await submit('2026-10-01T02:00:00Z');
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    const r = await saveRating(
      { dossierId: a.id, procedureCode: '1.001193', level: 'satisfied', reason: 'Cán bộ nhiệt tình' },
      { db, now: () => new Date('2026-10-03T01:00:00Z') },
    );
    if (!r.ok) return expect.fail('rating not saved');
    expect(await purge('2026-12-01T00:00:00Z', 30, undefined, fakeBridge())).toMatchObject({
      purged: 0,
      kept: 1,
    });
    expect((await getRating(r.rating.id, { db }))!.comment).toBe('Cán bộ nhiệt tình');
  });

  it('removes the reason of a rating given without a dossier N days after the office acknowledged it', async () => {
    db = freshDb();
    const old = await rateWithoutDossier('2026-10-01T02:00:00Z', 'Chị Lan ở thôn Nà Làng chờ lâu');
    const unsent = await rateWithoutDossier('2026-10-01T03:00:00Z', 'Anh Bình chờ lâu');
    const recent = await rateWithoutDossier('2026-11-25T02:00:00Z', 'Ông Tư chờ lâu');
    // The office acknowledges the first and the last; the second never left the kiosk.
    const rows = (await outboxPending(10, {}, { db })).filter((r) => r.id !== unsent.id);
    const items = toPushItems(rows);
    const at = '2026-10-02T01:00:00Z';
    await recordPushResults(
      items,
      items.map((i) => ({ outcome: 'stored' as const, id: i.id, hash: i.hash, officeReceivedAt: at })),
      new Date(at),
      { db, now: () => new Date(at) },
    );
    expect((await getRating(old.id, { db }))?.acknowledgedAt).toBe(new Date(at).toISOString());

    const result = await purge('2026-12-01T00:00:00Z');
    expect(result.ratingReasons).toBe(1);
    const after = await Promise.all([old, unsent, recent].map((r) => getRating(r.id, { db })));
    expect(after.map((r) => [r?.score, r?.comment])).toEqual([
      [2, ''],
      [2, 'Anh Bình chờ lâu'],
      [2, 'Ông Tư chờ lâu'],
    ]);
    // The next run starts at the one still waiting for the office, not before it.
    expect(await getMeta(db, RETENTION_RATINGS_KEY)).toEqual({ before: unsent.createdAt, count: 1 });
    expect((await purge('2026-12-01T00:00:00Z')).ratingReasons).toBe(0);
  });

  it('a rating stored below the mark afterwards (a clock set back) is still walked and its reason removed', async () => {
    db = freshDb();
    const acknowledgeAll = async (at: string) => {
      const items = toPushItems(await outboxPending(10, {}, { db }));
      await recordPushResults(
        items,
        items.map((i) => ({ outcome: 'stored' as const, id: i.id, hash: i.hash, officeReceivedAt: at })),
        new Date(at),
        { db, now: () => new Date(at) },
      );
    };
    await rateWithoutDossier('2026-10-20T02:00:00Z', 'Bà Hoa chờ lâu');
    await acknowledgeAll('2026-10-21T01:00:00Z');
    expect((await purge('2026-12-01T00:00:00Z')).ratingReasons).toBe(1);
    // Every rating below the cutoff is done: the mark is at the cutoff, past this one's date.
    const late = await rateWithoutDossier('2026-10-05T02:00:00Z', 'Anh Sơn ở bản Khuổi chờ lâu');
    await acknowledgeAll('2026-10-06T01:00:00Z');
    expect((await purge('2026-12-02T00:00:00Z')).ratingReasons).toBe(1);
    expect((await getRating(late.id, { db }))!.comment).toBe('');
  });
});
