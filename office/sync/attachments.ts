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
      status: 400 | 409 | 413 | 422;
      error: 'bad-request' | 'offset-mismatch' | 'too-large' | 'hash-mismatch';
      reasons: string[];
      state: AttachmentState;
    };

/**
 * Appends one chunk at `offset`. Resumable: a chunk at an offset already received is
 * acknowledged (the kiosk's retry after a lost answer); a gap answers 409 with the
 * offset to resume from. The last chunk verifies the whole file's sha256.
 */
export async function putChunk(
  db: Kysely<Database>,
  hash: string,
  offset: number,
  total: number,
  data: Uint8Array,
  now: number,
): Promise<ChunkOutcome> {
  return db.transaction().execute(async (trx): Promise<ChunkOutcome> => {
    const row = await trx.selectFrom('attachments').selectAll().where('hash', '=', hash).executeTakeFirst();
    const state = async () => attachmentState(trx, hash);
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
