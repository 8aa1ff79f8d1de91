/**
 * The declaration forms the kiosk knows, validated once at load (a broken definition fails
 * the unit tests, never a citizen), and the procedure → form mapping.
 */
import type { ProcedureCode } from '../domain/procedure.ts';
import { FormSchema, type FormDef, type FormDefInput } from './model.ts';
import { birthRegistrationForm } from './definitions/birth-registration.ts';
import { marriageRegistrationForm } from './definitions/marriage-registration.ts';
import { maritalStatusForm } from './definitions/marital-status.ts';
import { deathRegistrationForm } from './definitions/death-registration.ts';
import { certificationRequestForm } from './definitions/certification-request.ts';
import { householdBusinessForm } from './definitions/household-business.ts';

const DEFINITIONS: readonly FormDefInput[] = [
  birthRegistrationForm,
  marriageRegistrationForm,
  maritalStatusForm,
  deathRegistrationForm,
  certificationRequestForm,
  householdBusinessForm,
];

/** Checks what zod cannot: unique ids, and references that point at existing fields. */
export function checkFormIntegrity(form: FormDef): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const sectionIds = new Set<string>();
  for (const s of form.sections) {
    if (sectionIds.has(s.id)) problems.push(`duplicate section ${s.id}`);
    sectionIds.add(s.id);
    for (const fd of s.fields) {
      if (ids.has(fd.id)) problems.push(`duplicate field ${fd.id}`);
      ids.add(fd.id);
    }
  }
  const ref = (where: string, id: string | undefined): void => {
    if (id !== undefined && !ids.has(id)) problems.push(`${where} refers to unknown field ${id}`);
  };
  for (const s of form.sections) {
    ref(`section ${s.id} showWhen`, s.showWhen?.field);
    if (s.samePersonAs) {
      ref(`section ${s.id} samePersonAs`, s.samePersonAs.when.field);
      if (!sectionIds.has(s.samePersonAs.section))
        problems.push(`section ${s.id} samePersonAs refers to unknown section ${s.samePersonAs.section}`);
    }
    for (const fd of s.fields) {
      ref(`${fd.id} showWhen`, fd.showWhen?.field);
      ref(`${fd.id} requiredWhen`, fd.requiredWhen?.field);
      ref(`${fd.id} provinceField`, fd.provinceField);
      ref(`${fd.id} dateOfBirthField`, fd.personalId?.dateOfBirthField);
      ref(`${fd.id} sexField`, fd.personalId?.sexField);
      ref(`${fd.id} birthYearField`, fd.personalId?.birthYearField);
      ref(`${fd.id} notBeforeField`, fd.date?.notBeforeField);
      for (const pick of fd.suggestions ?? []) {
        if (!('place' in pick) || pick.place !== 'residence') continue;
        ref(`${fd.id} quick pick`, `${pick.of}.province`);
        ref(`${fd.id} quick pick`, `${pick.of}.commune`);
      }
      if (fd.type === 'select' && !fd.options?.length) problems.push(`${fd.id} is a select without options`);
      if (fd.type === 'commune' && !fd.provinceField)
        problems.push(`${fd.id} is a commune without provinceField`);
    }
  }
  for (const sig of form.print.signatures) ref('signature nameField', sig.nameField);
  ref('print addressee', form.print.addressee?.field);
  for (const defaults of Object.values(form.procedureDefaults ?? {})) {
    for (const id of Object.keys(defaults)) ref('procedureDefaults', id);
  }
  return problems;
}

const FORMS: ReadonlyMap<string, FormDef> = new Map(
  DEFINITIONS.map((input) => {
    const form = FormSchema.parse(input);
    const problems = checkFormIntegrity(form);
    if (problems.length) throw new Error(`form ${form.id}: ${problems.join('; ')}`);
    return [form.id, form];
  }),
);

const BY_PROCEDURE: ReadonlyMap<string, string> = new Map(
  [...FORMS.values()].flatMap((form) => form.procedures.map((code) => [code, form.id] as const)),
);

/** All forms, in a stable order. */
export function listForms(): readonly FormDef[] {
  return [...FORMS.values()];
}

export function getForm(id: string): FormDef | undefined {
  return FORMS.get(id);
}

/** The declaration form for a national procedure code, if the kiosk has one. */
export function formForProcedure(code: ProcedureCode): FormDef | undefined {
  const id = BY_PROCEDURE.get(code);
  return id === undefined ? undefined : FORMS.get(id);
}

/** Procedure code → form id, for the catalogue ("fill the declaration here" button). */
export function procedureFormMap(): Readonly<Record<string, string>> {
  return Object.fromEntries(BY_PROCEDURE);
}
