import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { SYNC_LIMITS, SYNC_PROTOCOL, type AttachmentState } from '../../shared/contracts/sync.ts';

export async function attachmentState(db: Kysely<Database>, hash: string): Promise<AttachmentState> {
  const row = await db.selectFrom('attachments').selectAll().where('hash', '=', hash).executeTakeFirst();
  return {
    protocol: SYNC_PROTOCOL,
    kind: 'attachment-state',
    hash,
    received: row ? Number(row.received) : 0,
    total: row ? Number(row.total) : null,
    complete: row ? row.complete === 1 : false,
  };
}

export type ChunkOutcome =
  | { ok: true; state: AttachmentState }
  | {
      ok: false;
      status: 400 | 403 | 409 | 413 | 422;
      error: 'bad-request' | 'unauthorised' | 'offset-mismatch' | 'too-large' | 'hash-mismatch';
      reasons: string[];
      state: AttachmentState;
    };

/**
 * Appends one chunk at `offset`. Resumable: a chunk at an offset already received is
 * acknowledged (the kiosk's retry after a lost answer); a gap answers 409 with the
 * offset to resume from. The last chunk verifies the whole file's sha256.
 *
 * Bytes are taken only for a hash this kiosk announced (an `attachment-meta` item it
 * pushed, with that size): an enrolled kiosk cannot park blobs that no dossier refers to.
 * Without `kioskId` (older callers, tests of the storage alone) the check is skipped.
 */
export async function putChunk(
  db: Kysely<Database>,
  hash: string,
  offset: number,
  total: number,
  data: Uint8Array,
  now: number,
  kioskId?: string,
): Promise<ChunkOutcome> {
  return db.transaction().execute(async (trx): Promise<ChunkOutcome> => {
    const row = await trx.selectFrom('attachments').selectAll().where('hash', '=', hash).executeTakeFirst();
    const state = async () => attachmentState(trx, hash);
    if (kioskId !== undefined) {
      const announced = await trx
        .selectFrom('attachment_meta')
        .select('size')
        .where('hash', '=', hash)
        .where('kiosk_id', '=', kioskId)
        .execute();
      if (!announced.some((a) => Number(a.size) === total)) {
        return {
          ok: false,
          status: 403,
          error: 'unauthorised',
          reasons: [
            announced.length
              ? `total differs from the size announced for this attachment`
              : 'no attachment with this hash was announced by this kiosk (push its attachment-meta first)',
          ],
          state: await state(),
        };
      }
    }
    if (total <= 0 || total > SYNC_LIMITS.maxAttachmentBytes) {
      return {
        ok: false,
        status: 413,
        error: 'too-large',
        reasons: [`total must be 1..${SYNC_LIMITS.maxAttachmentBytes}`],
        state: await state(),
      };
    }
    if (row && Number(row.total) !== total) {
      return {
        ok: false,
        status: 400,
        error: 'bad-request',
        reasons: ['total differs from the first chunk'],
        state: await state(),
      };
    }
    if (row?.complete) return { ok: true, state: await state() };
    const received = row ? Number(row.received) : 0;
    if (offset + data.length > total) {
      return {
        ok: false,
        status: 400,
        error: 'bad-request',
        reasons: ['chunk goes past total'],
        state: await state(),
      };
    }
    if (offset < received && offset + data.length <= received) return { ok: true, state: await state() };
    if (offset !== received) {
      return {
        ok: false,
        status: 409,
        error: 'offset-mismatch',
        reasons: [`expected offset ${received}`],
        state: await state(),
      };
    }
    if (!row) {
      await trx
        .insertInto('attachments')
        .values({ hash, total, received: 0, complete: 0, created_at: now, completed_at: null })
        .execute();
    }
    await trx.insertInto('attachment_chunks').values({ hash, offset, data }).execute();
    const newReceived = received + data.length;
    await trx.updateTable('attachments').set({ received: newReceived }).where('hash', '=', hash).execute();
    if (newReceived === total) {
      const chunks = await trx
        .selectFrom('attachment_chunks')
        .select('data')
        .where('hash', '=', hash)
        .orderBy('offset')
        .execute();
      const digest = createHash('sha256');
      for (const c of chunks) digest.update(c.data);
      if (digest.digest('hex') !== hash) {
        await trx.deleteFrom('attachment_chunks').where('hash', '=', hash).execute();
        await trx.deleteFrom('attachments').where('hash', '=', hash).execute();
        return {
          ok: false,
          status: 422,
          error: 'hash-mismatch',
          reasons: ['bytes do not match the hash; start again'],
          state: await state(),
        };
      }
      await trx
        .updateTable('attachments')
        .set({ complete: 1, completed_at: now })
        .where('hash', '=', hash)
        .execute();
    }
    return { ok: true, state: await state() };
  });
}

export async function readAttachment(db: Kysely<Database>, hash: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom('attachments')
    .select('complete')
    .where('hash', '=', hash)
    .executeTakeFirst();
  if (!row?.complete) return null;
  const chunks = await db
    .selectFrom('attachment_chunks')
    .select('data')
    .where('hash', '=', hash)
    .orderBy('offset')
    .execute();
  return Buffer.concat(chunks.map((c) => Buffer.from(c.data)));
}

/** Blobs no announcement refers to are kept this long (an upload racing its meta item), then removed. */
export const UNREFERENCED_ATTACHMENT_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes attachment bytes that no `attachment-meta` refers to, older than the grace
 * period: blobs stored before announcements were required, or whose announcement was
 * never stored. Chunks go with their attachment (on delete cascade). Returns how many.
 */
export async function collectUnreferencedAttachments(
  db: Kysely<Database>,
  now: number,
  graceMs = UNREFERENCED_ATTACHMENT_GRACE_MS,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const orphans = await trx
      .selectFrom('attachments')
      .select('hash')
      .where('created_at', '<', now - graceMs)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('attachment_meta')
              .select('attachment_meta.id')
              .whereRef('attachment_meta.hash', '=', 'attachments.hash'),
          ),
        ),
      )
      .execute();
    if (!orphans.length) return 0;
    const hashes = orphans.map((o) => o.hash);
    // Explicit, not only by cascade: a SQLite connection without foreign_keys would keep them.
    await trx.deleteFrom('attachment_chunks').where('hash', 'in', hashes).execute();
    await trx.deleteFrom('attachments').where('hash', 'in', hashes).execute();
    return hashes.length;
  });
}

/** Runs the collection at start and every few hours; errors are logged as one line. */
export function startAttachmentCollector(
  db: Kysely<Database>,
  now: () => number,
  log: (line: string) => void,
  everyMs = 6 * 60 * 60 * 1000,
): { stop(): void } {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= collectUnreferencedAttachments(db, now())
      .then((n) => {
        if (n) log(`office: removed ${n} attachment(s) no dossier refers to`);
      })
      .catch((e: unknown) => log(`office: attachment collection failed: ${(e as Error).message}`))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Headers for an attachment served to staff. A citizen's upload is untrusted content:
 * served as a download (Content-Disposition: attachment) and, should a browser render
 * it anyway, inside a CSP sandbox with nothing allowed, so an uploaded HTML or SVG
 * cannot run script on the dashboard's origin. `<img>` ignores both, so pictures still
 * show in the dossier page.
 */
export function attachmentResponseHeaders(meta: {
  media_type: string;
  file_name: string;
  size: number;
}): Record<string, string | number> {
  const ascii = meta.file_name.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'attachment';
  return {
    'Content-Type': meta.media_type,
    'Content-Length': meta.size,
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.file_name)}`,
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, no-store',
  };
}
