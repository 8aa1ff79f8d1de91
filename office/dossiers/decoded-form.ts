// The office decodes places from its first call: the units data is loaded with this import.
import '../../shared/admin-units/bundled.ts';
import type { Language } from '../../shared/domain/localised.ts';
import { getForm } from '../../shared/forms/registry.ts';
import { displayValue, visibleFields, visibleSections } from '../../shared/forms/engine.ts';
import { normaliseDmy } from '../../shared/forms/dates.ts';

/** A declaration as staff read it: the form's own sections and labels, values in words. */
export interface DecodedForm {
  /** False when the office does not know the form (a newer kiosk): answers are listed as stored. */
  known: boolean;
  sections: { title: string; rows: { label: string; value: string }[] }[];
  /** Answers the form does not show (hidden by a condition, or unknown to it), by field id. */
  others: { key: string; value: string }[];
}

/**
 * Decodes stored answers with the kiosk's form definition (shared/forms): choices as their
 * words, provinces and communes by name (shared/admin-units), dates as dd/mm/yyyy, empty
 * answers left out, in the order of the wizard's steps.
 */
export function decodeForm(formId: string, values: Record<string, string>, lang: Language): DecodedForm {
  const form = getForm(formId);
  const entries = Object.entries(values).filter(([, v]) => v.trim() !== '');
  if (!form) return { known: false, sections: [], others: entries.map(([key, value]) => ({ key, value })) };
  const shown = new Set<string>();
  const sections = visibleSections(form, values)
    .map((section) => ({
      title: section.title[lang],
      rows: visibleFields(form, values, section.id)
        .filter((field) => (values[field.id] ?? '').trim() !== '')
        .map((field) => {
          shown.add(field.id);
          const raw = values[field.id]!;
          const value = field.type === 'date' ? normaliseDmy(raw) : displayValue(field, raw, lang);
          return { label: field.label[lang], value };
        }),
    }))
    .filter((s) => s.rows.length > 0);
  const others = entries.filter(([key]) => !shown.has(key)).map(([key, value]) => ({ key, value }));
  return { known: true, sections, others };
}
