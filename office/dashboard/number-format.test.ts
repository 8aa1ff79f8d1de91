import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './number-format.ts';

describe('report numbers', () => {
  it('writes shares with a % sign in each language’s number style', () => {
    expect(formatPercent(0.125, 'vi')).toBe('12,5%');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(1, 'vi')).toBe('100%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(1 / 6, 'vi')).toBe('16,7%');
    expect(formatPercent(null, 'vi')).toBe('—');
  });

  it('writes counts and minutes with the language’s separators', () => {
    expect(formatNumber(1234, 'vi')).toBe('1.234');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(8.25, 'vi')).toBe('8,3');
    expect(formatNumber(undefined, 'en')).toBe('—');
  });
});
