/**
 * Retention: personal data leaves the kiosk a set number of days after the office
 * acknowledged the dossier (issue 4; the brief: "personal data is not kept on the kiosk
 * longer than the office needs"). The office holds the dossier from the acknowledgement
 * on, so the kiosk keeps only what the receipt-QR status look-up needs: id, code,
 * procedure, models, timestamps, the office's status, and the applicant's initials.
 *
 * Removed: the declaration's answers (formData), the applicant's full name (initials
 * kept), the attachments' bytes (their rows), the references to printed PDFs, the
 * free-text reasons of the dossier's ratings (scores kept; a rating given without a dossier
 * loses its reason on the same terms), and — through the bridge,
 * after the batch committed — the printed documents main keeps for reprint.
 * Never touched: a dossier the office has not acknowledged, or one with an outbox item
 * (its own, a rating's, an attachment announcement's) still waiting or refused, or an
 * attachment whose bytes the office has not confirmed — those are still the only copy.
 *
 * Then the at-rest keys (dossier/at-rest.ts) of the days wholly purged are shredded in
 * main: the rows' old values that LevelDB may still hold in pages not yet compacted were
 * sealed with them, so nothing of those days can be read back (crypto-shredding).
 *
 * Why delete + add instead of update: a submitted dossier is frozen by the database's
 * updating hook (renderer/db/db.ts), which leaves removal to retention. Replacing the row
 * by its stripped copy in the same transaction is that removal; the number of rows does
 * not change, so the kept `dossiers.count` counter stays right without a write.
 */
import Dexie from 'dexie';
import { FORGET_PRINTED_MAX_IDS, PrintDossierIdSchema } from '../../../shared/contracts/bridge.ts';
import { toVietnamIso } from '../../../shared/domain/vietnam-time.ts';
import { META, type AttachmentRow, type DossierRow, type KioskDb } from '../../db/db.ts';
import { dbOf, type DataContext } from '../../db/context.ts';
import { dayKeysOf } from '../dossier/index.ts';
import { getMeta, putMeta } from '../../db/meta.ts';
import type { BridgeClient } from '../../bridge/client.ts';
import { keptInitials, nameInitials } from '../../../shared/domain/name-initials.ts';
import { clearRatingReasons } from '../rating/index.ts';

/** Used when the office profile sets no `kiosk.personalDataRetentionDays`. */
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Dossiers per transaction: a submit waiting behind a batch waits at most this many rows' work. */
const DEFAULT_BATCH = 100;

/**
 * Meta key: { before, count }: every dossier received before `before` (Vietnam ISO) has
 * been purged, and there were `count` of them. The next run starts at `before` instead of
 * walking the whole store again — unless the count below it changed: a kiosk whose clock
 * was set back (a reset RTC) can store a dossier below the watermark, and that dossier
 * must not escape retention, so a changed count means a full walk.
 */
export const RETENTION_WATERMARK_KEY = 'retention.purgedBefore';
interface Watermark {
  before: string;
  count: number;
}

/**
 * Meta key: ids of purged dossiers whose printed documents main has not yet confirmed
 * removing (string[]). Written in the purge's own transaction, so a crash or a failed
 * bridge call between the commit and main's answer loses no removal; emptied as main
 * confirms, and retried at the start of every run. It holds ids only, no personal data.
 */
export const RETENTION_PENDING_FORGET_KEY = 'retention.pendingForget';

const belowCount = (db: KioskDb, before: string) => db.dossiers.where('receivedAt').below(before).count();

export interface PurgeOptions {
  now: Date;
  retentionDays: number;
  batchSize?: number;
  /**
   * Asks main to remove the purged dossiers' printed documents (forgetPrintedDocuments).
   * Without it the ids wait in the pending list for a run that has one.
   */
  bridge?: Pick<BridgeClient, 'invoke'>;
}

export interface PurgeResult {
  /** Dossiers whose personal data was removed by this run. */
  purged: number;
  /** Received before the cutoff but kept: not acknowledged long enough, or items still waiting. */
  kept: number;
  /** Attachment bytes freed. */
  freedBytes: number;
  /** Free-text reasons removed from ratings given without a dossier. */
  ratingReasons: number;
  /** At-rest day keys main shredded (days every dossier of which is purged). */
  shreddedKeys: number;
}

/**
 * A purged dossier has no declaration answers left (a submitted declaration always has
 * some), neither in the clear nor sealed.
 */
export function isPersonalDataPurged(row: Pick<DossierRow, 'formData' | 'sealed'>): boolean {
  return Object.keys(row.formData).length === 0 && !row.sealed;
}

/** The initials to show for a dossier, whether or not it has been purged. */
export function applicantInitials(row: Pick<DossierRow, 'applicantName'>): string {
  return nameInitials(row.applicantName);
}

export function retentionDaysOf(profile: { kiosk: { personalDataRetentionDays?: number } }): number {
  return profile.kiosk.personalDataRetentionDays ?? DEFAULT_RETENTION_DAYS;
}

function stripped(whole: DossierRow): DossierRow {
  // Its sealed personal fields go too: their day key is shredded once the whole day is purged.
  const row = { ...whole };
  delete row.sealed;
  const printed: DossierRow['printed'] = row.printed
    ? Object.fromEntries(
        Object.entries(row.printed).map(([kind, p]) => [kind, p ? { at: p.at, pdfRef: null } : p]),
      )
    : undefined;
  return {
    ...row,
    formData: {},
    applicantName: keptInitials(row.applicantName),
    ...(printed ? { printed } : {}),
    // Its receipt can no longer be printed: the data is gone, so it is no longer offered.
    receiptUnprinted: undefined,
    receiptUnprintedReported: undefined,
  };
}

const running = new WeakMap<KioskDb, Promise<PurgeResult>>();

/**
 * Removes the personal data of dossiers acknowledged more than `retentionDays` before
 * `now`. One run at a time per database: a call while one runs waits for it and then runs.
 */
export async function purgeAcknowledgedPersonalData(
  options: PurgeOptions,
  ctx: DataContext = {},
): Promise<PurgeResult> {
  const db = dbOf(ctx);
  const before = running.get(db);
  const mine = (before ? before.catch(() => undefined) : Promise.resolve()).then(() =>
    purgeOnce(db, options),
  );
  running.set(db, mine);
  try {
    return await mine;
  } finally {
    if (running.get(db) === mine) running.delete(db);
  }
}

async function purgeOnce(db: KioskDb, options: PurgeOptions): Promise<PurgeResult> {
  if (!Number.isInteger(options.retentionDays) || options.retentionDays < 1) {
    throw new RangeError(`retention days must be a whole number ≥ 1: ${options.retentionDays}`);
  }
  const cutoffMs = options.now.getTime() - options.retentionDays * DAY_MS;
  // Acknowledged ≥ received on a kiosk whose clock runs forward, so every dossier
  // acknowledged before the cutoff was received before it: the receivedAt index bounds the walk.
  const cutoffVn = toVietnamIso(new Date(cutoffMs));
  const kept = await getMeta<Watermark>(db, RETENTION_WATERMARK_KEY);
  const trusted =
    kept && typeof kept.before === 'string' && (await belowCount(db, kept.before)) === kept.count;
  const from = trusted ? kept.before : '';
  // Each walked dossier with its receipt time, read together from the index in one pass.
  const walked: { id: string; receivedAt: string }[] = [];
  await db.dossiers
    .where('receivedAt')
    .between(from === '' ? Dexie.minKey : from, cutoffVn, true, false)
    .eachKey((receivedAt, cursor) => {
      walked.push({ id: cursor.primaryKey as string, receivedAt: receivedAt as string });
    });
  const ids = walked.map((row) => row.id);

  // Documents left behind by an earlier run whose bridge call failed.
  const forget = forgetter(db, options.bridge);
  await forget(await getMeta<string[]>(db, RETENTION_PENDING_FORGET_KEY));

  const result: PurgeResult = { purged: 0, kept: 0, freedBytes: 0, ratingReasons: 0, shreddedKeys: 0 };
  // Lowest receivedAt of a dossier left unpurged: the watermark may not pass it.
  let firstKept: string | null = null;
  const batch = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  for (let i = 0; i < ids.length; i += batch) {
    const slice = ids.slice(i, i + batch);
    const step = await purgeBatch(db, slice, cutoffMs);
    // Only now, with the batch committed: removing a PDF of a dossier the database still
    // holds whole would break its reprint if the transaction had rolled back.
    await forget(step.forgetIds);
    result.purged += step.purged;
    result.kept += step.kept;
    result.freedBytes += step.freedBytes;
    if (step.firstKept !== null && (firstKept === null || step.firstKept < firstKept)) {
      firstKept = step.firstKept;
    }
  }
  const before = firstKept ?? cutoffVn;
  // What this run knows lies below `before`: what the trusted watermark covered, and what it
  // walked there, all purged now. A dossier stored below `before` while the run walked (a clock
  // set back) is in neither: the store then holds more than that, and this run must not say
  // "everything below is purged" (the next run would skip it, and its day's key would be
  // shredded under it). It leaves the watermark and the keys as they were; the next run's
  // count check sees the difference and walks again.
  const known = (trusted ? kept.count : 0) + walked.filter((row) => row.receivedAt < before).length;
  const purgedCount = await db.transaction('rw', db.dossiers, db.meta, async () => {
    const count = await belowCount(db, before);
    if (count !== known) return null;
    await putMeta(db, RETENTION_WATERMARK_KEY, { before, count });
    return count;
  });
  const ratings = await purgeUnattachedRatingReasons(db, cutoffMs);
  result.ratingReasons += ratings.cleared;
  // A rating given without a dossier keeps its reason sealed under its own day's key until
  // its own retention: no day is shredded from the first such reason still kept.
  const shredBefore =
    new Date(ratings.checkedBefore) < new Date(before)
      ? toVietnamIso(new Date(ratings.checkedBefore))
      : before;
  if (purgedCount !== null && purgedCount > 0) {
    result.shreddedKeys = await shredPurgedDays(db, shredBefore);
  }
  return result;
}

/**
 * Meta key: the day (YYYY-MM-DD) before which main has shredded the at-rest keys, so a run
 * asks main only when that day moves.
 */
export const RETENTION_SHREDDED_KEY = 'retention.keysShreddedBefore';

/**
 * Every dossier received before `before` is purged, so the days before `before`'s day hold
 * nothing that is still needed: their keys go (what else was sealed — a photo's file name,
 * a rating's reason, the office's refusal text — was sealed on the day of its dossier or
 * later; a rating without a dossier bounds `before` itself). (Drafts are sealed with the
 * key of the day they were saved, and none lives that long.) Never throws: a failure is logged and the
 * next run shreds the same days.
 */
async function shredPurgedDays(db: KioskDb, before: string): Promise<number> {
  const day = before.slice(0, 10);
  try {
    if (day <= ((await getMeta<string>(db, RETENTION_SHREDDED_KEY)) ?? '')) return 0;
    const shredded = await dayKeysOf(db).shredBefore(day);
    await putMeta(db, RETENTION_SHREDDED_KEY, day);
    return shredded;
  } catch (error) {
    console.warn('retention: shredding old at-rest keys failed, will retry next run', error);
    return 0;
  }
}

/**
 * Meta key: createdAt (ISO) below which every rating without a dossier has had its reason
 * removed, or had none, and how many ratings (with or without a dossier) were stored below
 * it then; the next run starts there. It stops below the oldest such rating the office has
 * not acknowledged long enough. The count is checked as the dossiers' watermark is: a rating
 * stored below the mark afterwards (a clock set back) makes the next run walk from the start.
 */
export const RETENTION_RATINGS_KEY = 'retention.ratingsCheckedBefore';

interface RatingsMark {
  before: string;
  /** Ratings stored with createdAt below `before` when it was written; null: not known. */
  count: number | null;
}

async function readRatingsMark(db: KioskDb): Promise<RatingsMark | null> {
  const value = await getMeta<RatingsMark | string>(db, RETENTION_RATINGS_KEY);
  if (value === undefined || value === null || value === '') return null;
  // A mark written before it carried a count: walked again once, then counted.
  return typeof value === 'string' ? { before: value, count: null } : value;
}

const ratingsBelow = (db: KioskDb, before: string) => db.ratings.where('createdAt').below(before).count();

/**
 * A rating given without a dossier (the citizen rated the service without leaving one)
 * has no dossier to be purged with: its free-text reason, which may name the person or
 * their situation, goes the same number of days after the office acknowledged the rating.
 * The score stays. Returns how many reasons were removed, and the mark the run wrote.
 */
async function purgeUnattachedRatingReasons(
  db: KioskDb,
  cutoffMs: number,
): Promise<{ cleared: number; checkedBefore: string }> {
  // Acknowledged after it was created on a clock that runs forward: createdAt bounds the walk.
  const cutoff = new Date(cutoffMs).toISOString();
  return db.transaction('rw', db.ratings, db.meta, async () => {
    const mark = await readRatingsMark(db);
    const trusted = mark !== null && mark.count === (await ratingsBelow(db, mark.before));
    const from = trusted ? mark.before : '';
    const rows = await db.ratings
      .where('createdAt')
      .between(from === '' ? Dexie.minKey : from, cutoff, true, false)
      .filter((r) => r.dossierId === null)
      .toArray();
    let firstKept: string | null = null;
    const clear: string[] = [];
    for (const r of rows) {
      if ((r.comment ?? '') === '' && r.sealedFields?.comment === undefined) continue;
      const ackMs = r.acknowledgedAt ? Date.parse(r.acknowledgedAt) : NaN;
      if (ackMs < cutoffMs) clear.push(r.id);
      else if (firstKept === null || r.createdAt < firstKept) firstKept = r.createdAt;
    }
    await db.ratings.bulkUpdate(clear.map((key) => ({ key, changes: { comment: '', sealedFields: {} } })));
    const before = firstKept ?? cutoff;
    await putMeta(db, RETENTION_RATINGS_KEY, { before, count: await ratingsBelow(db, before) });
    return { cleared: clear.length, checkedBefore: before };
  });
}

/**
 * Returns a function that asks main to forget the given dossiers' printed documents and
 * then drops them from the pending list. It never throws: a failed call (host down, old
 * host without the method) is logged and leaves the ids pending for the next run, and
 * the rest of this run stops calling — nothing here may hold up the purge itself.
 */
function forgetter(db: KioskDb, bridge: PurgeOptions['bridge']) {
  let failed = bridge === undefined;
  return async (ids: readonly string[] | undefined): Promise<void> => {
    if (failed || !ids || ids.length === 0) return;
    for (let i = 0; i < ids.length; i += FORGET_PRINTED_MAX_IDS) {
      const chunk = ids.slice(i, i + FORGET_PRINTED_MAX_IDS);
      try {
        await bridge!.invoke('forgetPrintedDocuments', { dossierIds: chunk });
        const done = new Set(chunk);
        await db.transaction('rw', db.meta, async () => {
          const pending = (await getMeta<string[]>(db, RETENTION_PENDING_FORGET_KEY)) ?? [];
          await putMeta(
            db,
            RETENTION_PENDING_FORGET_KEY,
            pending.filter((id) => !done.has(id)),
          );
        });
      } catch (error) {
        failed = true;
        console.warn('retention: removing printed documents failed, will retry next run', error);
        return;
      }
    }
  };
}

async function purgeBatch(
  db: KioskDb,
  ids: readonly string[],
  cutoffMs: number,
): Promise<
  Omit<PurgeResult, 'ratingReasons' | 'shreddedKeys'> & { firstKept: string | null; forgetIds: string[] }
> {
  const tables = [db.dossiers, db.attachments, db.outbox, db.ratings, db.meta];
  return db.transaction('rw', tables, async () => {
    const out = {
      purged: 0,
      kept: 0,
      freedBytes: 0,
      firstKept: null as string | null,
      forgetIds: [] as string[],
    };
    const purgedIds: string[] = [];
    const keep = (row: DossierRow) => {
      out.kept++;
      if (out.firstKept === null || row.receivedAt < out.firstKept) out.firstKept = row.receivedAt;
    };
    const rows = await db.dossiers.bulkGet([...ids]);
    let removedBytes = 0;
    for (const row of rows) {
      if (!row || isPersonalDataPurged(row)) continue;
      const ackMs = row.acknowledgedAt ? Date.parse(row.acknowledgedAt) : NaN;
      if (!(ackMs < cutoffMs)) {
        keep(row);
        continue;
      }
      const [waiting, attachments] = await Promise.all([
        db.outbox.where('dossierId').equals(row.id).count(),
        db.attachments.where('dossierId').equals(row.id).toArray(),
      ]);
      if (waiting > 0 || attachments.some((a: AttachmentRow) => a.uploadedAt === null)) {
        keep(row);
        continue;
      }
      await db.attachments.bulkDelete(attachments.map((a) => a.id));
      removedBytes += attachments.reduce((sum, a) => sum + a.size, 0);
      await db.dossiers.delete(row.id);
      await db.dossiers.add(stripped(row));
      out.purged++;
      purgedIds.push(row.id);
    }
    await clearRatingReasons(db, purgedIds);
    // Ids that could never name a print folder (printDocument accepts only these) have no
    // documents to remove; listing them would only make every call invalid.
    out.forgetIds = purgedIds.filter((id) => PrintDossierIdSchema.safeParse(id).success);
    if (out.forgetIds.length > 0) {
      const pending = (await getMeta<string[]>(db, RETENTION_PENDING_FORGET_KEY)) ?? [];
      await putMeta(db, RETENTION_PENDING_FORGET_KEY, [...pending, ...out.forgetIds]);
    }
    if (removedBytes > 0) {
      const stored = (await getMeta<number>(db, META.attachmentBytes)) ?? 0;
      await putMeta(db, META.attachmentBytes, Math.max(0, stored - removedBytes));
      out.freedBytes = removedBytes;
    }
    return out;
  });
}
