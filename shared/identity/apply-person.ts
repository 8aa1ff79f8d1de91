/**
 * Filling a person section of a form from a parsed chip ID card. The card's address is
 * one line written with the units in force when the card was issued ("Thôn Nà Phầy, Bộc
 * Bố, Pác Nặm, Bắc Kạn"), often before the July 2025 merger; it is split into the form's
 * province / commune / detail fields when the province and commune can be recognised
 * among the post-2025 units (directly or as a former unit), otherwise the text goes to
 * the detail field unchanged and the citizen picks the units.
 */
import { communesOf, provinces, type Commune, type Province } from '../admin-units/index.ts';
import { conditionHolds, visibleSections } from '../forms/engine.ts';
import type { AutofillKey, FormDef, FormValues } from '../forms/model.ts';
import { fold, nfc } from '../forms/text.ts';
import { parseDmy } from '../forms/dates.ts';
import type { CccdPerson } from './cccd-qr.ts';
import { compactPersonalId, decodePersonalId } from './personal-id.ts';

export interface SplitAddress {
  provinceCode?: string;
  communeCode?: string;
  /** What remains: house number, street, hamlet (or the whole address when nothing was recognised). */
  detail: string;
}

const PROVINCE_PREFIX = /^(tinh|thanh pho|tp\.?)\s+/;
const COMMUNE_PREFIX = /^(xa|phuong|thi tran|dac khu)\s+/;

const bare = (name: string, prefix: RegExp): string => fold(name).replace(prefix, '').trim();

function matchProvince(part: string): Province | undefined {
  const p = bare(part, PROVINCE_PREFIX);
  if (p === '') return undefined;
  const hits = provinces().filter((prov) =>
    [prov.name, ...prov.formerly].some((n) => bare(n, PROVINCE_PREFIX) === p),
  );
  // "Hồ Chí Minh" and "TP. Hồ Chí Minh" are the same; two different hits means ambiguous.
  return hits.length === 1 ? hits[0] : undefined;
}

function matchCommune(part: string, provinceCode: string): Commune | undefined {
  const folded = fold(part);
  const p = folded.replace(COMMUNE_PREFIX, '').trim();
  const hasPrefix = p !== folded;
  if (p === '') return undefined;
  const sameName = (n: string): boolean => (hasPrefix ? fold(n) === folded : bare(n, COMMUNE_PREFIX) === p);
  const list = communesOf(provinceCode);
  // A current name wins; otherwise a former unit, but only if exactly one commune absorbed it.
  const current = list.filter((c) => sameName(c.name));
  if (current.length === 1) return current[0];
  if (current.length > 1) return undefined;
  const former = list.filter((c) => c.formerly.some(sameName));
  return former.length === 1 ? former[0] : undefined;
}

/** Splits a card address into post-2025 province, commune and the free-text remainder. */
export function splitAddress(address: string): SplitAddress {
  const text = nfc(address).trim();
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { detail: '' };
  const province = matchProvince(parts[parts.length - 1]!);
  if (!province) return { detail: text };
  const rest = parts.slice(0, -1);
  // The commune is the part just before the province, or the one before that when the
  // card still names the (abolished since 2025) district in between; the district is dropped.
  for (let i = rest.length - 1; i >= 0 && i >= rest.length - 2; i--) {
    const commune = matchCommune(rest[i]!, province.code);
    if (commune) {
      return { provinceCode: province.code, communeCode: commune.code, detail: rest.slice(0, i).join(', ') };
    }
  }
  return { provinceCode: province.code, detail: rest.join(', ') };
}

/**
 * Returns new values with the section's autofill fields set from the card; every other
 * value is kept as it was. Fields the card does not cover (ethnicity …) are untouched.
 */
export function applyPersonToSection(
  form: FormDef,
  sectionId: string,
  person: CccdPerson,
  values: FormValues,
): Record<string, string> {
  const section = form.sections.find((s) => s.id === sectionId);
  const out: Record<string, string> = { ...values };
  if (!section) return out;
  const split = splitAddress(person.address);
  const hasSplitFields = section.fields.some((f) => f.autofill === 'addressProvince');
  for (const field of section.fields) {
    switch (field.autofill) {
      case 'personalId':
        out[field.id] = person.personalId;
        break;
      case 'oldId':
        if (person.oldId) out[field.id] = person.oldId;
        break;
      case 'fullName':
        out[field.id] = person.fullName;
        break;
      case 'dateOfBirth':
        out[field.id] = person.dateOfBirth;
        break;
      case 'birthYear':
        out[field.id] = person.dateOfBirth.slice(-4);
        break;
      case 'sex':
        out[field.id] = person.sex;
        break;
      case 'issueDate':
        out[field.id] = person.issueDate;
        break;
      case 'nationality':
        out[field.id] = 'Việt Nam';
        break;
      case 'address':
        out[field.id] = person.address;
        break;
      case 'addressProvince':
        out[field.id] = split.provinceCode ?? '';
        break;
      case 'addressCommune':
        out[field.id] = split.communeCode ?? '';
        break;
      case 'addressDetail':
        out[field.id] = hasSplitFields ? split.detail : person.address;
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * Carries a person over to the sections that are the same person (`samePersonAs`: the
 * declarant is the mother), so they are entered once. What the source section holds is
 * copied field by field of the same autofill kind; a year of birth the source does not
 * ask is taken from its date of birth, else from its personal ID number, which encodes it
 * exactly. Returns the new values and, per section filled, the fields it filled.
 */
export function carryOverSamePerson(
  form: FormDef,
  values: FormValues,
  /** Only from this section (the step just completed), so later edits elsewhere stay. */
  fromSectionId?: string,
): { values: Record<string, string>; filled: Record<string, string[]> } {
  const out: Record<string, string> = { ...values };
  const filled: Record<string, string[]> = {};
  for (const target of visibleSections(form, values)) {
    const same = target.samePersonAs;
    if (!same || !conditionHolds(form, values, same.when)) continue;
    if (fromSectionId !== undefined && same.section !== fromSectionId) continue;
    const source = form.sections.find((s) => s.id === same.section);
    if (!source) continue;
    const known = new Map<AutofillKey, string>();
    for (const field of source.fields) {
      const value = (out[field.id] ?? '').trim();
      if (field.autofill && value !== '') known.set(field.autofill, value);
    }
    if (!known.has('birthYear')) {
      const dob = known.get('dateOfBirth');
      const year = dob
        ? parseDmy(dob)?.year
        : decodePersonalId(compactPersonalId(known.get('personalId') ?? ''))?.birthYear;
      if (year !== undefined) known.set('birthYear', String(year));
    }
    const ids: string[] = [];
    for (const field of target.fields) {
      const value = field.autofill ? known.get(field.autofill) : undefined;
      if (value === undefined) continue;
      out[field.id] = value;
      ids.push(field.id);
    }
    if (ids.length > 0) filled[target.id] = ids;
  }
  return { values: out, filled };
}
