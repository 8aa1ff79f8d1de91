import { describe, expect, it } from 'vitest';
import { applyPersonToSection, splitAddress } from './apply-person.ts';
import { parseCccdQr, type CccdPerson } from './cccd-qr.ts';
import { getForm } from '../forms/registry.ts';
import { initialValues, validateForm } from '../forms/engine.ts';

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
