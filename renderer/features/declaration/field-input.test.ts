import { describe, expect, it } from 'vitest';
import {
  composesVietnamese,
  formatDateTyping,
  formatTimeTyping,
  inputKindOf,
  normaliseTyped,
} from './field-input.ts';

describe('date typing', () => {
  it.each([
    ['', ''],
    ['1', '1'],
    ['15', '15'],
    ['150', '15/0'],
    ['1503', '15/03'],
    ['15031', '15/03/1'],
    ['15031995', '15/03/1995'],
    ['150319951', '15/03/1995'],
    ['15/03/1995', '15/03/1995'],
    ['15/0', '15/0'],
    ['15/', '15'],
    ['a1b5', '15'],
  ])('%s → %s', (typed, shown) => {
    expect(formatDateTyping(typed)).toBe(shown);
  });
});

describe('time and digits', () => {
  it('inserts the colon', () => {
    expect(formatTimeTyping('0930')).toBe('09:30');
    expect(formatTimeTyping('09')).toBe('09');
  });
  it('keeps digits only, up to the length of the number', () => {
    expect(normaliseTyped({ type: 'personal-id' }, '001 095-0123456789')).toBe('001095012345');
    expect(normaliseTyped({ type: 'phone' }, '0912 345 678')).toBe('0912345678');
  });
  it('normalises text to NFC', () => {
    expect(normaliseTyped({ type: 'name' }, 'Nguye\u0302\u0303n')).toBe('Nguyễn');
  });
});

describe('capitals as typed', () => {
  it.each([
    [{ type: 'name' }, 'nguyễn văn ân', 'Nguyễn Văn Ân'],
    [{ type: 'name' }, 'đỗ thị', 'Đỗ Thị'],
    [{ type: 'ethnicity' }, 'tày', 'Tày'],
    [{ type: 'nationality' }, 'việt nam', 'Việt Nam'],
    [{ type: 'text', capitalise: 'words' }, 'xã gia lâm, hà nội', 'Xã Gia Lâm, Hà Nội'],
    [{ type: 'text' }, 'bằng tốt nghiệp', 'bằng tốt nghiệp'],
    [{ type: 'address-detail' }, 'thôn nà phầy', 'thôn nà phầy'],
    [{ type: 'email' }, 'an@example.vn', 'an@example.vn'],
  ] as const)('%o: %s → %s', (field, typed, stored) => {
    expect(normaliseTyped(field, typed)).toBe(stored);
  });
});

describe('input kinds', () => {
  it('uses the keypad for numbers and the keyboard for text', () => {
    expect(inputKindOf('personal-id')).toBe('digits');
    expect(inputKindOf('date')).toBe('date');
    expect(inputKindOf('name')).toBe('text');
    expect(inputKindOf('sex')).toBe('choice');
    expect(composesVietnamese('email')).toBe(false);
    expect(composesVietnamese('address-detail')).toBe(true);
  });
});
