import type { Kysely, Transaction } from 'kysely';
import { bumpReportCells, timeliness, vnDayNumber, type ReportCell } from '../report/timeliness.ts';
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
  const invalid = (reasons: string[]): PushResult => ({
    outcome: 'invalid',
    id: item.id,
    hash: item.hash,
    reasons,
  });
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
 * Uniqueness is the primary key's: insert … on conflict do nothing (multi-row,
 * returning the ids actually inserted); for the others the stored hash decides:
 * the same → duplicate with the original receipt time; different → conflict, never
 * overwritten. A handful of statements per batch, not per item.
 */
export async function ingestBatch(
  db: Kysely<Database>,
  kioskId: string,
  items: readonly PushItem[],
  now: number,
): Promise<PushResult[]> {
  const checked = items.map(check);
  const valid = checked.filter((c): c is Checked => !('outcome' in c));
  const answers = new Map<string, PushResult>();
  await db.transaction().execute(async (trx) => {
    const dossiers = valid.filter((c): c is Extract<Checked, { kind: 'dossier' }> => c.kind === 'dossier');
    const ratings = valid.filter((c): c is Extract<Checked, { kind: 'rating' }> => c.kind === 'rating');
    const metas = valid.filter(
      (c): c is Extract<Checked, { kind: 'attachment-meta' }> => c.kind === 'attachment-meta',
    );
    if (dossiers.length) {
      const rows = dossiers.map(({ item, payload: d }) => ({
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
        received_at_ms: Date.parse(d.receivedAt),
        due_at: d.dueAt,
        due_at_ms: Date.parse(d.dueAt),
        attachment_hashes: JSON.stringify(d.attachmentHashes),
        office_received_at_ms: now,
        status: 'received',
        status_reason: null,
        status_changed_at_ms: now,
        resolved_at_ms: null,
      }));
      const inserted = new Set(
        (
          await trx
            .insertInto('dossiers')
            .values(rows)
            .onConflict((oc) => oc.column('id').doNothing())
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
      const fresh = rows.filter((r) => inserted.has(r.id));
      // Arrival is recorded on the row itself (status 'received', office_received_at_ms);
      // dossier_events holds the changes staff make after it.
      if (fresh.length) await bumpReportCells(trx, fresh.map(reportCell), 1);
      await answer(trx, 'dossiers', dossiers, inserted, now, answers);
    }
    if (ratings.length) {
      const rows = ratings.map(({ item, payload: r }) => ({
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
      }));
      const inserted = new Set(
        (
          await trx
            .insertInto('ratings')
            .values(rows)
            .onConflict((oc) => oc.column('id').doNothing())
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
      await answer(trx, 'ratings', ratings, inserted, now, answers);
    }
    if (metas.length) {
      const rows = metas.map(({ item, payload: a }) => ({
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
      }));
      const inserted = new Set(
        (
          await trx
            .insertInto('attachment_meta')
            .values(rows)
            .onConflict((oc) => oc.column('id').doNothing())
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
      await answer(trx, 'attachment_meta', metas, inserted, now, answers);
    }
  });
  return checked.map((c) => ('outcome' in c ? c : answers.get(c.item.id)!));
}

export function reportCell(d: {
  received_at_ms: number;
  procedure_code: string;
  model_mask: number;
  channel: string;
  volunteer_id: string | null;
  resolved_at_ms: number | null;
  due_at_ms: number;
}): ReportCell {
  return {
    day: vnDayNumber(d.received_at_ms),
    procedure_code: d.procedure_code,
    model_mask: d.model_mask,
    timeliness: timeliness(d.resolved_at_ms, d.due_at_ms),
    channel: d.channel,
    assisted: d.volunteer_id === null ? 0 : 1,
  };
}

async function answer(
  trx: Transaction<Database>,
  table: 'dossiers' | 'ratings' | 'attachment_meta',
  items: readonly Checked[],
  inserted: ReadonlySet<string>,
  now: number,
  out: Map<string, PushResult>,
): Promise<void> {
  const existingIds = items.filter((c) => !inserted.has(c.item.id)).map((c) => c.item.id);
  const existing = new Map(
    existingIds.length
      ? (
          await trx
            .selectFrom(table)
            .select(['id', 'content_hash', 'office_received_at_ms'])
            .where('id', 'in', existingIds)
            .execute()
        ).map((r) => [r.id, r])
      : [],
  );
  for (const { item } of items) {
    if (inserted.has(item.id)) {
      out.set(item.id, {
        outcome: 'stored',
        id: item.id,
        hash: item.hash,
        officeReceivedAt: new Date(now).toISOString(),
      });
      continue;
    }
    const row = existing.get(item.id)!;
    out.set(
      item.id,
      row.content_hash === item.hash
        ? {
            outcome: 'duplicate',
            id: item.id,
            hash: item.hash,
            officeReceivedAt: new Date(Number(row.office_received_at_ms)).toISOString(),
          }
        : { outcome: 'conflict', id: item.id, hash: item.hash, storedHash: row.content_hash },
    );
  }
}
