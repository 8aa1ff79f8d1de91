import { describe, expect, it } from 'vitest';
import { nameInitials } from './name-initials.ts';

describe('nameInitials', () => {
  it('keeps one capital letter per word, diacritics included', () => {
    expect(nameInitials('Nguyễn Văn An')).toBe('N.V.A.');
    expect(nameInitials('  đặng   thị  ánh ')).toBe('Đ.T.Á.');
    expect(nameInitials('Ê Ban')).toBe('Ê.B.');
    expect(nameInitials('')).toBe('');
  });
});
