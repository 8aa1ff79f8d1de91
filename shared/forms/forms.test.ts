import { beforeAll, describe, expect, it } from 'vitest';
import { checkFormIntegrity, formForProcedure, getForm, listForms, procedureFormMap } from './registry.ts';
import {
  addressText,
  displayValue,
  findField,
  initialValues,
  isRequired,
  validateForm,
  visibleFields,
  visibleSections,
} from './engine.ts';
import { messages } from './validators.ts';
import { FORM_PROCEDURES, formIdForProcedure } from './form-procedures.ts';
import { ETHNIC_GROUPS } from './ethnicities.ts';
import type { FormDef } from './model.ts';
import { loadAdminUnits } from '../admin-units/index.ts';

// Place codes in the forms are checked against the administrative units, fetched on demand.
beforeAll(() => loadAdminUnits());

const NOW = new Date('2026-11-24T03:00:00Z');

function form(id: string): FormDef {
  const f = getForm(id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
}

const ids = (fields: { id: string }[]): string[] => fields.map((f) => f.id);

describe('registry', () => {
  it('the light procedure → form list (read before the forms load) names every form, as each form says', () => {
    expect(Object.keys(FORM_PROCEDURES).sort()).toEqual(
      listForms()
        .map((form) => form.id)
        .sort(),
    );
    for (const form of listForms()) {
      expect(form.procedures, form.id).toEqual([...FORM_PROCEDURES[form.id as keyof typeof FORM_PROCEDURES]]);
      for (const code of form.procedures) expect(formIdForProcedure(code)).toBe(form.id);
    }
    expect(formIdForProcedure('9.999999')).toBeUndefined();
  });

  it('has the six declarations, each consistent, mapped from their procedure codes', () => {
    expect(listForms().map((f) => f.id)).toEqual([
      'birth-registration',
      'marriage-registration',
      'marital-status',
      'death-registration',
      'certification-request',
      'household-business',
    ]);
    for (const f of listForms()) expect(checkFormIntegrity(f)).toEqual([]);
    expect(procedureFormMap()).toEqual({
      '1.001193': 'birth-registration',
      '1.000894': 'marriage-registration',
      '1.004873': 'marital-status',
      '1.000656': 'death-registration',
      '2.000815': 'certification-request',
      '2.000884': 'certification-request',
      '1.001612': 'household-business',
    });
    expect(formForProcedure('2.000884')?.id).toBe('certification-request');
    expect(formForProcedure('1.011441')).toBeUndefined();
    expect(getForm('nope')).toBeUndefined();
  });

  it('catches broken references', () => {
    const broken: FormDef = {
      ...form('death-registration'),
      print: {
        ...form('death-registration').print,
        signatures: [{ ...form('death-registration').print.signatures[0]!, nameField: 'missing' }],
      },
    };
    expect(checkFormIntegrity(broken)).toEqual(['signature nameField refers to unknown field missing']);
  });

  it('every person section that accepts an ID card has something to fill', () => {
    for (const f of listForms()) {
      for (const s of f.sections.filter((s) => s.acceptsIdCard)) {
        expect(
          s.fields.some((fd) => fd.autofill === 'fullName'),
          `${f.id}/${s.id}`,
        ).toBe(true);
      }
    }
  });

  it('cites its official form', () => {
    expect(form('birth-registration').officialForm.name.vi).toContain('Thông tư 04/2020/TT-BTP');
    expect(form('household-business').officialForm.legalBasis.join(' ')).toContain('168/2025');
  });

  it('knows the 54 ethnic groups', () => {
    expect(new Set(ETHNIC_GROUPS).size).toBe(54);
    expect(ETHNIC_GROUPS[0]).toBe('Kinh');
  });
});

describe('conditions', () => {
  it('shows the previous-marriage proof only for divorced or widowed people', () => {
    const f = form('marital-status');
    const base = initialValues(f);
    expect(ids(visibleFields(f, { ...base, 'status.current': 'never-married' }))).not.toContain(
      'status.previousMarriageEnd',
    );
    const divorced = { ...base, 'status.current': 'divorced' };
    expect(ids(visibleFields(f, divorced))).toContain('status.previousMarriageEnd');
    const field = findField(f, 'status.previousMarriageEnd')!;
    expect(isRequired(f, divorced, field)).toBe(true);
    expect(isRequired(f, { ...base, 'status.current': 'married' }, field)).toBe(false);
    const errors = validateForm(f, divorced, { now: NOW });
    expect(errors['status.previousMarriageEnd']).toEqual(messages.required);
    expect(
      validateForm(f, { ...base, 'status.current': 'married' }, { now: NOW })['status.previousMarriageEnd'],
    ).toBeUndefined();
  });

  it('shows the subject section only when the certificate is for someone else', () => {
    const f = form('marital-status');
    expect(visibleSections(f, initialValues(f)).map((s) => s.id)).not.toContain('subject');
    const other = { ...initialValues(f), 'request.forWhom': 'other' };
    expect(visibleSections(f, other).map((s) => s.id)).toContain('subject');
    expect(validateForm(f, other, { now: NOW })['subject.fullName']).toEqual(messages.required);
    expect(validateForm(f, initialValues(f), { now: NOW })['subject.fullName']).toBeUndefined();
  });

  it('hides and skips the father’s details when he is not determined, keeping whatever was typed', () => {
    const f = form('birth-registration');
    const values = { ...initialValues(f), 'father.undetermined': 'true', 'father.fullName': 'Lê Văn Bình' };
    expect(ids(visibleFields(f, values, 'father'))).toEqual(['father.undetermined']);
    expect(validateForm(f, values, { now: NOW })['father.birthYear']).toBeUndefined();
    expect(values['father.fullName']).toBe('Lê Văn Bình');
    expect(validateForm(f, initialValues(f), { now: NOW })['father.fullName']).toEqual(messages.required);
  });

  it('chains: a field depending on a hidden field is hidden', () => {
    const f = form('birth-registration');
    const values = { ...initialValues(f), 'copies.wantCopies': 'true' };
    expect(ids(visibleFields(f, values))).toContain('copies.copies');
    expect(ids(visibleFields(f, { ...values, 'copies.wantCopies': '' }))).not.toContain('copies.copies');
  });

  it('uses per-procedure starting values', () => {
    const f = form('certification-request');
    expect(initialValues(f, '2.000815')['request.kind']).toBe('copy');
    expect(initialValues(f, '2.000884')['request.kind']).toBe('signature');
    expect(ids(visibleFields(f, initialValues(f, '2.000815')))).toContain('request.pagesPerCopy');
    expect(ids(visibleFields(f, initialValues(f, '2.000884')))).toContain('request.signedInPerson');
  });
});

const goodMarriage = (): Record<string, string> => ({
  ...initialValues(form('marriage-registration')),
  'bride.fullName': 'Trần Thị Hoa',
  'bride.dateOfBirth': '10/05/2000',
  'bride.residence.province': '42',
  'bride.residence.commune': '18562',
  'bride.residence.detail': 'Thôn 1',
  'bride.personalId': '042300123456',
  'groom.fullName': 'Nguyễn Văn An',
  'groom.dateOfBirth': '01/01/1998',
  'groom.residence.province': '42',
  'groom.residence.commune': '18562',
  'groom.residence.detail': 'Thôn 2',
  'groom.personalId': '042098654321',
});

describe('validateForm', () => {
  it('accepts a complete marriage declaration', () => {
    expect(validateForm(form('marriage-registration'), goodMarriage(), { now: NOW })).toEqual({});
  });

  it('reports marriage age, ID mismatch and commune/province mismatch next to the fields, touching nothing', () => {
    const values = Object.freeze({
      ...goodMarriage(),
      'groom.dateOfBirth': '25/11/2006', // 19 on 24/11/2026
      'bride.personalId': '042100123456', // sex digit says a 1900s woman, DOB is 2000
      'bride.residence.commune': '01864', // a Thái Nguyên commune under Hà Tĩnh
      'bride.phone': '12345',
    });
    const before = JSON.stringify(values);
    const errors = validateForm(form('marriage-registration'), values, { now: NOW });
    expect(errors).toEqual({
      'groom.dateOfBirth': messages.marriageAge('male'),
      'groom.personalId': messages.idCentury, // a 1900s number for a 2006 DOB
      'bride.personalId': messages.idCentury,
      'bride.residence.commune': messages.commune,
      'bride.phone': messages.phone,
    });
    expect(JSON.stringify(values)).toBe(before);
  });

  it('checks the ID against the fixed sex of the side', () => {
    const errors = validateForm(
      form('marriage-registration'),
      { ...goodMarriage(), 'bride.personalId': '042200123456' },
      { now: NOW },
    );
    expect(errors['bride.personalId']).toEqual(messages.idSex);
  });

  it('birth registration: child DOB not in the future, names are letters', () => {
    const f = form('birth-registration');
    const errors = validateForm(
      f,
      { ...initialValues(f), 'child.dateOfBirth': '01/12/2026', 'child.fullName': 'B3 Nguyễn' },
      { now: NOW },
    );
    expect(errors['child.dateOfBirth']).toEqual(messages.dateFuture);
    expect(errors['child.fullName']).toEqual(messages.nameChars);
    expect(errors['requester.relationship']).toEqual(messages.requiredChoice);
    expect(errors['mother.residence.province']).toEqual(messages.requiredChoice);
  });

  it('birth registration: parent year of birth not after this year, ID matches it', () => {
    const f = form('birth-registration');
    const errors = validateForm(
      f,
      {
        ...initialValues(f),
        'mother.birthYear': '2027',
        'father.birthYear': '1990',
        'father.personalId': '001091000001',
      },
      { now: NOW },
    );
    expect(errors['mother.birthYear']).toEqual(messages.maxNumber(2026));
    expect(errors['father.personalId']).toEqual(messages.idBirthYear);
  });

  it('death registration: death after birth, notice after death', () => {
    const f = form('death-registration');
    const errors = validateForm(
      f,
      {
        ...initialValues(f),
        'deceased.dateOfBirth': '01/01/1950',
        'death.date': '31/12/1949',
        'death.noticeDate': '01/01/1949',
        'death.time': '25:00',
      },
      { now: NOW },
    );
    expect(errors['death.date']?.vi).toContain('ngày, tháng, năm sinh');
    expect(errors['death.noticeDate']?.en).toContain('date of death');
    expect(errors['death.time']).toEqual(messages.time);
  });

  it('certification: a required confirmation checkbox must be ticked', () => {
    const f = form('certification-request');
    const values = initialValues(f, '2.000884');
    expect(validateForm(f, values, { now: NOW })['request.signedInPerson']).toEqual(messages.mustTick);
    expect(
      validateForm(f, { ...values, 'request.signedInPerson': 'true' }, { now: NOW })[
        'request.signedInPerson'
      ],
    ).toBeUndefined();
  });

  it('household business: members required only for a family business', () => {
    const f = form('household-business');
    expect(validateForm(f, initialValues(f), { now: NOW })['members.list']).toBeUndefined();
    expect(
      validateForm(f, { ...initialValues(f), 'business.ownerKind': 'family' }, { now: NOW })['members.list'],
    ).toEqual(messages.required);
  });
});

describe('display', () => {
  it('shows codes and choices as people read them', () => {
    const f = form('marital-status');
    expect(displayValue(findField(f, 'requester.sex')!, 'female', 'vi')).toBe('Nữ');
    expect(displayValue(findField(f, 'requester.residence.province')!, '42', 'vi')).toBe('Tỉnh Hà Tĩnh');
    expect(displayValue(findField(f, 'status.current')!, 'divorced', 'en')).toBe('Divorced, not remarried');
    expect(addressText({ 'a.detail': 'Thôn 1', 'a.commune': '18562', 'a.province': '42' }, 'a')).toBe(
      'Thôn 1, Xã Thạch Hà, Tỉnh Hà Tĩnh',
    );
  });

  it('shows amounts in đồng with dot separators, however they were typed', () => {
    const capital = findField(form('household-business'), 'business.capital')!;
    expect(displayValue(capital, '50000000', 'vi')).toBe('50.000.000 đ');
    expect(displayValue(capital, '1.500.000', 'en')).toBe('1.500.000 đ');
    const workers = findField(form('household-business'), 'business.workers')!;
    expect(displayValue(workers, '1200', 'vi')).toBe('1200');
  });
});
