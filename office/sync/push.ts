import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
import { bumpReportCells, timeliness, type ReportCell } from '../report/timeliness.ts';
import { vietnamDayNumber } from '../../shared/domain/vietnam-time.ts';
import type { Database } from '../db/schema.ts';
import { hash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../shared/contracts/canonical-json.ts';
import {
  PAYLOAD_SCHEMAS,
  SYNC_LIMITS,
  issuesToReasons,
  type PushItem,
  type PushResult,
  type DossierPayload,
  type RatingPayload,
  type AttachmentMetaPayload,
  type ReceiptPrintPayload,
} from '../../shared/contracts/sync.ts';
import { REFORM_MODEL_IDS, type ReformModelId } from '../../shared/domain/reform-model.ts';

export function modelMask(models: readonly ReformModelId[]): number {
  return models.reduce((mask, m) => mask | (1 << REFORM_MODEL_IDS.indexOf(m)), 0);
}

type Checked =
  | { item: PushItem; kind: 'dossier'; payload: DossierPayload }
  | { item: PushItem; kind: 'rating'; payload: RatingPayload }
  | { item: PushItem; kind: 'attachment-meta'; payload: AttachmentMetaPayload }
  | { item: PushItem; kind: 'receipt-print'; payload: ReceiptPrintPayload };

/**
 * Text the office cannot store exactly: U+0000 (PostgreSQL refuses it in text; SQLite
 * would keep it, so both databases refuse it alike) and unpaired surrogates (UTF-8 has
 * no form for them: the driver would store U+FFFD, not what was hashed). Searched in
 * the canonical JSON already built for the hash, where JSON.stringify writes both as a
 * `\u` escape; an even run of backslashes before it is escaped backslashes, not an escape.
 */
const UNSTORABLE_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/;
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const UNSTORABLE_CHAR = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where in the payload the unstorable text is, for the reason staff read. */
function unstorablePaths(value: unknown, path: string, out: string[]): string[] {
  if (typeof value === 'string') {
    if (UNSTORABLE_CHAR.test(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorablePaths(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (UNSTORABLE_CHAR.test(k)) out.push(`${path} (a key)`);
      unstorablePaths(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/**
 * The form answers exactly as sent. zod's record builds its result with plain
 * assignment, so a field named `__proto__` would set the prototype instead and vanish
 * from what is stored while the hash covers it. The raw object (own properties only,
 * as JSON.parse makes them) is checked entry by entry with the same schema and kept.
 */
const FormFieldKeySchema = z.string().max(100);
const FormFieldValueSchema = z.string().max(SYNC_LIMITS.maxFieldValueChars);
function exactFormData(raw: unknown): Record<string, string> | string[] {
  const reasons: string[] = [];
  const entries = Object.entries(raw as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (!FormFieldKeySchema.safeParse(key).success) reasons.push(`payload.formData: key too long`);
    if (!FormFieldValueSchema.safeParse(value).success)
      reasons.push(
        `payload.formData.${key}: expected text of at most ${SYNC_LIMITS.maxFieldValueChars} characters`,
      );
  }
  if (reasons.length) return reasons;
  // Object.fromEntries defines own properties (CreateDataProperty): `__proto__` stays a field.
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Per-item checks that need no database: schema, id echo, the hash of the raw payload, storable text. */
function check(item: PushItem): Checked | PushResult {
  const invalid = (reasons: string[]): PushResult => ({
    outcome: 'invalid',
    id: item.id,
    hash: item.hash,
    reasons,
  });
  let actualHash: string;
  let text: string;
  try {
    text = canonicalJson(item.payload);
    // One-shot crypto.hash: no Hash object per item (measurably cheaper than createHash at 10,000 items).
    actualHash = hash('sha256', text, 'hex');
  } catch (e) {
    return invalid([`payload: ${(e as Error).message}`]);
  }
  if (actualHash !== item.hash) return invalid(['hash does not match sha256(canonicalJson(payload))']);
  if (UNSTORABLE_ESCAPE.test(text)) {
    const paths = unstorablePaths(item.payload, 'payload', []);
    return invalid(
      (paths.length ? paths : ['payload']).map(
        (p) => `${p}: contains U+0000 or an unpaired surrogate, which the office cannot store exactly`,
      ),
    );
  }
  const parsed = PAYLOAD_SCHEMAS[item.kind].safeParse(item.payload);
  if (!parsed.success) return invalid(issuesToReasons(parsed.error).map((r) => `payload.${r}`));
  if (parsed.data.id !== item.id) return invalid(['payload.id differs from the item id']);
  if (item.kind === 'dossier') {
    const formData = exactFormData((item.payload as { formData: unknown }).formData);
    if (Array.isArray(formData)) return invalid(formData);
    return { item, kind: 'dossier', payload: { ...(parsed.data as DossierPayload), formData } };
  }
  return { item, kind: item.kind, payload: parsed.data } as Checked;
}

/**
 * The kiosk's contact as a push reports it. Given to ingestBatch, it is written in the
 * batch's own transaction: one durable commit (one fsync) per push instead of two.
 */
export interface KioskContact {
  appVersion: string;
  /** Outbox size on the kiosk before this batch. */
  waiting: number;
}

/**
 * Stores a batch in one transaction and answers per item only after it committed.
 * Uniqueness is the primary key's: insert … on conflict do nothing (multi-row,
 * returning the ids actually inserted); for the others the stored hash decides:
 * the same → duplicate with the original receipt time; different → conflict, never
 * overwritten. A handful of statements per batch, not per item.
 *
 * Should the database still refuse the batch for something in an item's data (a value
 * the checks above let through), the items are stored one by one and the item the
 * database refuses is answered `invalid`: one bad item never fails its batch-mates,
 * on any retry. Errors that are not about the data (the database is down) still fail
 * the push, and the kiosk retries it later.
 *
 * `waiting` is recorded as the kiosk's outbox after this batch: every item of the batch
 * gets an answer that takes it out of the outbox (acknowledged, or refused for staff).
 */
export async function ingestBatch(
  db: Kysely<Database>,
  kioskId: string,
  items: readonly PushItem[],
  now: number,
  contact?: KioskContact,
): Promise<PushResult[]> {
  const checked = items.map(check);
  const valid = checked.filter((c): c is Checked => !('outcome' in c));
  const answers = new Map<string, PushResult>();
  const recordContact = async (trx: Transaction<Database>) => {
    if (!contact) return;
    await trx
      .updateTable('kiosks')
      .set({
        last_contact_at: now,
        app_version: contact.appVersion,
        waiting_count: Math.max(0, contact.waiting - items.length),
      })
      .where('id', '=', kioskId)
      .execute();
  };
  try {
    await db.transaction().execute(async (trx) => {
      await storeChecked(db, trx, kioskId, valid, now, answers);
      await recordContact(trx);
    });
  } catch (error) {
    if (!isDataError(error)) throw error;
    answers.clear();
    for (const one of valid) {
      try {
        await db.transaction().execute((trx) => storeChecked(db, trx, kioskId, [one], now, answers));
      } catch (e) {
        if (!isDataError(e)) throw e;
        answers.set(one.item.id, {
          outcome: 'invalid',
          id: one.item.id,
          hash: one.item.hash,
          reasons: [`the office database refused the item: ${(e as Error).message}`.slice(0, 500)],
        });
      }
    }
    await db.transaction().execute(recordContact);
  }
  return checked.map((c) => ('outcome' in c ? c : answers.get(c.item.id)!));
}

/**
 * An error about the values of a statement, not about the database being reachable:
 * PostgreSQL's SQLSTATE classes 22 (data exception: bad encoding, NUL, out of range)
 * and 23 (integrity constraint), SQLite's constraint, too-big and type-mismatch codes.
 */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    /^2[23][0-9A-Z]{3}$/.test(code) ||
    code.startsWith('SQLITE_CONSTRAINT') ||
    code === 'SQLITE_TOOBIG' ||
    code === 'SQLITE_MISMATCH'
  );
}

async function storeChecked(
  db: Kysely<Database>,
  trx: Transaction<Database>,
  kioskId: string,
  valid: readonly Checked[],
  now: number,
  answers: Map<string, PushResult>,
): Promise<void> {
  const dossiers = await withoutReusedCodes(
    trx,
    valid.filter((c): c is Extract<Checked, { kind: 'dossier' }> => c.kind === 'dossier'),
    answers,
  );
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
      lookup_key: d.lookupKey ?? null,
    }));
    const inserted = await insertNew(db, trx, 'dossiers', rows, () =>
      trx
        .insertInto('dossiers')
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id'),
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
    const inserted = await insertNew(db, trx, 'ratings', rows, () =>
      trx
        .insertInto('ratings')
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id'),
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
    const inserted = await insertNew(db, trx, 'attachment_meta', rows, () =>
      trx
        .insertInto('attachment_meta')
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id'),
    );
    await answer(trx, 'attachment_meta', metas, inserted, now, answers);
  }
  const receipts = valid.filter(
    (c): c is Extract<Checked, { kind: 'receipt-print' }> => c.kind === 'receipt-print',
  );
  if (receipts.length) {
    const rows = receipts.map(({ item, payload: p }) => ({
      id: p.id,
      kiosk_id: kioskId,
      seq: item.seq,
      content_hash: item.hash,
      dossier_id: p.dossierId,
      printed: p.printed ? 1 : 0,
      at_ms: Date.parse(p.at),
      office_received_at_ms: now,
    }));
    const inserted = await insertNew(db, trx, 'receipt_prints', rows, () =>
      trx
        .insertInto('receipt_prints')
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id'),
    );
    await answer(trx, 'receipt_prints', receipts, inserted, now, answers);
  }
}

/**
 * A dossier code names one dossier for ever: the receipt, the status look-up and the
 * officer's records all go by it. A code the office already holds for another dossier
 * (a kiosk that lost its count) is answered `invalid` with the reason, never stored as
 * a second dossier under the same code; so is the second of two such items in a batch.
 * One indexed look-up per batch.
 */
async function withoutReusedCodes(
  trx: Transaction<Database>,
  dossiers: Extract<Checked, { kind: 'dossier' }>[],
  answers: Map<string, PushResult>,
): Promise<Extract<Checked, { kind: 'dossier' }>[]> {
  if (!dossiers.length) return dossiers;
  const holders = new Map(
    (
      await trx
        .selectFrom('dossiers')
        .select(['id', 'code'])
        .where('code', 'in', [...new Set(dossiers.map((d) => d.payload.code))])
        .execute()
    ).map((r) => [r.code, r.id]),
  );
  return dossiers.filter(({ item, payload }) => {
    const holder = holders.get(payload.code);
    if (holder === undefined) holders.set(payload.code, item.id);
    else if (holder !== item.id) {
      answers.set(item.id, {
        outcome: 'invalid',
        id: item.id,
        hash: item.hash,
        reasons: [`payload.code: ${payload.code} is already the code of another dossier at this office`],
      });
      return false;
    }
    return true;
  });
}

/**
 * Compiled insert statements, per database and shape (table, row count, columns).
 * Kysely builds and compiles a 200-row × 23-column insert as a tree of thousands of
 * nodes for every batch, which cost about as much CPU as SQLite's own insert (profile
 * in bench/office.bench.ts's notes). The SQL text depends only on the dialect and the
 * shape, so it is compiled once and reused with the rows' values in column order (and
 * the SQLite statement cache then finds the same string again). The first compile of a
 * shape checks that those values are exactly Kysely's parameters; if they ever are not
 * (a Kysely that inlines some value), that shape always goes through Kysely.
 */
const compiledInserts = new WeakMap<object, Map<string, string | null>>();
const MAX_SHAPES_PER_DB = 32;

async function insertNew(
  db: Kysely<Database>,
  trx: Transaction<Database>,
  table: 'dossiers' | 'ratings' | 'attachment_meta' | 'receipt_prints',
  rows: readonly Record<string, unknown>[],
  build: () => Compilable<{ id: string }>,
): Promise<Set<string>> {
  const columns = Object.keys(rows[0]!);
  const parameters: unknown[] = [];
  for (const row of rows) {
    // Rows are built by one object literal per table; a row of another shape is not cached.
    if (Object.keys(row).length !== columns.length) return run(build().compile());
    for (const c of columns) parameters.push(row[c]);
  }
  const shape = `${table}|${rows.length}|${columns.join(',')}`;
  let shapes = compiledInserts.get(db);
  if (!shapes) compiledInserts.set(db, (shapes = new Map()));
  const cached = shapes.get(shape);
  if (cached) return run(CompiledQuery.raw(cached, parameters) as CompiledQuery<{ id: string }>);
  const compiled = build().compile();
  if (cached === undefined && shapes.size < MAX_SHAPES_PER_DB) {
    const same =
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((p, i) => Object.is(p, parameters[i]));
    shapes.set(shape, same ? compiled.sql : null);
  }
  return run(compiled);

  async function run(query: CompiledQuery<{ id: string }>): Promise<Set<string>> {
    return new Set((await trx.executeQuery(query)).rows.map((r) => r.id));
  }
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
    day: vietnamDayNumber(d.received_at_ms),
    procedure_code: d.procedure_code,
    model_mask: d.model_mask,
    timeliness: timeliness(d.resolved_at_ms, d.due_at_ms),
    channel: d.channel,
    assisted: d.volunteer_id === null ? 0 : 1,
  };
}

async function answer(
  trx: Transaction<Database>,
  table: 'dossiers' | 'ratings' | 'attachment_meta' | 'receipt_prints',
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
  const receivedAt = new Date(now).toISOString();
  for (const { item } of items) {
    if (inserted.has(item.id)) {
      out.set(item.id, { outcome: 'stored', id: item.id, hash: item.hash, officeReceivedAt: receivedAt });
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
