/**
 * What of each row is sealed at rest (at-rest.ts), and putting it back after a read:
 * - a dossier: formData and the full applicantName (the clear row keeps the initials,
 *   which is all the list screens show and all retention keeps);
 * - its outbox item: the same sealed value; the clear payloadJson carries the personal
 *   fields emptied, and opening rebuilds exactly the canonical JSON that was hashed;
 * - a draft: formData;
 * - a photo (draft or attachment): its bytes.
 * A row whose day key was shredded opens as retention leaves it: no answers, initials only.
 */
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';
import { keptInitials } from '../../../shared/domain/name-initials.ts';
import type { DossierRow, DraftRow, OutboxRow, Sealed } from '../../db/db.ts';
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

/** The dossier as it was submitted, or as retention leaves it when its day key is gone. */
export async function openDossier(keys: DayKeys, row: DossierRow): Promise<DossierRow> {
  if (!row.sealed) return row;
  const { sealed, ...rest } = row;
  const personal = await openJson<DossierPersonal>(keys, sealed, row.id);
  return personal ? { ...rest, ...personalOf(personal) } : rest;
}

export function openDossiers(keys: DayKeys, rows: readonly DossierRow[]): Promise<DossierRow[]> {
  return Promise.all(rows.map((row) => openDossier(keys, row)));
}

/**
 * The outbox row with the payload that was hashed. One whose key is gone comes back with
 * no payload (toPushItems leaves it out) rather than a payload that is not what was hashed.
 */
export async function openOutboxRow(keys: DayKeys, row: OutboxRow): Promise<OutboxRow> {
  if (!row.sealed || row.payloadJson == null) return row;
  const { sealed, ...rest } = row;
  const personal = await openJson<DossierPersonal>(keys, sealed, row.id);
  if (!personal) return { ...rest, payloadJson: null };
  const payload = JSON.parse(row.payloadJson) as Record<string, unknown>;
  return { ...rest, payloadJson: canonicalJson({ ...payload, ...personalOf(personal) }) };
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
