/**
 * Running a form definition: which sections and fields are visible for the values
 * entered so far, which are required, what to show for a value, and validation. All pure:
 * values in, answers out; nothing here ever changes a value.
 */
import type { Language, LocalisedText } from '../domain/localised.ts';
import { findCommune, findProvince } from '../admin-units/index.ts';
import { formatVnd } from '../domain/format.ts';
import type { Condition, FieldDef, FormDef, FormValues, SectionDef } from './model.ts';
import { compareDates, parseDmy, vietnamCalendarDate } from './dates.ts';
import {
  isBlank,
  messages,
  validateDate,
  validateEmail,
  validateMarriageAge,
  parseVietnameseNumber,
  validateNumber,
  validatePersonalId,
  validatePhone,
  validateTime,
  type Message,
} from './validators.ts';

/** The value of a field: what was entered, else the definition's default, else ''. */
export function valueOf(form: FormDef, values: FormValues, fieldId: string): string {
  if (Object.hasOwn(values, fieldId)) return values[fieldId] ?? '';
  return findField(form, fieldId)?.defaultValue ?? '';
}

export function findField(form: FormDef, fieldId: string): FieldDef | undefined {
  for (const s of form.sections) for (const fd of s.fields) if (fd.id === fieldId) return fd;
  return undefined;
}

function sectionOf(form: FormDef, fieldId: string): SectionDef | undefined {
  return form.sections.find((s) => s.fields.some((fd) => fd.id === fieldId));
}

/**
 * Visibility, with chained conditions: a condition on a hidden field sees ''. A cycle
 * (which checkFormIntegrity-valid forms do not have) resolves to hidden.
 */
function makeVisibility(form: FormDef, values: FormValues) {
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();

  const holds = (c: Condition | undefined): boolean => {
    if (!c) return true;
    const v = fieldVisible(c.field) ? valueOf(form, values, c.field).trim() : '';
    if ('notEmpty' in c) return v !== '';
    return Array.isArray(c.equals) ? c.equals.includes(v) : c.equals === v;
  };

  const sectionVisible = (s: SectionDef): boolean => {
    const key = `section:${s.id}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return false;
    visiting.add(key);
    const result = holds(s.showWhen);
    visiting.delete(key);
    memo.set(key, result);
    return result;
  };

  function fieldVisible(fieldId: string): boolean {
    const known = memo.get(fieldId);
    if (known !== undefined) return known;
    if (visiting.has(fieldId)) return false;
    visiting.add(fieldId);
    const section = sectionOf(form, fieldId);
    const field = findField(form, fieldId);
    const result = !!section && !!field && sectionVisible(section) && holds(field.showWhen);
    visiting.delete(fieldId);
    memo.set(fieldId, result);
    return result;
  }

  return { holds, sectionVisible, fieldVisible };
}

/** Whether a condition holds for these values (a condition on a hidden field sees ''). */
export function conditionHolds(form: FormDef, values: FormValues, condition: Condition): boolean {
  return makeVisibility(form, values).holds(condition);
}

/** Sections the wizard shows as steps, in order. */
/**
 * Fields whose words each start with a capital as they are typed: a person's name, an
 * ethnicity, a nationality, and free-text place names (`capitalise: 'words'`). The stored
 * value is the capitalised one, so the review, the dossier and the printed form agree.
 */
export function capitalisesWords(field: FieldDef): boolean {
  return (
    field.type === 'name' ||
    field.type === 'ethnicity' ||
    field.type === 'nationality' ||
    field.capitalise === 'words'
  );
}

export function visibleSections(form: FormDef, values: FormValues): SectionDef[] {
  const vis = makeVisibility(form, values);
  return form.sections.filter((s) => vis.sectionVisible(s));
}

/** Fields shown (on screen, in the review step and on paper), in order. */
export function visibleFields(form: FormDef, values: FormValues, sectionId?: string): FieldDef[] {
  const vis = makeVisibility(form, values);
  return form.sections
    .filter((s) => sectionId === undefined || s.id === sectionId)
    .flatMap((s) => s.fields.filter((fd) => vis.fieldVisible(fd.id)));
}

/** Whether a visible field must be filled. */
export function isRequired(form: FormDef, values: FormValues, field: FieldDef): boolean {
  const vis = makeVisibility(form, values);
  if (!vis.fieldVisible(field.id)) return false;
  return field.required || (field.requiredWhen !== undefined && vis.holds(field.requiredWhen));
}

/** Starting values: every default, then the procedure's defaults (certification: copy vs signature). */
export function initialValues(form: FormDef, procedureCode?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of form.sections)
    for (const fd of s.fields) if (fd.defaultValue !== undefined) out[fd.id] = fd.defaultValue;
  if (procedureCode) Object.assign(out, form.procedureDefaults?.[procedureCode] ?? {});
  return out;
}

const CHOICE_TYPES = new Set(['select', 'sex', 'province', 'commune']);
/** Letters (any script, with combining marks), spaces, hyphens and apostrophes (H'Hen Niê). */
const NAME_RE = /^[\p{L}\p{M}' -]+$/u;

export interface ValidateOptions {
  /** The instant "today" is taken from (Vietnam date). */
  now: Date;
}

/**
 * Messages for every visible field that is wrong, keyed by field id; {} when the form can
 * be submitted. Hidden fields are never validated (and keep their values, so going back
 * and changing a choice loses nothing).
 */
export function validateForm(
  form: FormDef,
  values: FormValues,
  { now }: ValidateOptions,
): Record<string, LocalisedText> {
  const vis = makeVisibility(form, values);
  const errors: Record<string, LocalisedText> = {};
  const val = (id: string): string => valueOf(form, values, id).trim();

  for (const section of form.sections) {
    if (!vis.sectionVisible(section)) continue;
    for (const field of section.fields) {
      if (!vis.fieldVisible(field.id)) continue;
      const value = val(field.id);
      const required = field.required || (field.requiredWhen !== undefined && vis.holds(field.requiredWhen));
      if (isBlank(value) || (field.type === 'checkbox' && value !== 'true')) {
        if (required) {
          errors[field.id] =
            field.type === 'checkbox'
              ? messages.mustTick
              : CHOICE_TYPES.has(field.type)
                ? messages.requiredChoice
                : messages.required;
        }
        continue;
      }
      const message = validateField(form, field, value, val, now);
      if (message) errors[field.id] = message;
    }
  }
  return errors;
}

function validateField(
  form: FormDef,
  field: FieldDef,
  value: string,
  val: (id: string) => string,
  now: Date,
): Message | null {
  if (field.maxLength !== undefined && [...value].length > field.maxLength)
    return messages.tooLong(field.maxLength);
  switch (field.type) {
    case 'name':
      return NAME_RE.test(value) ? null : messages.nameChars;
    case 'date': {
      const rules = field.date ?? {};
      const basic = validateDate(value, now, rules);
      if (basic) return basic;
      if (rules.marriageAgeOf) {
        const age = validateMarriageAge(value, rules.marriageAgeOf, now);
        if (age) return age;
      }
      if (rules.notBeforeField) {
        const other = parseDmy(val(rules.notBeforeField));
        const self = parseDmy(value);
        const otherField = findField(form, rules.notBeforeField);
        if (other && self && otherField && compareDates(self, other) < 0) {
          return messages.dateBefore({
            vi: otherField.label.vi.toLowerCase(),
            en: otherField.label.en.toLowerCase(),
          });
        }
      }
      return null;
    }
    case 'time':
      return validateTime(value);
    case 'personal-id': {
      const link = field.personalId ?? {};
      const dob = link.dateOfBirthField ? val(link.dateOfBirthField) : '';
      const yearText = link.birthYearField ? val(link.birthYearField) : '';
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
      return validatePersonalId(value, {
        dateOfBirth: parseDmy(dob) ? dob : undefined,
        birthYear: year,
        sex: link.sexField ? val(link.sexField) : undefined,
      });
    }
    case 'phone':
      return validatePhone(value);
    case 'email':
      return validateEmail(value);
    case 'number': {
      const rules = field.number ?? {};
      const max = rules.maxCurrentYear
        ? Math.min(rules.max ?? Infinity, vietnamCalendarDate(now).year)
        : rules.max;
      return validateNumber(value, {
        integer: rules.integer,
        min: rules.min,
        max: max === Infinity ? undefined : max,
      });
    }
    case 'select':
      return field.options?.some((o) => o.value === value) ? null : messages.select;
    case 'sex':
      return value === 'male' || value === 'female' ? null : messages.select;
    case 'province':
      return findProvince(value) ? null : messages.unknownUnit;
    case 'commune': {
      const commune = findCommune(value);
      if (!commune) return messages.unknownUnit;
      const province = field.provinceField ? val(field.provinceField) : '';
      return province && commune.provinceCode !== province ? messages.commune : null;
    }
    case 'checkbox':
      return value === 'true' ? null : messages.select;
    default:
      return null;
  }
}

const SEX_LABEL: Record<string, LocalisedText> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

/** The text shown for a value in the review step and printed on paper. */
export function displayValue(field: FieldDef, value: string, lang: Language): string {
  if (value === '') return '';
  switch (field.type) {
    case 'select':
      return field.options?.find((o) => o.value === value)?.label[lang] ?? value;
    case 'sex':
      return SEX_LABEL[value]?.[lang] ?? value;
    case 'province':
      return findProvince(value)?.name ?? value;
    case 'commune':
      return findCommune(value)?.name ?? value;
    case 'checkbox':
      return value === 'true' ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
    case 'number': {
      if (field.number?.currency !== 'vnd') return value;
      const amount = parseVietnameseNumber(value);
      return amount !== null && Number.isInteger(amount) ? formatVnd(amount) : value;
    }
    default:
      return value;
  }
}

/**
 * One-line address from a residence group (`prefix.detail`, `prefix.commune`,
 * `prefix.province`): "Thôn Nà Phầy, Xã Bằng Thành, Tỉnh Thái Nguyên".
 */
export function addressText(values: FormValues, prefix: string): string {
  const detail = (values[`${prefix}.detail`] ?? '').trim();
  const commune = findCommune(values[`${prefix}.commune`] ?? '')?.name ?? '';
  const province = findProvince(values[`${prefix}.province`] ?? '')?.name ?? '';
  return [detail, commune, province].filter((p) => p !== '').join(', ');
}
