/**
 * What of each row is sealed at rest (at-rest.ts), and putting it back after a read:
 * - a dossier: formData and the full applicantName (the clear row keeps the initials,
 *   which is all the list screens show and all retention keeps);
 * - its outbox item: the same sealed value; the clear payloadJson carries the personal
 *   fields emptied, and opening rebuilds exactly the canonical JSON that was hashed;
 * - a draft: formData;
 * - a photo (draft or attachment): its bytes, and its file name (sealFields);
 * - a rating: its comment (sealFields), and its outbox item's payload the same way as a
 *   dossier's (an attachment-meta item: the file name);
 * - an outbox item the office refused: the refusal text, which may quote the declaration.
 * A row whose day key was shredded opens as retention leaves it: no answers, initials only.
 */
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';
import { keptInitials } from '../../../shared/domain/name-initials.ts';
import type { DossierRow, DraftRow, OutboxRow, Sealed, SealedFields } from '../../db/db.ts';
import { openBytes, openJson, sealBytes, sealJson, type DayKeys } from './at-rest.ts';

export interface DossierPersonal {
  formData: Record<string, string>;
  applicantName: string;
}

export const personalOf = (d: DossierPersonal): DossierPersonal => ({
  formData: d.formData,
  applicantName: d.applicantName,
});

/** The value as stored beside its sealed personal fields. */
export function withoutPersonal<T extends DossierPersonal>(value: T): T {
  return { ...value, formData: {}, applicantName: keptInitials(value.applicantName) };
}

export function sealPersonal(keys: DayKeys, now: Date, id: string, d: DossierPersonal): Promise<Sealed> {
  return sealJson(keys, now, id, personalOf(d));
}

/**
 * The dossier as it was submitted, with the office's last reason for its status, or as
 * retention leaves it when its day key is gone (initials, no answers, no reason).
 */
export async function openDossier(keys: DayKeys, row: DossierRow): Promise<DossierRow> {
  if (!row.sealed && !row.sealedFields) return row;
  const { sealed, sealedFields, ...rest } = row;
  let opened: DossierRow = rest;
  if (sealed) {
    const personal = await openJson<DossierPersonal>(keys, sealed, row.id);
    if (personal) opened = { ...opened, ...personalOf(personal) };
  }
  if (sealedFields?.statusReason && opened.officeStatus) {
    const reason = await openJson<string>(keys, sealedFields.statusReason, fieldAad(row.id, 'statusReason'));
    opened = { ...opened, officeStatus: { ...opened.officeStatus, reason } };
  }
  return opened;
}

/**
 * The office's status for a dossier as stored: its reason (which may name what the citizen
 * lacks or why the dossier was refused) sealed under the dossier's own day key.
 */
export async function sealOfficeStatus(
  keys: DayKeys,
  row: Pick<DossierRow, 'id' | 'receivedAt' | 'sealedFields'>,
  status: NonNullable<DossierRow['officeStatus']>,
): Promise<Pick<DossierRow, 'officeStatus' | 'sealedFields'>> {
  const others = { ...row.sealedFields };
  delete others.statusReason;
  const sealed = await sealFields(keys, new Date(row.receivedAt), row.id, { statusReason: status.reason });
  return { officeStatus: { ...status, reason: null }, sealedFields: { ...others, ...sealed } };
}

export function openDossiers(keys: DayKeys, rows: readonly DossierRow[]): Promise<DossierRow[]> {
  return Promise.all(rows.map((row) => openDossier(keys, row)));
}

/**
 * The outbox row with the payload that was hashed: the sealed value holds the payload's
 * personal fields, put back over their emptied copies. One whose key is gone comes back
 * with no payload (toPushItems leaves it out) rather than a payload that is not what was hashed.
 */
export async function openOutboxRow(keys: DayKeys, row: OutboxRow): Promise<OutboxRow> {
  if (!row.sealed || row.payloadJson == null) return row;
  const { sealed, ...rest } = row;
  const personal = await openJson<Record<string, unknown>>(keys, sealed, row.id);
  if (!personal) return { ...rest, payloadJson: null };
  const payload = JSON.parse(row.payloadJson) as Record<string, unknown>;
  return { ...rest, payloadJson: canonicalJson({ ...payload, ...personal }) };
}

/** The payload fields of each item kind that can name a citizen (kept sealed beside the outbox row). */
export const PERSONAL_PAYLOAD_FIELDS = {
  dossier: ['formData', 'applicantName'],
  'attachment-meta': ['fileName'],
  rating: ['comment'],
} as const satisfies Partial<Record<OutboxRow['kind'], readonly string[]>>;

/** The payload as stored beside its sealed personal fields, and those fields; null when it has none to seal. */
export function splitPersonalPayload(
  kind: OutboxRow['kind'],
  payload: Record<string, unknown>,
): { clear: Record<string, unknown>; personal: Record<string, unknown> } | null {
  if (kind === 'dossier') {
    const d = payload as unknown as DossierPersonal;
    return {
      clear: withoutPersonal(d) as unknown as Record<string, unknown>,
      personal: { ...personalOf(d) },
    };
  }
  const fields = (PERSONAL_PAYLOAD_FIELDS as Partial<Record<string, readonly string[]>>)[kind] ?? [];
  const present = fields.filter((f) => typeof payload[f] === 'string' && payload[f] !== '');
  if (present.length === 0) return null;
  return {
    clear: { ...payload, ...Object.fromEntries(present.map((f) => [f, ''])) },
    personal: Object.fromEntries(present.map((f) => [f, payload[f]])),
  };
}

/** The payload as the outbox row `id` keeps it, and its personal fields sealed (none: nothing sealed). */
export async function sealPayload(
  keys: DayKeys,
  now: Date,
  id: string,
  kind: OutboxRow['kind'],
  payload: object,
): Promise<{ payload: Record<string, unknown>; sealed?: Sealed }> {
  const split = splitPersonalPayload(kind, payload as Record<string, unknown>);
  if (!split) return { payload: payload as Record<string, unknown> };
  return { payload: split.clear, sealed: await sealJson(keys, now, id, split.personal) };
}

type FieldName = keyof SealedFields;
const fieldAad = (id: string, field: FieldName) => `${id}#${field}`;

/**
 * Seals the non-empty text fields given, each bound to its row and field name (so neither
 * can be moved to another row or field); the row then keeps them empty.
 */
export async function sealFields(
  keys: DayKeys,
  now: Date,
  id: string,
  fields: Partial<Record<FieldName, string | null | undefined>>,
): Promise<SealedFields> {
  const out: SealedFields = {};
  for (const [field, value] of Object.entries(fields) as [FieldName, string | null | undefined][]) {
    if (value) out[field] = await sealJson(keys, now, fieldAad(id, field), value);
  }
  return out;
}

/**
 * The row with its sealed text fields put back. A field whose day key is gone stays as
 * the row keeps it (empty), like retention leaves it.
 */
export async function openFields<T extends { id: string; sealedFields?: SealedFields }>(
  keys: DayKeys,
  row: T,
): Promise<T> {
  if (!row.sealedFields) return row;
  const { sealedFields, ...rest } = row;
  const opened: Record<string, string> = {};
  for (const [field, sealed] of Object.entries(sealedFields) as [FieldName, Sealed][]) {
    const value = await openJson<string>(keys, sealed, fieldAad(row.id, field));
    if (value !== null) opened[field] = value;
  }
  return { ...rest, ...opened } as unknown as T;
}

export async function sealDraft(keys: DayKeys, row: DraftRow, now: Date): Promise<DraftRow> {
  return { ...row, formData: {}, sealed: await sealJson(keys, now, row.id, row.formData) };
}

/** The draft's answers, or null when they cannot be read any more. */
export async function openDraft(keys: DayKeys, row: DraftRow): Promise<DraftRow | null> {
  if (!row.sealed) return row;
  const { sealed, ...rest } = row;
  const formData = await openJson<Record<string, string>>(keys, sealed, row.id);
  return formData ? { ...rest, formData } : null;
}

/** A photo's bytes sealed for the row `id`: the row keeps an empty Blob in their place. */
export async function sealBlob(
  keys: DayKeys,
  now: Date,
  id: string,
  bytes: Blob,
): Promise<{ bytes: Blob; sealed: Sealed }> {
  return { bytes: new Blob([]), sealed: await sealBytes(keys, now, id, await bytes.arrayBuffer()) };
}

/** A photo row's bytes, or null when they cannot be read any more. */
export async function openBlob(
  keys: DayKeys,
  row: { id: string; bytes: Blob; mediaType: string; sealed?: Sealed },
): Promise<Blob | null> {
  if (!row.sealed) return row.bytes;
  const bytes = await openBytes(keys, row.sealed, row.id);
  return bytes ? new Blob([bytes as BlobPart], { type: row.mediaType }) : null;
}
