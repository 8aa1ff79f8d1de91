/**
 * The start-up pass that seals rows an older version stored in the clear: afterwards no
 * object store holds the citizen's name, every read and the sync payload are whole, and a
 * crash half-way loses and doubles nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskDb } from '../../db/db.ts';
import { getRating, saveRating } from '../rating/rating.ts';
import { bindDayKeys, type DayKeys } from './at-rest.ts';
import { recordOfficeStatus } from './bookkeeping.ts';
import { contentHash } from './crypto.ts';
import { loadDraft, saveDraft } from './drafts.ts';
import { loadDraftPhotos, saveDraftPhotos } from './draft-photos.ts';
import { getMeta } from '../../db/meta.ts';
import { outboxPending, outboxRefused, recordPushResults, toPushItems } from './outbox.ts';
import { dossierAttachments, getDossier } from './queries.ts';
import { CLEAR_ROWS_SEALED_KEY, sealClearRows } from './seal-clear-rows.ts';
import { openBlob, openDossier, openDraft, openFields, openOutboxRow } from './sealed-rows.ts';
import { submitDossier } from './submit.ts';
import { dropDb, freshDb, memoryDayKeys, roomy, submitInput, vn } from './test-support.ts';

const PERSON = 'NguyenVanAn';
const ID_NUMBER = '001300123456';

let d: KioskDb;
afterEach(async () => dropDb(d));

async function rawText(db: KioskDb): Promise<string> {
  const parts: string[] = [];
  const walk = async (v: unknown): Promise<void> => {
    if (v instanceof Blob) parts.push(await v.text());
    else if (v instanceof Uint8Array) parts.push(new TextDecoder().decode(v));
    else if (Array.isArray(v)) for (const x of v) await walk(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) await walk(x);
    else parts.push(String(v));
  };
  for (const table of db.tables) await walk(await table.toArray());
  return parts.join('\n');
}

/** The rows as a version without sealing stored them: every personal field in the clear. */
async function asStoredInTheClear(db: KioskDb, keys: DayKeys): Promise<void> {
  const bare = <T extends { sealed?: unknown; sealedFields?: unknown }>(row: T): T => {
    const copy = { ...row };
    delete copy.sealed;
    delete copy.sealedFields;
    return copy;
  };
  const dossiers = await Promise.all((await db.dossiers.toArray()).map((r) => openDossier(keys, r)));
  const outbox = await Promise.all(
    (await db.outbox.toArray()).map(async (r) => openFields(keys, await openOutboxRow(keys, r))),
  );
  const drafts = await Promise.all((await db.drafts.toArray()).map((r) => openDraft(keys, r)));
  const photos = await Promise.all(
    (await db.draftPhotos.toArray()).map(async (r) => ({
      ...(await openFields(keys, r)),
      bytes: (await openBlob(keys, r))!,
    })),
  );
  const attachments = await Promise.all(
    (await db.attachments.toArray()).map(async (r) => ({
      ...(await openFields(keys, r)),
      bytes: (await openBlob(keys, r))!,
    })),
  );
  const ratings = await Promise.all((await db.ratings.toArray()).map((r) => openFields(keys, r)));
  await db.transaction(
    'rw',
    [db.dossiers, db.outbox, db.drafts, db.draftPhotos, db.attachments, db.ratings],
    async () => {
      for (const r of dossiers) {
        await db.dossiers.delete(r.id);
        await db.dossiers.add(bare(r));
      }
      await db.outbox.bulkPut(outbox.map(bare));
      await db.drafts.bulkPut(drafts.map((r) => bare(r!)));
      await db.draftPhotos.bulkPut(photos.map(bare));
      await db.attachments.bulkPut(attachments.map(bare));
      await db.ratings.bulkPut(ratings.map(bare));
    },
  );
}

/** Keys that fail after `n` seals: the kiosk stopping half-way through the pass. */
function failingAfter(keys: DayKeys, n: number): DayKeys {
  let left = n;
  return {
    ...keys,
    sealing: (day) => (left-- > 0 ? keys.sealing(day) : Promise.reject(new Error('power cut'))),
  };
}

const counts = async (db: KioskDb) =>
  Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));

describe('sealing rows stored in the clear by an older version', () => {
  it('seals every one, resumably, and every read and the sync payload stay whole', async () => {
    const keys = memoryDayKeys();
    d = freshDb(undefined, keys);
    const now = vn('2026-12-05 10:00');
    const ctx = { db: d, now: () => now };
    const photo = async (text: string) => {
      const bytes = new Blob([`${text} ${ID_NUMBER}`], { type: 'image/jpeg' });
      const digest = await crypto.subtle.digest('SHA-256', await bytes.arrayBuffer());
      return {
        bytes,
        hash: Buffer.from(digest).toString('hex'),
        mediaType: 'image/jpeg' as const,
        fileName: `CCCD_${PERSON}.jpg`,
        size: bytes.size,
        width: 10,
        height: 10,
      };
    };
    const input = submitInput(now);
    const r = await submitDossier({ ...input, attachments: [await photo('page')] }, { db: d, space: roomy });
    if (!r.ok) return expect.fail(r.reason);
    const rated = await saveRating(
      {
        dossierId: r.dossier.id,
        procedureCode: '1.001193',
        level: 'satisfied',
        reason: `${PERSON} hài lòng`,
      },
      ctx,
    );
    if (!rated.ok) return expect.fail(rated.reason);
    const [item] = toPushItems(await outboxPending(1, {}, ctx));
    await recordPushResults(
      [item!],
      [{ id: item!.id, hash: item!.hash, outcome: 'invalid', reasons: [`applicantName ${PERSON}`] }],
      now,
      ctx,
    );
    const draft = submitInput(now);
    await saveDraft(
      {
        id: draft.draft.id,
        procedureCode: '1.001193',
        formId: 'birth-registration',
        formData: { name: PERSON },
        step: 1,
      },
      ctx,
    );
    await saveDraftPhotos(draft.draft.id, [await photo('draft page')], ctx);
    const pushedBefore = toPushItems(await outboxPending(10, {}, ctx));
    const officeStatus = {
      status: 'refused',
      reason: `${PERSON} không cư trú tại xã`,
      changedAt: now.toISOString(),
    };
    expect(await recordOfficeStatus(r.dossier.id, officeStatus, ctx)).toBe(true);

    await asStoredInTheClear(d, keys);
    expect(await rawText(d)).toContain(PERSON);
    const before = await counts(d);

    // Stopped half-way: some rows sealed, the rest still clear, none lost or doubled.
    bindDayKeys(d, failingAfter(keys, 3));
    await expect(sealClearRows({ batchSize: 1 }, ctx)).rejects.toThrow('power cut');
    bindDayKeys(d, keys);
    expect(await counts(d)).toEqual(before);
    expect(await getMeta(d, CLEAR_ROWS_SEALED_KEY)).toBeUndefined();
    expect((await d.dossiers.toArray())[0]?.sealed).toBeDefined();
    expect(await rawText(d)).toContain(PERSON);

    // The next start finishes it.
    expect(await sealClearRows({ batchSize: 2 }, ctx)).toBeGreaterThan(0);
    expect(await counts(d)).toEqual({ ...before, meta: before.meta! + 1 }); // + the "done" flag
    const raw = await rawText(d);
    expect(raw).toContain(r.dossier.code);
    expect(raw).not.toContain(PERSON);
    expect(raw).not.toContain(ID_NUMBER);
    expect(await getMeta(d, CLEAR_ROWS_SEALED_KEY)).toBe(true);
    expect(await sealClearRows({}, ctx)).toBe(0);

    // Read back whole; the office gets exactly what was hashed.
    expect((await getDossier(r.dossier.id, ctx))?.applicantName).toBe(r.dossier.applicantName);
    expect((await getDossier(r.dossier.id, ctx))?.officeStatus).toEqual(officeStatus);
    const [attachment] = await dossierAttachments(r.dossier.id, ctx);
    expect(attachment?.fileName).toBe(`CCCD_${PERSON}.jpg`);
    expect(await attachment?.bytes.text()).toContain(ID_NUMBER);
    expect((await getRating(rated.rating.id, ctx))?.comment).toBe(`${PERSON} hài lòng`);
    expect((await outboxRefused(10, ctx))[0]?.lastError).toBe(`applicantName ${PERSON}`);
    expect((await loadDraft(draft.draft.id, ctx))?.formData).toEqual({ name: PERSON });
    expect((await loadDraftPhotos(draft.draft.id, ctx))[0]?.fileName).toBe(`CCCD_${PERSON}.jpg`);
    const pushed = toPushItems(await outboxPending(10, {}, ctx));
    expect(pushed).toEqual(pushedBefore);
    for (const p of pushed) expect(contentHash(p.payload)).toBe(p.hash);
  });
});
