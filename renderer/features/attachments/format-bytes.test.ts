import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it('uses 1024-based units with one decimal in each language style', () => {
    expect(formatBytes(0, 'vi')).toBe('0 B');
    expect(formatBytes(1023, 'vi')).toBe('1.023 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(8 * 1024 * 1024, 'vi')).toBe('8 MB');
    expect(formatBytes(1024 ** 3 * 1.25, 'en')).toBe('1.3 GB');
  });
});
