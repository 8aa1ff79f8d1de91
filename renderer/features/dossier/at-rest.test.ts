/**
 * Personal data at rest, end to end in the data layer: the page's keys come over the real
 * bridge (contract validation both ends) from main's real key store on real files; the
 * rows IndexedDB holds carry no name or ID number; sync still sends exactly what was
 * hashed; and once main shreds a day, what it sealed cannot be read.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridgeHandlers } from '../../../main/services/bridge-handlers.ts';
import { createDayKeyStore } from '../../../main/services/at-rest/day-key-store.ts';
import { createKioskServices } from '../../../main/services/kiosk-services.ts';
import { createPlainFileCipher } from '../../../main/services/sync/token-cipher.ts';
import type { Logger } from '../../../main/services/logger.ts';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';
import { createBridgeClient } from '../../bridge/client.ts';
import type { KioskDb } from '../../db/db.ts';
import { bridgeDayKeys, openBytes, sealJson, type DayKeys } from './at-rest.ts';
import { contentHash } from './crypto.ts';
import { loadDraft, saveDraft } from './drafts.ts';
import { loadDraftPhotos, saveDraftPhotos } from './draft-photos.ts';
import { outboxPending, outboxRefused, recordPushResults, toPushItems } from './outbox.ts';
import { saveRating } from '../rating/rating.ts';
import { dossierAttachments, getDossier } from './queries.ts';
import { recordOfficeStatus } from './bookkeeping.ts';
import { submitDossier } from './submit.ts';
import { dropDb, freshDb, profile, roomy, submitInput, vn } from './test-support.ts';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;
const NAME = 'Nguyễn Thị Hoa';
const ID_NUMBER = '001300123456';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The page's keys from main's key store in a fresh data folder, through the bridge. */
function mainKeys(withStore = true): DayKeys {
  const base = mkdtempSync(path.join(os.tmpdir(), 'at-rest-'));
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  const dispatcher = createBridgeHandlers(
    createKioskServices({
      profile,
      catalogue: CATALOGUE,
      appVersion: '0.1.0-test',
      host: 'headless',
      ...(withStore
        ? {
            dayKeys: createDayKeyStore({
              dir: path.join(base, 'at-rest-keys'),
              cipher: createPlainFileCipher(),
            }),
          }
        : {}),
    }),
    { logger: silent },
  );
  return bridgeDayKeys(createBridgeClient((method, input) => dispatcher.invoke(method, input)));
}

function db(keys: DayKeys): KioskDb {
  const d = freshDb(undefined, keys);
  cleanups.push(() => dropDb(d));
  return d;
}

const photo = (text: string) => {
  const bytes = new Blob([`${text} ${NAME} ${ID_NUMBER}`], { type: 'image/jpeg' });
  return {
    bytes,
    hash: '',
    mediaType: 'image/jpeg' as const,
    fileName: 'anh-1.jpg',
    size: bytes.size,
    width: 10,
    height: 10,
  };
};
async function withHash(p: ReturnType<typeof photo>) {
  const digest = await crypto.subtle.digest('SHA-256', await p.bytes.arrayBuffer());
  return { ...p, hash: Buffer.from(digest).toString('hex') };
}

/** Every byte IndexedDB holds for these tables, as text (JSON of the rows, Blobs and byte arrays decoded). */
async function rawText(d: KioskDb): Promise<string> {
  const parts: string[] = [];
  const walk = async (v: unknown): Promise<void> => {
    if (v instanceof Blob) parts.push(await v.text());
    else if (v instanceof Uint8Array) parts.push(new TextDecoder('utf-8', { fatal: false }).decode(v));
    else if (Array.isArray(v)) for (const x of v) await walk(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) await walk(x);
    else parts.push(String(v));
  };
  // Every object store of the database, so a new table with personal data cannot be missed.
  for (const table of d.tables) await walk(await table.toArray());
  return parts.join('\n');
}

describe('personal data at rest', () => {
  it('imports each day key non-extractable, and binds a ciphertext to its row', async () => {
    const keys = mainKeys();
    const { key, day } = await keys.sealing('2026-12-05');
    expect(day).toBe('2026-12-05');
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    const sealed = await sealJson(keys, vn('2026-12-05 10:00'), 'row-1', { name: NAME });
    expect(await openBytes(keys, sealed, 'row-1')).not.toBeNull();
    // Moved to another row, or altered: refused.
    expect(await openBytes(keys, sealed, 'row-2')).toBeNull();
    const altered = { ...sealed, data: sealed.data.map((b, i) => (i === 0 ? b ^ 1 : b)) };
    expect(await openBytes(keys, altered, 'row-1')).toBeNull();
  });

  it('keeps no name or ID number in the clear in any row, while every read and the sync payload are whole', async () => {
    const keys = mainKeys();
    const d = db(keys);
    const now = vn('2026-12-05 10:00');
    const input = submitInput(now);
    const saved = await saveDraft(
      {
        id: input.draft.id,
        procedureCode: '1.001193',
        formId: 'birth-registration',
        formData: input.draft.formData,
        step: 2,
      },
      { db: d, now: () => now },
    );
    expect(saved.ok).toBe(true);
    const photos = [await withHash(photo('page one'))];
    expect(await saveDraftPhotos(input.draft.id, photos, { db: d, now: () => now })).toEqual({ ok: true });
    // The draft, while it is one.
    let raw = await rawText(d);
    expect(raw).not.toContain(ID_NUMBER);
    expect(raw.normalize('NFC')).not.toContain('Thị Hoa');
    expect((await loadDraft(input.draft.id, { db: d }))?.formData['requester.personalId']).toBe(ID_NUMBER);
    expect(await (await loadDraftPhotos(input.draft.id, { db: d }))[0]!.bytes.text()).toContain(ID_NUMBER);

    const r = await submitDossier({ ...input, attachments: photos }, { db: d, space: roomy });
    if (!r.ok) return expect.fail(r.reason);
    expect(r.dossier.applicantName).toBe(NAME);
    raw = await rawText(d);
    expect(raw).not.toContain(ID_NUMBER);
    expect(raw.normalize('NFC')).not.toContain('Thị Hoa');
    expect(raw).toContain(r.dossier.code); // the scan did read the rows

    expect((await getDossier(r.dossier.id, { db: d }))?.formData['requester.personalId']).toBe(ID_NUMBER);
    expect(await (await dossierAttachments(r.dossier.id, { db: d }))[0]!.bytes.text()).toContain(ID_NUMBER);
    // The office gets exactly the payload whose hash is sent.
    const [item] = toPushItems(await outboxPending(10, {}, { db: d }));
    expect(item?.kind).toBe('dossier');
    expect((item!.payload as { applicantName: string }).applicantName).toBe(NAME);
    expect(contentHash(item!.payload)).toBe(item!.hash);
    expect(canonicalJson(item!.payload)).toContain(ID_NUMBER);
  });

  it('once main shreds the day, the dossier reads as retention leaves it and its photo not at all', async () => {
    const keys = mainKeys();
    const d = db(keys);
    const r = await submitDossier(
      { ...submitInput(vn('2026-11-01 10:00')), attachments: [await withHash(photo('page'))] },
      { db: d, space: roomy },
    );
    if (!r.ok) return expect.fail(r.reason);
    expect(await keys.shredBefore('2026-11-02')).toBe(1);
    const after = await getDossier(r.dossier.id, { db: d });
    expect(after?.formData).toEqual({});
    expect(after?.applicantName).toBe('N. T. H.');
    expect(await dossierAttachments(r.dossier.id, { db: d })).toEqual([]);
    // Shredding dropped the page's copy: asked again, main has no key for that day any more.
    expect(await keys.opening('2026-11-01')).toBeNull();
  });

  it('without a key from main neither a declaration nor a draft is stored', async () => {
    const d = db(mainKeys(false));
    const input = submitInput(vn('2026-12-05 10:00'));
    const r = await submitDossier(input, { db: d, space: roomy });
    expect(r).toMatchObject({ ok: false, reason: 'write-failed' });
    expect(await d.dossiers.count()).toBe(0);
    expect(await d.outbox.count()).toBe(0);
    const saved = await saveDraft(
      {
        id: input.draft.id,
        procedureCode: '1.001193',
        formId: 'birth-registration',
        formData: { a: NAME },
        step: 0,
      },
      { db: d },
    );
    expect(saved).toMatchObject({ ok: false, reason: 'write-failed' });
    expect(await d.drafts.count()).toBe(0);
  });
});

describe('personal data at rest: file names, rating comments, refusal texts, status reasons', () => {
  const PERSON = 'NguyenVanAn';
  it('keeps none of them in the clear in any object store, and gives each back whole to the office, staff and the status screen', async () => {
    const keys = mainKeys();
    const d = db(keys);
    const now = vn('2026-12-05 10:00');
    const input = submitInput(now);
    const named = { ...(await withHash(photo('page one'))), fileName: `CCCD_${PERSON}.jpg` };
    expect(await saveDraftPhotos(input.draft.id, [named], { db: d, now: () => now })).toEqual({ ok: true });
    expect(await rawText(d)).not.toContain(PERSON);
    expect((await loadDraftPhotos(input.draft.id, { db: d }))[0]?.fileName).toBe(`CCCD_${PERSON}.jpg`);

    const r = await submitDossier({ ...input, attachments: [named] }, { db: d, space: roomy });
    if (!r.ok) return expect.fail(r.reason);
    const rated = await saveRating(
      {
        dossierId: r.dossier.id,
        procedureCode: '1.001193',
        level: 'satisfied',
        reason: `Cán bộ giúp ${PERSON} nhanh`,
      },
      { db: d, now: () => now },
    );
    expect(rated).toMatchObject({ ok: true, rating: { comment: `Cán bộ giúp ${PERSON} nhanh` } });

    // The office gets the file name and the comment as they were hashed.
    const items = toPushItems(await outboxPending(10, {}, { db: d }));
    const meta = items.find((i) => i.kind === 'attachment-meta')!;
    const rating = items.find((i) => i.kind === 'rating')!;
    expect((meta.payload as { fileName: string }).fileName).toBe(`CCCD_${PERSON}.jpg`);
    expect((rating.payload as { comment: string }).comment).toBe(`Cán bộ giúp ${PERSON} nhanh`);
    for (const item of items) expect(contentHash(item.payload)).toBe(item.hash);

    // The office refuses the dossier, quoting the name.
    const dossierItem = items.find((i) => i.kind === 'dossier')!;
    await recordPushResults(
      [dossierItem],
      [
        {
          id: dossierItem.id,
          hash: dossierItem.hash,
          outcome: 'invalid',
          reasons: [`applicantName: ${PERSON} is not on the register`],
        },
      ],
      now,
      { db: d, now: () => now },
    );

    // The office asks for a document, naming the citizen in its reason.
    const changedAt = '2026-12-05T04:00:00.000Z';
    const reason = `Ông/bà ${PERSON} cần nộp bản chính giấy khai sinh`;
    expect(
      await recordOfficeStatus(r.dossier.id, { status: 'needs-documents', reason, changedAt }, { db: d }),
    ).toBe(true);

    const raw = await rawText(d);
    expect(raw).toContain(r.dossier.code); // the scan did read the rows
    expect(raw).toContain('needs-documents');
    expect(raw).not.toContain(PERSON);
    expect((await getDossier(r.dossier.id, { db: d }))?.officeStatus).toEqual({
      status: 'needs-documents',
      reason,
      changedAt,
    });

    expect((await dossierAttachments(r.dossier.id, { db: d }))[0]?.fileName).toBe(`CCCD_${PERSON}.jpg`);
    const [refused] = await outboxRefused(10, { db: d });
    expect(refused?.lastError).toBe(`applicantName: ${PERSON} is not on the register`);
  });
});
