import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';
import { DossierPayloadSchema } from '../../../shared/contracts/sync.ts';
import { META, FrozenDossierError, type KioskDb } from '../../db/db.ts';
import { dossierAttachments, getDossier } from './queries.ts';
import { getMeta } from '../../db/meta.ts';
import { loadDraft } from './drafts.ts';
import { submitDossier } from './submit.ts';
import { outboxPayload, outboxPending } from './outbox.ts';
import { recordPrinted } from './bookkeeping.ts';
import {
  birthValues,
  dropDb,
  freshDb,
  memoryDayKeys,
  roomy,
  submitInput,
  submitInputWithDraft,
  vn,
} from './test-support.ts';
import type { PreparedAttachment } from './attachments.ts';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
let dbs: KioskDb[] = [];
const keys = memoryDayKeys();
const open = (name?: string) => {
  // A reopened database finds its at-rest keys where main keeps them: here, `keys`.
  const db = name ? freshDb(name, keys) : freshDb();
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs) await dropDb(db);
  dbs = [];
});

async function counts(db: KioskDb) {
  return {
    dossiers: await db.dossiers.count(),
    outbox: await db.outbox.count(),
    attachments: await db.attachments.count(),
    drafts: await db.drafts.count(),
  };
}

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

describe('submitDossier', () => {
  it('writes the dossier, its outbox item and the code state and removes the draft, all at once', async () => {
    const db = open();
    const now = vn('2026-11-24 10:00');
    const input = await submitInputWithDraft(db, now);
    const r = await submitDossier(input, { db, space: roomy });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.alreadySubmitted).toBe(false);
    expect(r.dossier.id).toBe(input.draft.id);
    expect(r.dossier.code).toBe('TEST.00565.K01-261124-0001');
    expect(r.dossier.applicantName).toBe('Nguyễn Thị Hoa'); // NFC although typed in NFD
    expect(r.deadline.rule).toBe('same-day');
    expect(await counts(db)).toEqual({ dossiers: 1, outbox: 1, attachments: 0, drafts: 0 });
    const [item] = await outboxPending(10, {}, { db });
    expect(item).toMatchObject({
      id: r.dossier.id,
      kind: 'dossier',
      seq: 1,
      status: 'pending',
      attempts: 0,
      lastError: null,
    });
    // Kept as the exact canonical JSON that was hashed.
    expect(item!.hash).toBe(sha(item!.payloadJson!));
    expect(item!.payloadJson).toBe(canonicalJson(outboxPayload(item!)));
    expect(DossierPayloadSchema.parse(outboxPayload(item!))).toEqual(outboxPayload(item!));
    expect(await getMeta(db, META.dossierCodeState)).toEqual({ lastDate: '2026-11-24', lastSeq: 1 });
    expect(await getMeta(db, META.outboxSeq)).toBe(1);
  });

  it('returns validation errors and writes nothing; the draft stays', async () => {
    const db = open();
    const now = vn('2026-11-24 10:00');
    const input = await submitInputWithDraft(db, now);
    const bad = {
      ...input,
      draft: { ...input.draft, formData: { ...birthValues(), 'child.dateOfBirth': '31/02/2026' } },
    };
    const r = await submitDossier(bad, { db, space: roomy });
    expect(r.ok).toBe(false);
    if (!r.ok && r.reason === 'invalid') expect(Object.keys(r.errors)).toEqual(['child.dateOfBirth']);
    else expect.fail(`expected invalid, got ${JSON.stringify(r)}`);
    expect(await counts(db)).toEqual({ dossiers: 0, outbox: 0, attachments: 0, drafts: 1 });
    expect(await getMeta(db, META.dossierCodeState)).toBeUndefined();
  });

  it('continues the daily sequence after the database is reopened (restart)', async () => {
    const name = `restart-${crypto.randomUUID()}`;
    const first = open(name);
    await submitDossier(submitInput(vn('2026-11-24 09:00')), { db: first, space: roomy });
    await submitDossier(submitInput(vn('2026-11-24 09:05')), { db: first, space: roomy });
    first.close();
    const again = open(name);
    const r = await submitDossier(submitInput(vn('2026-11-24 09:10')), { db: again, space: roomy });
    expect(r.ok && r.dossier.code).toBe('TEST.00565.K01-261124-0003');
    const [a, b, c] = await outboxPending(10, {}, { db: again });
    expect([a!.seq, b!.seq, c!.seq]).toEqual([1, 2, 3]);
  });

  it('restarts the sequence at Vietnam midnight, not UTC midnight', async () => {
    expect(process.env.TZ).toBe('UTC');
    const db = open();
    const late = await submitDossier(submitInput(new Date('2026-11-24T16:59:00Z')), { db, space: roomy }); // 23:59 VN
    const midnight = await submitDossier(submitInput(new Date('2026-11-24T17:00:00Z')), { db, space: roomy }); // 00:00 VN on the 25th
    const after = await submitDossier(submitInput(new Date('2026-11-24T18:00:00Z')), { db, space: roomy });
    expect(late.ok && late.dossier.code).toBe('TEST.00565.K01-261124-0001');
    expect(midnight.ok && midnight.dossier.code).toBe('TEST.00565.K01-261125-0001');
    expect(after.ok && after.dossier.code).toBe('TEST.00565.K01-261125-0002');
  });

  it('a double tap returns the stored dossier instead of making a second one', async () => {
    const db = open();
    const input = await submitInputWithDraft(db, vn('2026-11-24 10:00'));
    const [a, b] = await Promise.all([
      submitDossier(input, { db, space: roomy }),
      submitDossier(input, { db, space: roomy }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.dossier.code).toBe(b.dossier.code);
    expect([a.alreadySubmitted, b.alreadySubmitted].sort()).toEqual([false, true]);
    expect(await counts(db)).toEqual({ dossiers: 1, outbox: 1, attachments: 0, drafts: 0 });
  });

  it('two drafts submitted at the same moment get distinct consecutive codes', async () => {
    const db = open();
    const now = vn('2026-11-24 10:00');
    const results = await Promise.all(
      [1, 2, 3].map(() => submitDossier(submitInput(now), { db, space: roomy })),
    );
    const codes = results.map((r) => (r.ok ? r.dossier.code : r.reason)).sort();
    expect(codes).toEqual([
      'TEST.00565.K01-261124-0001',
      'TEST.00565.K01-261124-0002',
      'TEST.00565.K01-261124-0003',
    ]);
  });

  it('keeps a submitted dossier frozen: content updates are refused, bookkeeping is allowed', async () => {
    const db = open();
    const r = await submitDossier(submitInput(vn('2026-11-24 10:00')), { db, space: roomy });
    if (!r.ok) return expect.fail(r.reason);
    await expect(db.dossiers.update(r.dossier.id, { applicantName: 'Someone else' })).rejects.toThrow(
      FrozenDossierError,
    );
    await expect(db.dossiers.put({ ...r.dossier, formData: { 'child.fullName': 'X' } })).rejects.toThrow(
      /frozen/,
    );
    expect((await getDossier(r.dossier.id, { db }))?.applicantName).toBe('Nguyễn Thị Hoa');
    expect(await recordPrinted(r.dossier.id, 'receipt', 'pdf/receipt-1.pdf', { db })).toBe(true);
    const stored = await db.dossiers.get(r.dossier.id);
    expect(stored?.printed?.receipt?.pdfRef).toBe('pdf/receipt-1.pdf');
    expect(Object.isFrozen(r.dossier)).toBe(true);
  });

  it('a quota failure inside the transaction leaves nothing behind and keeps the draft', async () => {
    const db = open();
    const first = await submitDossier(submitInput(vn('2026-11-24 09:00')), { db, space: roomy });
    expect(first.ok).toBe(true);
    const input = await submitInputWithDraft(db, vn('2026-11-24 10:00'));
    const input2 = { ...input, attachments: [photo('page one')] };
    // The disk fills up while the attachment is written, after the dossier and its outbox row.
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.attachments.hook('creating', fail);
    const r = await submitDossier(input2, { db, space: roomy });
    expect(r).toEqual({ ok: false, reason: 'storage-full' });
    db.attachments.hook('creating').unsubscribe(fail);
    expect(await counts(db)).toEqual({ dossiers: 1, outbox: 1, attachments: 0, drafts: 1 });
    expect(await db.dossiers.get(input.draft.id)).toBeUndefined();
    expect(await getMeta(db, META.dossierCodeState)).toEqual({ lastDate: '2026-11-24', lastSeq: 1 });
    expect(await getMeta(db, META.outboxSeq)).toBe(1);
    expect((await loadDraft(input.draft.id, { db }))?.formData['child.fullName']).toBe('Lê Minh An');
    // Space freed: the same draft goes through with the next code.
    const retry = await submitDossier(input2, { db, space: roomy });
    expect(retry.ok && retry.dossier.code).toBe('TEST.00565.K01-261124-0002');
  });

  it('an unexpected write failure is reported as such, also atomically', async () => {
    const db = open();
    const input = await submitInputWithDraft(db, vn('2026-11-24 10:00'));
    const fail = () => {
      throw new Error('disk I/O error');
    };
    db.outbox.hook('creating', fail);
    const r = await submitDossier(input, { db, space: roomy });
    db.outbox.hook('creating').unsubscribe(fail);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('write-failed');
    expect(await counts(db)).toEqual({ dossiers: 0, outbox: 0, attachments: 0, drafts: 1 });
  });

  it('refuses before writing when free space is below the margin', async () => {
    const db = open();
    const input = await submitInputWithDraft(db, vn('2026-11-24 10:00'));
    const r = await submitDossier(input, {
      db,
      space: { estimate: async () => ({ quota: 100e6, usage: 90e6 }), marginBytes: 50e6 },
    });
    expect(r).toMatchObject({ ok: false, reason: 'storage-low', freeBytes: 10e6 });
    expect(await counts(db)).toEqual({ dossiers: 0, outbox: 0, attachments: 0, drafts: 1 });
  });

  it('a second tap after the space ran short still reports the dossier the first tap saved', async () => {
    const db = open();
    const input = await submitInputWithDraft(db, vn('2026-11-24 10:00'));
    const first = await submitDossier(input, { db, space: roomy });
    const again = await submitDossier(input, {
      db,
      space: { estimate: async () => ({ quota: 100e6, usage: 90e6 }), marginBytes: 50e6 },
    });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again).toMatchObject({ alreadySubmitted: true, dossier: { code: first.dossier.code } });
    expect(await counts(db)).toEqual({ dossiers: 1, outbox: 1, attachments: 0, drafts: 0 });
  });

  it('stores attachments with the dossier, once per content hash, each with an outbox item after the dossier', async () => {
    const db = open();
    const a = photo('page one');
    const b = photo('page two');
    const input = submitInput(vn('2026-11-24 10:00'), { attachments: [a, b, a] });
    const r = await submitDossier(input, { db, space: roomy });
    if (!r.ok) return expect.fail(r.reason);
    expect(r.dossier.attachmentHashes).toEqual([a.hash, b.hash]);
    const rows = await dossierAttachments(r.dossier.id, { db });
    expect(rows.map((x) => x.hash).sort()).toEqual([a.hash, b.hash].sort());
    expect(await rows[0]!.bytes.text()).toMatch(/^page/);
    // At rest the bytes are sealed: the stored Blob is empty.
    const raw = await db.attachments.where('dossierId').equals(r.dossier.id).toArray();
    expect(raw.map((x) => x.bytes.size)).toEqual([0, 0]);
    const items = await outboxPending(10, {}, { db });
    expect(items.map((i) => [i.kind, i.seq])).toEqual([
      ['dossier', 1],
      ['attachment-meta', 2],
      ['attachment-meta', 3],
    ]);
    expect(await getMeta(db, META.attachmentBytes)).toBe(a.size + b.size);
  });

  it('refuses attachments over the budget before writing', async () => {
    const db = open();
    const input = submitInput(vn('2026-11-24 10:00'), { attachments: [photo('x'.repeat(2000))] });
    const r = await submitDossier(input, {
      db,
      space: roomy,
      budget: { maxFilesPerDossier: 5, maxFileBytes: 1000, maxDossierBytes: 5000, maxTotalBytes: 10_000 },
    });
    expect(r).toMatchObject({ ok: false, reason: 'attachments', budget: { reason: 'file-too-large' } });
    expect(await db.dossiers.count()).toBe(0);
  });
});
