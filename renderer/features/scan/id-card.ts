/**
 * What happens to a scanned ID-card QR in the declaration: parsed, and when it is a chip
 * ID card, applied to one person section. A failure changes nothing.
 */
import type { LocalisedText } from '../../../shared/domain/localised.ts';
import type { FormDef, FormValues } from '../../../shared/forms/model.ts';
import { parseCccdQr, applyPersonToSection } from '../../../shared/identity/index.ts';

export type IdCardOutcome =
  | { ok: true; values: Record<string, string>; filledFieldIds: string[]; fullName: string }
  | { ok: false; message: LocalisedText };

export function applyIdCardScan(
  form: FormDef,
  sectionId: string,
  raw: string,
  values: FormValues,
): IdCardOutcome {
  const parsed = parseCccdQr(raw);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const next = applyPersonToSection(form, sectionId, parsed.person, values);
  const section = form.sections.find((s) => s.id === sectionId);
  const filledFieldIds = (section?.fields ?? [])
    .filter((f) => f.autofill !== undefined && next[f.id] !== undefined && next[f.id] !== '')
    .map((f) => f.id);
  return { ok: true, values: next, filledFieldIds, fullName: parsed.person.fullName };
}
