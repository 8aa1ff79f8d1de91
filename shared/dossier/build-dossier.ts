/**
 * The one place a submitted dossier is made. It validates the answers with the same form
 * definition the wizard used, freezes a canonical copy of them (NFC, trimmed, only what
 * was visible, phone/ID/date in canonical form), records the models running that day for
 * the procedure and computes the deadline with the office's working-time rules.
 */
import type { LocalisedText } from '../domain/localised.ts';
import type { OfficeProfile } from '../domain/office-profile.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { ReformModelId } from '../domain/reform-model.ts';
import { DossierSchema, type Dossier } from '../domain/dossier.ts';
import { computeToday } from '../domain/today.ts';
import { sameDayDeadline, type Deadline } from '../domain/deadline.ts';
import { toVietnamIso } from '../domain/vietnam-time.ts';
import type { FormDef, FormValues } from '../forms/model.ts';
import { validateForm, valueOf, visibleFields } from '../forms/engine.ts';
import { normaliseDmy } from '../forms/dates.ts';
import { normalisePhone } from '../forms/validators.ts';
import { cleanText, nfc } from '../forms/text.ts';
import { compactPersonalId } from '../identity/personal-id.ts';

export interface BuildDossierInput {
  /** Kiosk-generated UUID, the idempotency key for sync (crypto.randomUUID() in the renderer). */
  id: string;
  /** From nextDossierCode, issued in the same transaction. */
  code: string;
  kioskId: string;
  profile: OfficeProfile;
  procedure: Pick<Procedure, 'code' | 'processingTime'>;
  form: FormDef;
  values: FormValues;
  volunteerId: string | null;
  receivedAt: Date;
  attachmentHashes?: readonly string[];
  /** The receipt QR's check part (lookup-key.ts); made by the caller from a CSPRNG. */
  lookupKey?: string;
}

export type BuildDossierResult =
  | { ok: true; dossier: Readonly<Dossier>; deadline: Deadline }
  | { ok: false; errors: Record<string, LocalisedText> };

/** The stored form of one answer. */
function canonicalValue(type: string, value: string): string {
  const text = type === 'textarea' ? nfc(value).trim() : cleanText(value);
  switch (type) {
    case 'personal-id':
      return compactPersonalId(text);
    case 'phone':
      return normalisePhone(text) ?? text;
    case 'date':
      return normaliseDmy(text);
    case 'email':
      return text.toLowerCase();
    default:
      return text;
  }
}

/** The answers as stored: visible, non-empty fields only, canonical and NFC. */
export function freezeFormData(form: FormDef, values: FormValues): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const field of visibleFields(form, values)) {
    const v = canonicalValue(field.type, valueOf(form, values, field.id));
    if (v !== '') out[field.id] = v;
  }
  return Object.freeze(out);
}

/**
 * Models running on the day of receipt that cover this procedure; a model scheduled with
 * no procedure list (Saturday-morning opening) covers every procedure.
 */
export function modelsFor(profile: OfficeProfile, procedureCode: string, at: Date): ReformModelId[] {
  const today = computeToday(profile, at);
  const covering = today.models.filter(
    (m) => m.procedures.length === 0 || m.procedures.includes(procedureCode),
  );
  return [...new Set(covering.map((m) => m.model))];
}

/** The applicant: the names under the signatures (both partners for a marriage). */
export function applicantNameOf(form: FormDef, data: Readonly<Record<string, string>>): string {
  return form.print.signatures
    .map((s) => (s.nameField ? (data[s.nameField] ?? '') : ''))
    .filter((n) => n !== '')
    .join(', ');
}

export function buildDossier(input: BuildDossierInput): BuildDossierResult {
  const { form, values, profile, procedure, receivedAt } = input;
  const errors = validateForm(form, values, { now: receivedAt });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (!form.procedures.includes(procedure.code)) {
    throw new RangeError(`form ${form.id} is not the declaration of procedure ${procedure.code}`);
  }
  const formData = freezeFormData(form, values);
  const deadline = sameDayDeadline(profile, procedure, receivedAt);
  const dossier = DossierSchema.parse({
    id: input.id,
    code: input.code,
    kioskId: input.kioskId,
    procedureCode: procedure.code,
    models: modelsFor(profile, procedure.code, receivedAt),
    formId: form.id,
    formData,
    applicantName: applicantNameOf(form, formData),
    volunteerId: input.volunteerId,
    receivedAt: toVietnamIso(receivedAt),
    dueAt: toVietnamIso(deadline.dueAt),
    attachmentHashes: [...(input.attachmentHashes ?? [])],
    ...(input.lookupKey ? { lookupKey: input.lookupKey } : {}),
  });
  Object.freeze(dossier.formData);
  Object.freeze(dossier.models);
  Object.freeze(dossier.attachmentHashes);
  return { ok: true, dossier: Object.freeze(dossier), deadline };
}
