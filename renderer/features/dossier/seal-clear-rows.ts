/**
 * A kiosk upgraded from a version that stored personal data in the clear still holds those
 * rows until retention reaches them. This pass, run once at start, seals them as a new
 * row would be sealed (sealed-rows.ts), so after its first start the kiosk holds no
 * personal data in the clear.
 *
 * Bounded and resumable: it walks each table in primary-key pages, seals a page's rows
 * before a short write transaction (WebCrypto cannot run inside one), and in that
 * transaction replaces only rows that are still exactly as read, by their own id. A crash
 * leaves every row either whole in the clear or whole sealed, never both nor twice; the
 * next start seals what is left. A meta flag records the pass as done, so later starts
 * read nothing.
 *
 * Each value is sealed under the key of its row's own day (received, created), so
 * retention shreds it with the rest of that day.
 */
import type { EntityTable } from 'dexie';
import {
  type AttachmentRow,
  type DossierRow,
  type DraftPhotoRow,
  type DraftRow,
  type KioskDb,
  type OutboxRow,
  type RatingRow,
} from '../../db/db.ts';
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';
import { dayKeysOf, type DayKeys } from './at-rest.ts';
import { dbOf, nowOf, type DataContext } from '../../db/context.ts';
import { getMeta, putMeta } from '../../db/meta.ts';
import {
  sealBlob,
  sealDraft,
  sealFields,
  sealOfficeStatus,
  sealPayload,
  sealPersonal,
  splitPersonalPayload,
  withoutPersonal,
} from './sealed-rows.ts';

/**
 * Meta key: true once every table has been walked and nothing personal is left in the clear.
 * Named after the last kind of field the pass learned to seal, so that a kiosk which
 * finished an earlier pass walks its tables once more for it.
 */
export const CLEAR_ROWS_SEALED_KEY = 'atRest.clearRowsSealed.statusReason';

export const SEAL_CLEAR_ROWS_BATCH = 50;

type Row = { id: string };
/** A row's replacement, or null when nothing of it is in the clear. */
type Sealer<T extends Row> = (keys: DayKeys, row: T, now: Date) => Promise<T | null>;

const hasText = (v: string | null | undefined): v is string => typeof v === 'string' && v !== '';

const sealDossier: Sealer<DossierRow> = async (keys, row) => {
  let next: DossierRow | null = null;
  if (!row.sealed && Object.keys(row.formData).length > 0) {
    next = {
      ...withoutPersonal(row),
      sealed: await sealPersonal(keys, new Date(row.receivedAt), row.id, row),
    };
  }
  if (row.officeStatus && hasText(row.officeStatus.reason)) {
    next = { ...(next ?? row), ...(await sealOfficeStatus(keys, row, row.officeStatus)) };
  }
  return next;
};

const sealOutbox: Sealer<OutboxRow> = async (keys, row) => {
  const at = new Date(row.createdAt);
  let next: OutboxRow | null = null;
  if (!row.sealed && row.payloadJson != null) {
    const payload = JSON.parse(row.payloadJson) as Record<string, unknown>;
    if (splitPersonalPayload(row.kind, payload)) {
      const stored = await sealPayload(keys, at, row.id, row.kind, payload);
      next = { ...row, payloadJson: canonicalJson(stored.payload), sealed: stored.sealed! };
    }
  }
  if (row.status === 'refused' && hasText(row.lastError) && !row.sealedFields?.lastError) {
    const fields = await sealFields(keys, at, row.id, { lastError: row.lastError });
    next = { ...(next ?? row), lastError: null, sealedFields: { ...row.sealedFields, ...fields } };
  }
  return next;
};

const sealDraftRow: Sealer<DraftRow> = (keys, row) =>
  row.sealed || Object.keys(row.formData).length === 0
    ? Promise.resolve(null)
    : sealDraft(keys, row, new Date(row.updatedAt));

async function sealPhoto<T extends DraftPhotoRow | AttachmentRow>(keys: DayKeys, row: T, at: Date) {
  let next: T | null = null;
  if (!row.sealed && row.bytes.size > 0) next = { ...row, ...(await sealBlob(keys, at, row.id, row.bytes)) };
  if (hasText(row.fileName) && !row.sealedFields?.fileName) {
    const fields = await sealFields(keys, at, row.id, { fileName: row.fileName });
    next = { ...(next ?? row), fileName: '', sealedFields: { ...row.sealedFields, ...fields } };
  }
  return next;
}

const sealRating: Sealer<RatingRow> = async (keys, row) =>
  hasText(row.comment) && !row.sealedFields?.comment
    ? {
        ...row,
        comment: '',
        sealedFields: {
          ...row.sealedFields,
          ...(await sealFields(keys, new Date(row.createdAt), row.id, { comment: row.comment })),
        },
      }
    : null;

/**
 * What a row read looked like, to tell whether it changed before its replacement is
 * written. Bytes count by length and their first 32 (a sealed value's iv is whole in it,
 * and any new sealing draws a new iv), so a sealed photo is not copied into a string.
 */
const fingerprint = (row: unknown): string =>
  JSON.stringify(row, (_k, v: unknown) =>
    v instanceof Blob
      ? `blob:${v.size}`
      : v instanceof Uint8Array
        ? `bytes:${v.byteLength}:${Array.from(v.subarray(0, 32)).join(',')}`
        : v,
  );

async function sealTable<T extends Row>(
  db: KioskDb,
  table: EntityTable<T, 'id'>,
  sealer: Sealer<T>,
  keys: DayKeys,
  now: Date,
  batch: number,
  replace: (row: T) => Promise<unknown>,
): Promise<number> {
  let sealed = 0;
  let after: string | null = null;
  for (;;) {
    const page: T[] =
      after === null
        ? await table.orderBy(':id').limit(batch).toArray()
        : await table.where(':id').above(after).limit(batch).toArray();
    if (page.length === 0) return sealed;
    after = page[page.length - 1]!.id;
    const nexts: (T | null)[] = await Promise.all(page.map((r) => sealer(keys, r, now)));
    const due: { was: string; next: T }[] = [];
    nexts.forEach((next, i) => {
      if (next) due.push({ was: fingerprint(page[i]), next });
    });
    if (due.length === 0) continue;
    sealed += await db.transaction('rw', table, async () => {
      const current = await table.bulkGet(due.map((r) => r.next.id) as Parameters<typeof table.bulkGet>[0]);
      let n = 0;
      for (const [i, r] of due.entries()) {
        // Changed meanwhile (sent, purged, edited): left for the next start to look at again.
        if (!current[i] || fingerprint(current[i]) !== r.was) continue;
        await replace(r.next);
        n++;
      }
      return n;
    });
  }
}

/** Seals every row still holding personal data in the clear; answers how many rows it sealed. */
export async function sealClearRows(
  options: { batchSize?: number } = {},
  ctx: DataContext = {},
): Promise<number> {
  const db = dbOf(ctx);
  if ((await getMeta<boolean>(db, CLEAR_ROWS_SEALED_KEY)) === true) return 0;
  const keys = dayKeysOf(db);
  const now = nowOf(ctx);
  const batch = Math.max(1, options.batchSize ?? SEAL_CLEAR_ROWS_BATCH);
  const put =
    <T extends Row>(table: EntityTable<T, 'id'>) =>
    (row: T) =>
      table.put(row);
  let sealed = 0;
  // A submitted dossier is frozen by the database's updating hook (db.ts): replaced by
  // delete + add, like retention does, in the same transaction.
  sealed += await sealTable(db, db.dossiers, sealDossier, keys, now, batch, async (row) => {
    await db.dossiers.delete(row.id);
    await db.dossiers.add(row);
  });
  sealed += await sealTable(db, db.outbox, sealOutbox, keys, now, batch, put(db.outbox));
  sealed += await sealTable(db, db.drafts, sealDraftRow, keys, now, batch, put(db.drafts));
  sealed += await sealTable(
    db,
    db.draftPhotos,
    (k, r, n) => sealPhoto(k, r, n),
    keys,
    now,
    batch,
    put(db.draftPhotos),
  );
  sealed += await sealTable(
    db,
    db.attachments,
    (k, r) => sealPhoto(k, r, new Date(r.createdAt)),
    keys,
    now,
    batch,
    put(db.attachments),
  );
  sealed += await sealTable(db, db.ratings, sealRating, keys, now, batch, put(db.ratings));
  await db.transaction('rw', db.meta, () => putMeta(db, CLEAR_ROWS_SEALED_KEY, true));
  return sealed;
}
