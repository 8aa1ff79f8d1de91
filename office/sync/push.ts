import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { sha256Hex } from '../auth/passwords.ts';
import { canonicalJson } from '../../shared/contracts/canonical-json.ts';
import {
  PAYLOAD_SCHEMAS,
  issuesToReasons,
  type PushItem,
  type PushResult,
  type DossierPayload,
  type RatingPayload,
  type AttachmentMetaPayload,
} from '../../shared/contracts/sync.ts';
import { REFORM_MODEL_IDS, type ReformModelId } from '../../shared/domain/reform-model.ts';

export function modelMask(models: readonly ReformModelId[]): number {
  return models.reduce((mask, m) => mask | (1 << REFORM_MODEL_IDS.indexOf(m)), 0);
}

type Checked =
  | { item: PushItem; kind: 'dossier'; payload: DossierPayload }
  | { item: PushItem; kind: 'rating'; payload: RatingPayload }
  | { item: PushItem; kind: 'attachment-meta'; payload: AttachmentMetaPayload };

/** Per-item checks that need no database: schema, id echo, and the hash of the raw payload. */
function check(item: PushItem): Checked | PushResult {
  const invalid = (reasons: string[]): PushResult => ({ outcome: 'invalid', id: item.id, hash: item.hash, reasons });
  let actualHash: string;
  try {
    actualHash = sha256Hex(canonicalJson(item.payload));
  } catch (e) {
    return invalid([`payload: ${(e as Error).message}`]);
  }
  if (actualHash !== item.hash) return invalid(['hash does not match sha256(canonicalJson(payload))']);
  const parsed = PAYLOAD_SCHEMAS[item.kind].safeParse(item.payload);
  if (!parsed.success) return invalid(issuesToReasons(parsed.error).map((r) => `payload.${r}`));
  if (parsed.data.id !== item.id) return invalid(['payload.id differs from the item id']);
  return { item, kind: item.kind, payload: parsed.data } as Checked;
}

/**
 * Stores a batch in one transaction and answers per item only after it committed.
 * Uniqueness is the primary key's: insert … on conflict do nothing, and when nothing
 * was inserted, compare the stored hash (duplicate → the original receipt time again;
 * different → conflict, never overwritten).
 */
export async function ingestBatch(
  db: Kysely<Database>,
  kioskId: string,
  items: readonly PushItem[],
  now: number,
): Promise<PushResult[]> {
  const checked = items.map(check);
  return db.transaction().execute(async (trx) => {
    const results: PushResult[] = [];
    for (const c of checked) {
      results.push('outcome' in c ? c : await store(trx, kioskId, c, now));
    }
    return results;
  });
}

async function store(trx: Transaction<Database>, kioskId: string, c: Checked, now: number): Promise<PushResult> {
  const { item } = c;
  const officeReceivedAt = new Date(now).toISOString();
  let inserted: bigint;
  let table: 'dossiers' | 'ratings' | 'attachment_meta';
  if (c.kind === 'dossier') {
    const d = c.payload;
    table = 'dossiers';
    const receivedMs = Date.parse(d.receivedAt);
    inserted = (
      await trx
        .insertInto('dossiers')
        .values({
          id: d.id,
          kiosk_id: kioskId,
          seq: item.seq,
          content_hash: item.hash,
          code: d.code,
          procedure_code: d.procedureCode,
          models: JSON.stringify(d.models),
          model_mask: modelMask(d.models),
          form_id: d.formId,
          form_data: JSON.stringify(d.formData),
          applicant_name: d.applicantName,
          volunteer_id: d.volunteerId,
          channel: d.channel,
          received_at: d.receivedAt,
          received_at_ms: receivedMs,
          due_at: d.dueAt,
          due_at_ms: Date.parse(d.dueAt),
          attachment_hashes: JSON.stringify(d.attachmentHashes),
          office_received_at_ms: now,
          status: 'received',
          status_reason: null,
          status_changed_at_ms: now,
          resolved_at_ms: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n;
    if (inserted > 0n) {
      await trx
        .insertInto('dossier_events')
        .values({ dossier_id: d.id, status: 'received', reason: null, account_id: null, at_ms: now })
        .execute();
    }
  } else if (c.kind === 'rating') {
    const r = c.payload;
    table = 'ratings';
    inserted = (
      await trx
        .insertInto('ratings')
        .values({
          id: r.id,
          kiosk_id: kioskId,
          seq: item.seq,
          content_hash: item.hash,
          dossier_id: r.dossierId,
          procedure_code: r.procedureCode,
          score: r.score,
          comment: r.comment,
          rated_at_ms: Date.parse(r.ratedAt),
          office_received_at_ms: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n;
  } else {
    const a = c.payload;
    table = 'attachment_meta';
    inserted = (
      await trx
        .insertInto('attachment_meta')
        .values({
          id: a.id,
          kiosk_id: kioskId,
          seq: item.seq,
          content_hash: item.hash,
          dossier_id: a.dossierId,
          hash: a.hash,
          size: a.size,
          media_type: a.mediaType,
          file_name: a.fileName,
          office_received_at_ms: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n;
  }
  if (inserted > 0n) return { outcome: 'stored', id: item.id, hash: item.hash, officeReceivedAt };
  const existing = await trx
    .selectFrom(table)
    .select(['content_hash', 'office_received_at_ms'])
    .where('id', '=', item.id)
    .executeTakeFirstOrThrow();
  if (existing.content_hash === item.hash) {
    return {
      outcome: 'duplicate',
      id: item.id,
      hash: item.hash,
      officeReceivedAt: new Date(Number(existing.office_received_at_ms)).toISOString(),
    };
  }
  return { outcome: 'conflict', id: item.id, hash: item.hash, storedHash: existing.content_hash };
}
