/**
 * Read side for the screens. Each query walks one index (dossiers: `receivedAt`,
 * `&code`; outbox: `[status+seq]`), so its cost depends on the rows returned, not on the
 * 100,000 stored (measured in bench/dossier.bench.ts).
 *
 * receivedAt is always written by toVietnamIso ("YYYY-MM-DDTHH:mm:ss+07:00"), one fixed
 * format and offset, so string order is time order and a Vietnam day is a string range.
 *
 * Rows come back opened (personal fields unsealed, sealed-rows.ts); what only counts or
 * lists codes reads nothing sealed.
 */
import { vietnamDate } from '../../../shared/domain/vietnam-time.ts';
import type { AttachmentRow, DossierRow } from '../../db/db.ts';
import { META } from '../../db/db.ts';
import { dbOf, type DataContext } from '../../db/context.ts';
import { getMeta, putMeta } from '../../db/meta.ts';
import { dayKeysOf } from './at-rest.ts';
import { openBlob, openDossier, openDossiers, openFields } from './sealed-rows.ts';

/** How many dossiers the kiosk holds, from the counter submit keeps (counted once if absent). */
export async function dossierTotal(ctx: DataContext = {}): Promise<number> {
  const db = dbOf(ctx);
  const kept = await getMeta<number>(db, META.dossierCount);
  if (kept !== undefined) return kept;
  return db.transaction('rw', db.dossiers, db.meta, async () => {
    const again = await getMeta<number>(db, META.dossierCount);
    if (again !== undefined) return again;
    const n = await db.dossiers.count();
    await putMeta(db, META.dossierCount, n);
    return n;
  });
}

/** Dossiers received on the Vietnam calendar day of `now`, newest first. */
export async function todayDossiers(now: Date, ctx: DataContext = {}): Promise<DossierRow[]> {
  const date = vietnamDate(now);
  const db = dbOf(ctx);
  const rows = await db.dossiers
    .where('receivedAt')
    .between(`${date}T00:00:00+07:00`, `${date}T23:59:59+07:00`, true, true)
    .reverse()
    .toArray();
  return openDossiers(dayKeysOf(db), rows);
}

/**
 * One page of that Vietnam day's dossiers, newest first, and the day's total: what the
 * dossier list shows. Reads only the page's rows, not the whole day.
 */
export async function todayDossierPage(
  now: Date,
  options: { page?: number; pageSize?: number } = {},
  ctx: DataContext = {},
): Promise<{ items: DossierRow[]; total: number }> {
  const date = vietnamDate(now);
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? 20)), 200);
  const page = Math.max(0, Math.floor(options.page ?? 0));
  const range = () =>
    dbOf(ctx)
      .dossiers.where('receivedAt')
      .between(`${date}T00:00:00+07:00`, `${date}T23:59:59+07:00`, true, true);
  const [total, items] = await Promise.all([
    range().count(),
    range()
      .reverse()
      .offset(page * pageSize)
      .limit(pageSize)
      .toArray(),
  ]);
  return { items: await openDossiers(dayKeysOf(dbOf(ctx)), items), total };
}

/** How many dossiers were received on that Vietnam day (for the Today screen's counter). */
export function todayDossierCount(now: Date, ctx: DataContext = {}): Promise<number> {
  const date = vietnamDate(now);
  return dbOf(ctx)
    .dossiers.where('receivedAt')
    .between(`${date}T00:00:00+07:00`, `${date}T23:59:59+07:00`, true, true)
    .count();
}

/** The dossier with this code (receipt QR scanned, or typed), or null. */
export async function dossierByCode(code: string, ctx: DataContext = {}): Promise<DossierRow | null> {
  const db = dbOf(ctx);
  const row = await db.dossiers.where('code').equals(code.trim()).first();
  return row ? openDossier(dayKeysOf(db), row) : null;
}

/** The codes of these dossiers, in order; null for one no longer on the kiosk (or no id). */
export async function dossierCodes(
  ids: readonly (string | null | undefined)[],
  ctx: DataContext = {},
): Promise<(string | null)[]> {
  const rows = await dbOf(ctx).dossiers.bulkGet(ids.map((id) => id ?? ''));
  return rows.map((row) => row?.code ?? null);
}

export async function getDossier(id: string, ctx: DataContext = {}): Promise<DossierRow | null> {
  const db = dbOf(ctx);
  const row = await db.dossiers.get(id);
  return row ? openDossier(dayKeysOf(db), row) : null;
}

export interface DossierPage {
  items: DossierRow[];
  /** 0-based */
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** The dossier list (reprint), newest first, a page at a time. */
export async function listDossiers(
  options: { page?: number; pageSize?: number } = {},
  ctx: DataContext = {},
): Promise<DossierPage> {
  const db = dbOf(ctx);
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? 20)), 200);
  const page = Math.max(0, Math.floor(options.page ?? 0));
  const [total, items] = await Promise.all([
    dossierTotal(ctx),
    db.dossiers
      .orderBy('receivedAt')
      .reverse()
      .offset(page * pageSize)
      .limit(pageSize)
      .toArray(),
  ]);
  return {
    items: await openDossiers(dayKeysOf(db), items),
    page,
    pageSize,
    total,
    pageCount: Math.ceil(total / pageSize),
  };
}

/** A dossier's attachments (with their bytes), in the order they were added; unreadable ones left out. */
export async function dossierAttachments(dossierId: string, ctx: DataContext = {}): Promise<AttachmentRow[]> {
  const db = dbOf(ctx);
  const rows = await db.attachments.where('dossierId').equals(dossierId).toArray();
  rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const keys = dayKeysOf(db);
  const opened = await Promise.all(
    rows.map(async (row) => ({ row: await openFields(keys, row), bytes: await attachmentBytes(row, ctx) })),
  );
  return opened.flatMap(({ row, bytes }) => {
    if (!bytes) return [];
    const rest: AttachmentRow = { ...row, bytes };
    delete rest.sealed;
    return [rest];
  });
}

/** An attachment's bytes as the office must receive them, or null once they cannot be read. */
export function attachmentBytes(row: AttachmentRow, ctx: DataContext = {}): Promise<Blob | null> {
  return openBlob(dayKeysOf(dbOf(ctx)), row);
}
