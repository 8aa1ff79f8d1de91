import { describe, expect, it } from 'vitest';
import {
  messages,
  normalisePhone,
  validateDate,
  validateEmail,
  validateMarriageAge,
  validateNumber,
  validatePersonalId,
  validatePhone,
} from './validators.ts';
import { ageInYears, normaliseDmy, parseDmy, vietnamCalendarDate } from './dates.ts';
import { capitaliseWords, cleanText, fold, nfc } from './text.ts';
import { decodePersonalId } from '../identity/personal-id.ts';
import { BIRTH_REGISTRATION_PROVINCE_CODES } from '../identity/birth-registration-codes.ts';

// 10:00 on 24/11/2026 in Vietnam.
const NOW = new Date('2026-11-24T03:00:00Z');

describe('personal ID number', () => {
  it('accepts a well-formed number consistent with DOB and sex', () => {
    expect(validatePersonalId('001099012345', { dateOfBirth: '15/03/1999', sex: 'male' })).toBeNull();
    expect(validatePersonalId('042301123456', { dateOfBirth: '01/01/2001', sex: 'female' })).toBeNull();
    // Bắc Kạn and Đắk Nông codes stay valid after the 2025 merger.
    expect(validatePersonalId('006185000001', { dateOfBirth: '02/02/1985', sex: 'female' })).toBeNull();
    expect(validatePersonalId('067090000001')).toBeNull();
    // Spaces typed for readability are fine.
    expect(validatePersonalId('001 099 012 345')).toBeNull();
  });

  it('rejects 11 or 13 digits and letters', () => {
    expect(validatePersonalId('00109901234')).toEqual(messages.idFormat);
    expect(validatePersonalId('0010990123456')).toEqual(messages.idFormat);
    expect(validatePersonalId('00109901234a')).toEqual(messages.idFormat);
  });

  it('rejects an unknown province-of-birth-registration code', () => {
    expect(validatePersonalId('003099012345')).toEqual(messages.idProvince);
    expect(validatePersonalId('097099012345')).toEqual(messages.idProvince);
    expect(validatePersonalId('000099012345')).toEqual(messages.idProvince);
  });

  it('rejects a century digit that does not match the date of birth', () => {
    // 2 = male born in the 2000s, but the DOB is 1999.
    expect(validatePersonalId('001299012345', { dateOfBirth: '15/03/1999' })).toEqual(messages.idCentury);
    expect(validatePersonalId('001001012345', { dateOfBirth: '15/03/2001' })).toEqual(messages.idCentury);
  });

  it('rejects a sex digit that does not match the sex', () => {
    expect(validatePersonalId('001099012345', { dateOfBirth: '15/03/1999', sex: 'female' })).toEqual(
      messages.idSex,
    );
    expect(validatePersonalId('001301012345', { sex: 'male' })).toEqual(messages.idSex);
  });

  it('rejects birth-year digits that do not match', () => {
    expect(validatePersonalId('001098012345', { dateOfBirth: '15/03/1999' })).toEqual(messages.idBirthYear);
    expect(validatePersonalId('001098012345', { birthYear: 1999 })).toEqual(messages.idBirthYear);
  });

  it('ignores a DOB that is not a valid date (reported on the DOB field instead)', () => {
    expect(validatePersonalId('001099012345', { dateOfBirth: '31/02/1999' })).toBeNull();
  });

  it('decodes the parts', () => {
    expect(decodePersonalId('042301123456')).toEqual({
      provinceCode: '042',
      sex: 'female',
      century: 2000,
      yearOfCentury: 1,
      birthYear: 2001,
    });
    expect(decodePersonalId('001599000000')?.birthYear).toBe(2199);
  });

  it('has the 63 pre-2025 province codes from 001 Hà Nội to 096 Cà Mau', () => {
    const codes = Object.keys(BIRTH_REGISTRATION_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(BIRTH_REGISTRATION_PROVINCE_CODES['001']).toBe('Hà Nội');
    expect(BIRTH_REGISTRATION_PROVINCE_CODES['096']).toBe('Cà Mau');
    expect(BIRTH_REGISTRATION_PROVINCE_CODES['042']).toBe('Hà Tĩnh');
  });
});

describe('phone numbers', () => {
  it('normalises mobile numbers, including +84', () => {
    expect(normalisePhone('0912345678')).toBe('0912345678');
    expect(normalisePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('0912.345.678')).toBe('0912345678');
    expect(normalisePhone('0386-123-456')).toBe('0386123456');
    expect(normalisePhone('02393855555')).toBe('02393855555'); // Hà Tĩnh landline
  });

  it('rejects wrong lengths and prefixes', () => {
    expect(validatePhone('091234567')).toEqual(messages.phone);
    expect(validatePhone('09123456789')).toEqual(messages.phone);
    expect(validatePhone('0112345678')).toEqual(messages.phone);
    expect(validatePhone('0612345678')).toEqual(messages.phone);
    expect(validatePhone('+1 202 555 0100')).toEqual(messages.phone);
    expect(validatePhone('0912345678')).toBeNull();
  });
});

describe('email', () => {
  it('accepts ordinary addresses and rejects obvious mistakes', () => {
    expect(validateEmail('an.nguyen@gmail.com')).toBeNull();
    expect(validateEmail('an.nguyen@gmail')).toEqual(messages.email);
    expect(validateEmail('an nguyen@gmail.com')).toEqual(messages.email);
  });
});

describe('dates', () => {
  it('parses dd/mm/yyyy and refuses dates not on the calendar', () => {
    expect(parseDmy('05/09/1990')).toEqual({ year: 1990, month: 9, day: 5 });
    expect(parseDmy('5/9/1990')).toEqual({ year: 1990, month: 9, day: 5 });
    expect(parseDmy('31/02/2020')).toBeNull();
    expect(parseDmy('29/02/2023')).toBeNull();
    expect(parseDmy('29/02/2024')).not.toBeNull();
    expect(parseDmy('1990-09-05')).toBeNull();
    expect(normaliseDmy('5/9/1990')).toBe('05/09/1990');
  });

  it('gives clear messages', () => {
    expect(validateDate('31/02/2020', NOW)).toEqual(messages.dateNotReal);
    expect(validateDate('2020-02-01', NOW)).toEqual(messages.dateFormat);
    expect(validateDate('25/11/2026', NOW)).toEqual(messages.dateFuture);
    expect(validateDate('24/11/2026', NOW)).toBeNull();
    expect(validateDate('01/01/1900', NOW, { maxAgeYears: 120 })).toEqual(messages.tooOld(120));
    expect(validateDate('25/11/1906', NOW, { maxAgeYears: 120 })).toBeNull();
  });

  it('uses the Vietnamese date whatever the machine zone (tests run in UTC)', () => {
    // 17:30 UTC on 24/11 is 00:30 on 25/11 in Vietnam: a child born "today" is fine.
    const justAfterMidnightVn = new Date('2026-11-24T17:30:00Z');
    expect(vietnamCalendarDate(justAfterMidnightVn)).toEqual({ year: 2026, month: 11, day: 25 });
    expect(validateDate('25/11/2026', justAfterMidnightVn)).toBeNull();
    expect(validateDate('26/11/2026', justAfterMidnightVn)).toEqual(messages.dateFuture);
  });

  it('counts completed years', () => {
    expect(ageInYears({ year: 2006, month: 11, day: 24 }, { year: 2026, month: 11, day: 24 })).toBe(20);
    expect(ageInYears({ year: 2006, month: 11, day: 25 }, { year: 2026, month: 11, day: 24 })).toBe(19);
  });
});

describe('marriage age (Law on Marriage and Family 2014, Art. 8)', () => {
  it('a man must have turned 20 on the day', () => {
    expect(validateMarriageAge('24/11/2006', 'male', NOW)).toBeNull();
    expect(validateMarriageAge('25/11/2006', 'male', NOW)).toEqual(messages.marriageAge('male'));
  });
  it('a woman must have turned 18 on the day', () => {
    expect(validateMarriageAge('24/11/2008', 'female', NOW)).toBeNull();
    expect(validateMarriageAge('25/11/2008', 'female', NOW)).toEqual(messages.marriageAge('female'));
    expect(messages.marriageAge('female').vi).toContain('từ đủ 18 tuổi');
  });
});

describe('numbers', () => {
  it('accepts dot thousands separators and checks bounds', () => {
    expect(validateNumber('1.500.000', { integer: true, min: 0 })).toBeNull();
    expect(validateNumber('abc')).toEqual(messages.number);
    expect(validateNumber('0', { min: 1 })).toEqual(messages.minNumber(1));
    expect(validateNumber('1,5', { integer: true })).toEqual(messages.integer);
  });
});

describe('text', () => {
  it('normalises NFD to NFC; đ has no decomposition and is folded explicitly', () => {
    const nfd = 'Nguyễn Thị Đào'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Đào');
    expect(nfc(nfd)).toBe('Nguyễn Thị Đào');
    expect(cleanText(`  ${nfd}  `)).toBe('Nguyễn Thị Đào');
    expect(fold('Đắk Nông')).toBe('dak nong');
  });
});

describe('capitaliseWords', () => {
  it.each([
    ['nguyễn văn ân', 'Nguyễn Văn Ân'],
    ['đặng thị ửng', 'Đặng Thị Ửng'],
    ['  lê  thị', '  Lê  Thị'],
    ["h'hen niê", "H'Hen Niê"],
    ['bà rịa - vũng tàu', 'Bà Rịa - Vũng Tàu'],
    ['xã gia lâm (huyện cũ)', 'Xã Gia Lâm (Huyện Cũ)'],
    ['NGUYỄN mcDonald', 'NGUYỄN McDonald'],
    ['số 5', 'Số 5'],
    ['', ''],
  ])('%s → %s', (typed, expected) => {
    expect(capitaliseWords(typed)).toBe(expected);
  });
  it('returns NFC', () => {
    expect(capitaliseWords('nguyễn'.normalize('NFD'))).toBe('Nguyễn');
  });
});
