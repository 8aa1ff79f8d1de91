import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { META, newId, type KioskDb } from '../../db/db.ts';
import type { PreparedAttachment } from '../dossier/attachments.ts';
import { getMeta } from '../dossier/meta.ts';
import { recordOfficeStatus, recordPrinted } from '../dossier/bookkeeping.ts';
import { outboxPending, recordPushResults, toPushItems } from '../dossier/outbox.ts';
import { dossierTotal } from '../dossier/queries.ts';
import { submitDossier } from '../dossier/submit.ts';
import { birthValues, dropDb, freshDb, roomy, submitInput } from '../dossier/test-support.ts';
import { nameInitials } from '../dossiers/initials.ts';
import {
  applicantInitials,
  keptInitials,
  DEFAULT_RETENTION_DAYS,
  isPersonalDataPurged,
  purgeAcknowledgedPersonalData,
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

const purge = (now: string, retentionDays = 30, batchSize?: number) =>
  purgeAcknowledgedPersonalData({ now: new Date(now), retentionDays, batchSize }, { db });

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

    expect(result).toEqual({ purged: 2, kept: 0, freedBytes: 'birth certificate'.length });
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
    expect((await db.dossiers.get(c.id))!.formData).toEqual(c.formData);
    expect((await db.outbox.get(c.id))!.payload).not.toBeNull();
    expect((await db.dossiers.get(b.id))!.applicantName).toBe('N. T. H.');
  });

  it('waits the full N days after the acknowledgement, not after receipt', async () => {
    db = freshDb();
    const a = await submit('2026-09-01T02:00:00Z');
    await acknowledge([a.id], '2026-10-02T01:00:00Z');
    // Received 53 days ago but acknowledged exactly 30 days ago: not yet.
    expect(await purge('2026-11-01T01:00:00Z')).toMatchObject({ purged: 0, kept: 1 });
    expect((await db.dossiers.get(a.id))!.formData).toEqual(a.formData);
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

    expect(await purge('2026-12-01T00:00:00Z')).toEqual({ purged: 1, kept: 1, freedBytes: 0 });
    expect((await db.dossiers.get(old.id))!.formData).toEqual(old.formData);
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
    expect(await purge('2026-12-02T00:00:00Z')).toEqual({ purged: 0, kept: 0, freedBytes: 0 });
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
    await expect(purge('2026-12-01T00:00:00Z', 30, 2)).rejects.toThrow('disk full');
    db.dossiers.hook('creating').unsubscribe(failSecond);
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
