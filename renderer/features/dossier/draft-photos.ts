/**
 * The document photos of a draft, kept beside its answers so a reload or a crash in the
 * middle of a declaration loses neither. Written when the list changes (a photo taken or
 * removed), not on every keystroke like the answers; submit moves them to the dossier's
 * attachments in its own transaction, and discarding the draft removes them.
 */
import type { DraftPhotoRow, KioskDb } from '../../db/db.ts';
import type { PreparedAttachment } from './attachments.ts';
import { draftDbOf, nowOf, type DataContext } from '../../db/context.ts';
import { writeFailure, type WriteFailure } from './storage.ts';
import { dayKeysOf } from './at-rest.ts';
import { openBlob, openFields, sealBlob, sealFields } from './sealed-rows.ts';

const rowId = (draftId: string, hash: string) => `${draftId}:${hash}`;

/** Replaces the draft's photos with `photos`, in their order. */
export async function saveDraftPhotos(
  draftId: string,
  photos: readonly PreparedAttachment[],
  ctx: DataContext = {},
): Promise<{ ok: true } | WriteFailure> {
  const db = draftDbOf(ctx);
  const keys = dayKeysOf(db);
  const now = nowOf(ctx);
  const distinct = [...new Map(photos.map((p) => [p.hash, p])).values()];
  try {
    // Sealed before the transaction (at-rest.ts): IndexedDB keeps only ciphertext of a photo.
    const rows = await Promise.all(
      distinct.map(async (p, position): Promise<DraftPhotoRow> => ({
        id: rowId(draftId, p.hash),
        draftId,
        position,
        ...(await sealBlob(keys, now, rowId(draftId, p.hash), p.bytes)),
        hash: p.hash,
        mediaType: p.mediaType,
        fileName: '',
        sealedFields: await sealFields(keys, now, rowId(draftId, p.hash), { fileName: p.fileName }),
        size: p.size,
        width: p.width,
        height: p.height,
      })),
    );
    await db.transaction('rw', db.draftPhotos, db.dossiers, async () => {
      // A save still in flight when the draft was submitted must not bring its photos back.
      if (await db.dossiers.get(draftId)) return;
      await db.draftPhotos.where('draftId').equals(draftId).delete();
      await db.draftPhotos.bulkAdd(rows);
    });
    return { ok: true };
  } catch (e) {
    return writeFailure(e);
  }
}

/** The draft's photos in the order they were added (none for an unknown draft; unreadable ones left out). */
export async function loadDraftPhotos(draftId: string, ctx: DataContext = {}): Promise<PreparedAttachment[]> {
  const db = draftDbOf(ctx);
  const rows = await db.draftPhotos.where('draftId').equals(draftId).toArray();
  rows.sort((a, b) => a.position - b.position);
  const keys = dayKeysOf(db);
  const opened = await Promise.all(
    rows.map(async (row) => ({ row: await openFields(keys, row), bytes: await openBlob(keys, row) })),
  );
  return opened.flatMap(({ row: { hash, mediaType, fileName, size, width, height }, bytes }) =>
    bytes ? [{ bytes, hash, mediaType, fileName, size, width, height }] : [],
  );
}

/** Removes a draft's photos; call inside a transaction over draftPhotos to make it part of it. */
export function deleteDraftPhotos(db: KioskDb, draftId: string): Promise<number> {
  return db.draftPhotos.where('draftId').equals(draftId).delete();
}
