import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance.ts';

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions and deletions', () => {
    expect(boundedEditDistance('sinh', 'sinh', 2)).toBe(0);
    expect(boundedEditDistance('sinh', 'sanh', 2)).toBe(1);
    expect(boundedEditDistance('sinh', 'sin', 2)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3);
  });
  it('counts an adjacent transposition as one edit', () => {
    expect(boundedEditDistance('sihn', 'sinh', 1)).toBe(1);
  });
  it('stops at the bound', () => {
    expect(boundedEditDistance('khai', 'hon', 1)).toBe(2);
    expect(boundedEditDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(boundedEditDistance('', 'ab', 2)).toBe(2);
  });
});
