import { beforeAll, describe, expect, it } from 'vitest';
import { applyPersonToSection, carryOverSamePerson, splitAddress } from './apply-person.ts';
import { parseCccdQr, type CccdPerson } from './cccd-qr.ts';
import { getForm } from '../forms/registry.ts';
import { initialValues, validateForm, visibleFields, visibleSections } from '../forms/engine.ts';
import { loadAdminUnits } from '../admin-units/index.ts';

// Place codes in the forms are checked against the administrative units, fetched on demand.
beforeAll(() => loadAdminUnits());

const person = (qr: string): CccdPerson => {
  const r = parseCccdQr(qr);
  if (!r.ok) throw new Error(r.reason);
  return r.person;
};

describe('splitAddress', () => {
  it('maps a pre-2025 address onto the post-2025 province and commune', () => {
    // Bắc Kạn merged into Thái Nguyên (19); Xã Bộc Bố into Xã Bằng Thành (01864).
    expect(splitAddress('Thôn Nà Phầy, Xã Bộc Bố, Huyện Pác Nặm, Tỉnh Bắc Kạn')).toEqual({
      provinceCode: '19',
      communeCode: '01864',
      detail: 'Thôn Nà Phầy',
    });
    expect(splitAddress('Thôn Nà Phầy, Bộc Bố, Pác Nặm, Bắc Kạn').communeCode).toBe('01864');
    expect(splitAddress('Thôn 1, Xã Thạch Hà, Tỉnh Hà Tĩnh')).toEqual({
      provinceCode: '42',
      communeCode: '18562',
      detail: 'Thôn 1',
    });
  });

  it('leaves the commune to the citizen when a former ward was split between several new ones', () => {
    expect(splitAddress('Số 5 Kim Mã, Phường Kim Mã, Quận Ba Đình, Hà Nội')).toEqual({
      provinceCode: '01',
      detail: 'Số 5 Kim Mã, Phường Kim Mã, Quận Ba Đình',
    });
  });

  it('keeps unrecognised addresses as free text', () => {
    expect(splitAddress('12 Rue de Rivoli, Paris')).toEqual({ detail: '12 Rue de Rivoli, Paris' });
  });
});

describe('applyPersonToSection', () => {
  const an = person(
    '042098654321|186000001|Nguyễn Văn An|01011998|Nam|Thôn 1, Xã Thạch Hà, Huyện Thạch Hà, Hà Tĩnh|15082021',
  );

  it('fills the section and keeps every other value', () => {
    const form = getForm('marriage-registration')!;
    const values: Readonly<Record<string, string>> = Object.freeze({
      ...initialValues(form),
      'bride.fullName': 'Trần Thị Hoa',
      'groom.ethnicity': 'Tày',
    });
    const next = applyPersonToSection(form, 'groom', an, values);
    expect(next).toMatchObject({
      'groom.fullName': 'Nguyễn Văn An',
      'groom.dateOfBirth': '01/01/1998',
      'groom.personalId': '042098654321',
      'groom.residence.province': '42',
      'groom.residence.commune': '18562',
      'groom.residence.detail': 'Thôn 1',
      'groom.nationality': 'Việt Nam',
      'groom.ethnicity': 'Tày',
      'bride.fullName': 'Trần Thị Hoa',
      'groom.sex': 'male',
    });
    expect(values['groom.fullName']).toBeUndefined();
    const errors = validateForm(form, next, { now: new Date('2026-11-24T03:00:00Z') });
    expect(Object.keys(errors).filter((k) => k.startsWith('groom.'))).toEqual([]);
  });

  it('sets the sex where the section asks for it', () => {
    const form = getForm('marital-status')!;
    const next = applyPersonToSection(form, 'requester', an, initialValues(form));
    expect(next['requester.sex']).toBe('male');
  });

  it('a card of the wrong sex in a fixed-sex section is reported, not silently accepted', () => {
    const form = getForm('marriage-registration')!;
    const next = applyPersonToSection(form, 'bride', an, initialValues(form));
    expect(next['bride.sex']).toBe('female');
    const errors = validateForm(form, next, { now: new Date('2026-11-24T03:00:00Z') });
    expect(errors['bride.personalId']?.en).toContain('sex');
  });

  it('unknown section: values unchanged', () => {
    const form = getForm('marital-status')!;
    expect(applyPersonToSection(form, 'nope', an, { a: 'b' })).toEqual({ a: 'b' });
  });
});

describe('people entered once on the birth declaration', () => {
  const form = getForm('birth-registration')!;
  const MOTHER_QR =
    '001197004321||Phạm Thị Hương Giang|12081997|Nữ|Thôn Đồng Xuyên, Xã Gia Lâm, Thành phố Hà Nội|20042021';

  it('a card scanned at the mother’s step fills her year of birth too', () => {
    const values = applyPersonToSection(form, 'mother', person(MOTHER_QR), initialValues(form));
    expect(values['mother.birthYear']).toBe('1997');
    expect(values['mother.fullName']).toBe('Phạm Thị Hương Giang');
    expect(values['mother.personalId']).toBe('001197004321');
    expect(values['mother.residence.commune']).toBe('00565');
    const errors = validateForm(form, values, { now: new Date('2026-11-24T03:00:00Z') });
    for (const f of visibleFields(form, values, 'mother')) expect(errors[f.id]).toBeUndefined();
  });

  it('the mother who declares is carried over from the requester’s step, year of birth from her ID', () => {
    const scanned = applyPersonToSection(form, 'requester', person(MOTHER_QR), initialValues(form));
    const values = { ...scanned, 'requester.relationship': 'mother' };
    const out = carryOverSamePerson(form, values);
    expect(out.values['mother.fullName']).toBe('Phạm Thị Hương Giang');
    expect(out.values['mother.birthYear']).toBe('1997');
    expect(out.values['mother.personalId']).toBe('001197004321');
    expect(out.values['mother.residence.province']).toBe('01');
    expect(out.values['mother.residence.detail']).toBe('Thôn Đồng Xuyên');
    expect(out.filled.mother).toContain('mother.birthYear');
    // The father is someone else: nothing of hers goes there.
    expect(out.values['father.fullName']).toBeUndefined();
    expect(out.filled.father).toBeUndefined();
  });

  it('a grandparent who declares is nobody’s parent: nothing is carried over', () => {
    const scanned = applyPersonToSection(form, 'requester', person(MOTHER_QR), initialValues(form));
    const out = carryOverSamePerson(form, { ...scanned, 'requester.relationship': 'grandparent' });
    expect(out.filled).toEqual({});
    expect(out.values['mother.fullName']).toBeUndefined();
  });

  it('a father not determined is one tick on his own step, which then asks nothing else', () => {
    const values = { ...initialValues(form), 'father.undetermined': 'true' };
    expect(visibleSections(form, values).map((s) => s.id)).toContain('father');
    expect(visibleFields(form, values, 'father').map((f) => f.id)).toEqual(['father.undetermined']);
    const errors = validateForm(form, values, { now: new Date('2026-11-24T03:00:00Z') });
    expect(Object.keys(errors).filter((id) => id.startsWith('father.'))).toEqual([]);
    const declared = visibleFields(form, initialValues(form), 'father').map((f) => f.id);
    expect(declared).toContain('father.fullName');
    expect(declared).toContain('father.birthYear');
  });
});
