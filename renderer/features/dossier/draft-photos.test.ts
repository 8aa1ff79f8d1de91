import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskDb } from '../../db/db.ts';
import type { PreparedAttachment } from './attachments.ts';
import { loadDraftPhotos, saveDraftPhotos } from './draft-photos.ts';
import { discardAllDrafts, discardDraft, discardDraftsSavedBefore, loadDraft, saveDraft } from './drafts.ts';
import { submitDossier } from './submit.ts';
import { dropDb, freshDb, roomy, submitInputWithDraft, vn } from './test-support.ts';

let db: KioskDb;
afterEach(async () => dropDb(db));

const photo = (n: number): PreparedAttachment => ({
  bytes: new Blob([new Uint8Array([n, n, n])], { type: 'image/jpeg' }),
  hash: String(n).repeat(64).slice(0, 64),
  mediaType: 'image/jpeg',
  fileName: `giay-to-${n}.jpg`,
  size: 3,
  width: 1600,
  height: 1067,
});

describe('draft photos', () => {
  it('keeps the draft’s photos in the order they were added; a change replaces the set', async () => {
    db = freshDb();
    expect(await saveDraftPhotos('d1', [photo(2), photo(1), photo(3)], { db })).toEqual({ ok: true });
    await saveDraftPhotos('d2', [photo(4)], { db });
    const loaded = await loadDraftPhotos('d1', { db });
    expect(loaded.map((p) => p.fileName)).toEqual(['giay-to-2.jpg', 'giay-to-1.jpg', 'giay-to-3.jpg']);
    expect(loaded[0]).toMatchObject({
      hash: photo(2).hash,
      mediaType: 'image/jpeg',
      width: 1600,
      height: 1067,
    });
    expect(new Uint8Array(await loaded[0]!.bytes.arrayBuffer())).toEqual(new Uint8Array([2, 2, 2]));

    await saveDraftPhotos('d1', [photo(3)], { db });
    expect((await loadDraftPhotos('d1', { db })).map((p) => p.fileName)).toEqual(['giay-to-3.jpg']);
    expect(await loadDraftPhotos('d2', { db })).toHaveLength(1);
    expect(await loadDraftPhotos('unknown', { db })).toEqual([]);
  });

  it('go with the draft when it is discarded, and all of them at the idle reset', async () => {
    db = freshDb();
    await saveDraftPhotos('d1', [photo(1)], { db });
    await saveDraftPhotos('d2', [photo(2)], { db });
    await discardDraft('d1', { db });
    expect(await loadDraftPhotos('d1', { db })).toEqual([]);
    expect(await loadDraftPhotos('d2', { db })).toHaveLength(1);
    await discardAllDrafts({ db });
    expect(await db.draftPhotos.count()).toBe(0);
  });

  it('leave the draft in the submit transaction, while the dossier keeps its attachments', async () => {
    db = freshDb();
    const input = await submitInputWithDraft(db, vn('2026-11-24 09:00'));
    await saveDraftPhotos(input.draft.id, [photo(1)], { db });
    await saveDraftPhotos('another-draft', [photo(2)], { db });
    const result = await submitDossier({ ...input, attachments: [photo(1)] }, { db, space: roomy });
    expect(result.ok).toBe(true);
    expect(await loadDraftPhotos(input.draft.id, { db })).toEqual([]);
    expect(await loadDraftPhotos('another-draft', { db })).toHaveLength(1);
    // A save that lands after the submit does not bring them back.
    await saveDraftPhotos(input.draft.id, [photo(1)], { db });
    expect(await loadDraftPhotos(input.draft.id, { db })).toEqual([]);
    expect((await db.attachments.toArray()).map((a) => a.hash)).toEqual([photo(1).hash]);
  });

  it('at start, drafts saved before the cut-off go with their photos, and photos without a draft go', async () => {
    db = freshDb();
    const save = (id: string, at: string) =>
      saveDraft(
        { id, procedureCode: '2.000815', formId: 'certification-request', formData: {}, step: 0 },
        { db, now: () => vn(at) },
      );
    await save('old', '2026-11-23 09:00');
    await save('recent', '2026-11-23 09:02');
    await saveDraftPhotos('old', [photo(1)], { db });
    await saveDraftPhotos('recent', [photo(2)], { db });
    await saveDraftPhotos('orphan', [photo(3)], { db });

    expect(await discardDraftsSavedBefore(vn('2026-11-23 09:01'), { db })).toBe(1);
    expect(await loadDraft('old', { db })).toBeNull();
    expect(await loadDraft('recent', { db })).not.toBeNull();
    expect(await loadDraftPhotos('old', { db })).toEqual([]);
    expect(await loadDraftPhotos('orphan', { db })).toEqual([]);
    expect(await loadDraftPhotos('recent', { db })).toHaveLength(1);
  });
});
