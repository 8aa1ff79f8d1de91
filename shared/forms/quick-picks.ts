/**
 * The quick picks a field offers, resolved for this kiosk and what is already entered: the
 * form data names them (model.ts `suggestions`), the screen only shows the result.
 */
import { findCommune, findProvince } from '../admin-units/index.ts';
import type { LocalisedText } from '../domain/localised.ts';
import { valueOf } from './engine.ts';
import type { FieldDef, FormDef, FormValues, Suggestion } from './model.ts';

export interface KioskPlace {
  provinceCode: string;
  communeCode: string;
}

/** "Xã Gia Lâm, Thành phố Hà Nội"; null when either unit is unknown. */
export function placeName(place: KioskPlace): string | null {
  const commune = findCommune(place.communeCode);
  const province = findProvince(place.provinceCode);
  if (!commune || !province || commune.provinceCode !== province.code) return null;
  return `${commune.name}, ${province.name}`;
}

function resolve(form: FormDef, values: FormValues, office: KioskPlace, s: Suggestion): LocalisedText | null {
  if (!('place' in s)) return s;
  const name =
    s.place === 'office'
      ? placeName(office)
      : placeName({
          provinceCode: valueOf(form, values, `${s.of}.province`),
          communeCode: valueOf(form, values, `${s.of}.commune`),
        });
  // A place name is the same words in every language.
  return name === null ? null : { vi: name, en: name };
}

/** The field's quick picks, in order, each once; a place not known (yet) is left out. */
export function quickPicksOf(
  form: FormDef,
  field: FieldDef,
  values: FormValues,
  office: KioskPlace,
): LocalisedText[] {
  const picks: LocalisedText[] = [];
  for (const s of field.suggestions ?? []) {
    const pick = resolve(form, values, office, s);
    if (pick && !picks.some((p) => p.vi === pick.vi)) picks.push(pick);
  }
  return picks;
}
