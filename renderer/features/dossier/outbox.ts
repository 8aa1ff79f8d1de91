/**
 * The outbox: one row per sync item (dossier, rating, attachment-meta), written in the
 * same transaction as the thing it carries. Rows stay `pending` until the office
 * acknowledges their id and hash (shared/contracts/sync.ts isAcknowledged), then leave
 * the outbox, or become `refused` for staff when the office refuses them; there is no
 * persisted "sending" state that a crash could leave stuck, and a resend on a slow link
 * is harmless because the office answers `duplicate`.
 */
import Dexie from 'dexie';
import { META, type KioskDb, type OutboxRow } from '../../db/db.ts';
import {
  isAcknowledged,
  type PushItem,
  type PushResult,
  type SyncItemKind,
} from '../../../shared/contracts/sync.ts';
import { getMeta, putMeta } from '../../db/meta.ts';
import { contentHash } from './crypto.ts';
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';
import { dbOf, nowOf, type DataContext } from '../../db/context.ts';
import { dayKeysOf } from './at-rest.ts';
import { openFields, openOutboxRow, sealFields } from './sealed-rows.ts';

/** Call inside a rw transaction over outbox and meta: issues the next per-install seq. */
export async function issueOutboxSeq(db: KioskDb, count = 1): Promise<number[]> {
  const last = (await getMeta<number>(db, META.outboxSeq)) ?? 0;
  const seqs = Array.from({ length: count }, (_, i) => last + 1 + i);
  await putMeta(db, META.outboxSeq, last + count);
  return seqs;
}

export function newOutboxRow(
  fields: {
    id: string;
    kind: SyncItemKind;
    seq: number;
    hash: string;
    payload: unknown;
    dossierId: string | null;
  },
  now: Date,
): OutboxRow {
  const at = now.toISOString();
  const { payload, ...rest } = fields;
  return {
    ...rest,
    payload: null,
    payloadJson: canonicalJson(payload),
    status: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: at,
    createdAt: at,
  };
}

const pendingRange = (db: KioskDb) =>
  db.outbox.where('[status+seq]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]);

/**
 * Pending items in seq order, oldest first, at most `limit` (the sync engine's batch).
 * Pass `dueBy` to leave out items whose backoff has not expired. Rows carried over from
 * schema v1 get their content hash here first. A dossier item's personal fields are
 * unsealed here (sealed-rows.ts), so the rows returned carry exactly the payload that was
 * hashed: everything after (toPushItems, the sync engine) works on plaintext in memory.
 */
export async function outboxPending(
  limit: number,
  options: { dueBy?: Date } = {},
  ctx: DataContext = {},
): Promise<OutboxRow[]> {
  const db = dbOf(ctx);
  let rows = await pendingRange(db).limit(limit).toArray();
  if (rows.some((r) => r.hash === null)) {
    await rehashLegacyRows(db, rows);
    rows = await pendingRange(db).limit(limit).toArray();
  }
  const due = options.dueBy?.toISOString();
  const keys = dayKeysOf(db);
  return Promise.all(
    (due === undefined ? rows : rows.filter((r) => r.nextAttemptAt <= due)).map(async (r) =>
      openFields(keys, await openOutboxRow(keys, r)),
    ),
  );
}

/** How many items wait for the office (for the status bar and PushRequest.waiting). */
export function outboxPendingCount(ctx: DataContext = {}): Promise<number> {
  return pendingRange(dbOf(ctx)).count();
}

/**
 * How many dossiers wait for the office: what staff and citizens mean by "waiting"
 * (a rating or a photo's metadata riding along is not a dossier).
 */
export function outboxPendingDossierCount(ctx: DataContext = {}): Promise<number> {
  return pendingRange(dbOf(ctx))
    .filter((r) => r.kind === 'dossier')
    .count();
}

/** An outbox row's payload as an object, whichever way the row keeps it; null once sent. */
export function outboxPayload(row: OutboxRow): unknown {
  if (row.payloadJson != null) return JSON.parse(row.payloadJson) as unknown;
  return row.payload ?? null;
}

/** The payload's size in the push body, without building the object. */
export function outboxPayloadBytes(row: OutboxRow): number {
  const json = row.payloadJson ?? JSON.stringify(row.payload ?? null);
  return new TextEncoder().encode(json).length;
}

/** The rows as the sync protocol's PushItems. */
export function toPushItems(rows: readonly OutboxRow[]): PushItem[] {
  return rows.flatMap((r) => {
    const payload = outboxPayload(r);
    return r.hash !== null && payload !== null
      ? [{ kind: r.kind, id: r.id, seq: r.seq, hash: r.hash, payload } as PushItem]
      : [];
  });
}

/**
 * Records the office's answer to a push: acknowledged items leave the outbox (a dossier
 * or rating keeps its content and gets acknowledgedAt), invalid/conflict become `refused`
 * with the reasons, anything unanswered stays pending with its backoff. Acknowledged
 * rows are deleted rather than kept as "sent": the outbox then holds only what still
 * needs the office or staff, so the sync batch reads from a small table however many
 * dossiers the kiosk has stored (BENCHMARKS.md, dossier section).
 */
export async function recordPushResults(
  items: readonly Pick<PushItem, 'id' | 'hash'>[],
  results: readonly PushResult[],
  retryAt: Date,
  ctx: DataContext = {},
): Promise<{ sent: number; refused: number; retry: number }> {
  const db = dbOf(ctx);
  const at = nowOf(ctx).toISOString();
  const byId = new Map(results.map((r) => [r.id, r]));
  const counts = { sent: 0, refused: 0, retry: 0 };
  // The office's reasons can quote the declaration ("applicantName 'Nguyễn Văn An' …"):
  // sealed at rest like it, before the transaction (at-rest.ts).
  const keys = dayKeysOf(db);
  const now = nowOf(ctx);
  const sealedReasons = new Map(
    await Promise.all(
      results.flatMap((r) =>
        r.outcome === 'invalid'
          ? [sealFields(keys, now, r.id, { lastError: r.reasons.join('; ') }).then((f) => [r.id, f] as const)]
          : [],
      ),
    ),
  );
  await db.transaction('rw', db.outbox, db.dossiers, db.ratings, async () => {
    const rows = await db.outbox.bulkGet(items.map((i) => i.id));
    const acknowledged: string[] = [];
    const acknowledgedDossiers: string[] = [];
    const acknowledgedRatings: string[] = [];
    const updates: { key: string; changes: Partial<OutboxRow> }[] = [];
    items.forEach((item, i) => {
      const row = rows[i];
      if (!row || row.status !== 'pending') return;
      const result = byId.get(item.id);
      if (isAcknowledged(item, result)) {
        counts.sent++;
        acknowledged.push(row.id);
        if (row.kind === 'dossier') acknowledgedDossiers.push(row.id);
        if (row.kind === 'rating') acknowledgedRatings.push(row.id);
      } else if (result && (result.outcome === 'invalid' || result.outcome === 'conflict')) {
        counts.refused++;
        const sealedFields = sealedReasons.get(row.id) ?? {};
        const reason = sealedFields.lastError
          ? null
          : result.outcome === 'invalid'
            ? result.reasons.join('; ')
            : `conflict with stored ${result.storedHash}`;
        updates.push({
          key: row.id,
          changes: { status: 'refused', attempts: row.attempts + 1, lastError: reason, sealedFields },
        });
      } else {
        counts.retry++;
        updates.push({
          key: row.id,
          changes: {
            attempts: row.attempts + 1,
            lastError: result ? `unexpected answer ${result.outcome}` : 'no answer for this item',
            sealedFields: {},
            nextAttemptAt: retryAt.toISOString(),
          },
        });
      }
    });
    await Promise.all([
      db.outbox.bulkDelete(acknowledged),
      db.outbox.bulkUpdate(updates),
      db.dossiers.bulkUpdate(acknowledgedDossiers.map((key) => ({ key, changes: { acknowledgedAt: at } }))),
      db.ratings.bulkUpdate(acknowledgedRatings.map((key) => ({ key, changes: { acknowledgedAt: at } }))),
    ]);
  });
  return counts;
}

/** A push that failed as a whole (network, timeout, 5xx): every item keeps waiting, with the reason. */
export async function recordPushFailure(
  ids: readonly string[],
  error: string,
  retryAt: Date,
  ctx: DataContext = {},
): Promise<void> {
  const db = dbOf(ctx);
  await db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.bulkGet([...ids]);
    await db.outbox.bulkUpdate(
      rows.flatMap((row) =>
        row && row.status === 'pending'
          ? [
              {
                key: row.id,
                changes: {
                  attempts: row.attempts + 1,
                  lastError: error,
                  sealedFields: {},
                  nextAttemptAt: retryAt.toISOString(),
                },
              },
            ]
          : [],
      ),
    );
  });
}

/** Items the office refused, for staff to see (newest first), with the office's reasons unsealed. */
export async function outboxRefused(limit = 100, ctx: DataContext = {}): Promise<OutboxRow[]> {
  const db = dbOf(ctx);
  const rows = await refusedRange(db).reverse().limit(limit).toArray();
  const keys = dayKeysOf(db);
  return Promise.all(rows.map((r) => openFields(keys, r)));
}

const refusedRange = (db: KioskDb) =>
  db.outbox.where('[status+seq]').between(['refused', Dexie.minKey], ['refused', Dexie.maxKey]);

/** How many items the office refused (for the staff status), counted on the index. */
export function outboxRefusedCount(ctx: DataContext = {}): Promise<number> {
  return refusedRange(dbOf(ctx)).count();
}

/**
 * Staff send refused items again (after the office fixed what it objected to, e.g. its
 * catalogue): they become pending, due now, with their attempts reset; the last reason
 * stays until the office answers. Returns how many were still refused.
 */
export async function retryRefused(ids: readonly string[], ctx: DataContext = {}): Promise<number> {
  const db = dbOf(ctx);
  const at = nowOf(ctx).toISOString();
  return db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.bulkGet([...ids]);
    const refused = rows.filter((r): r is OutboxRow => r?.status === 'refused');
    await db.outbox.bulkUpdate(
      refused.map((r) => ({
        key: r.id,
        changes: { status: 'pending' as const, attempts: 0, nextAttemptAt: at },
      })),
    );
    return refused.length;
  });
}

async function rehashLegacyRows(db: KioskDb, rows: readonly OutboxRow[]): Promise<void> {
  const hashes = new Map<string, string>();
  for (const r of rows) if (r.hash === null && r.payload !== null) hashes.set(r.id, contentHash(r.payload));
  await db.transaction('rw', db.outbox, async () => {
    for (const [id, hash] of hashes) await db.outbox.update(id, { hash });
  });
}
