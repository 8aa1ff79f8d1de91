import { describe, expect, it } from 'vitest';
import { newPinProblem } from './pin-rules.ts';

describe('newPinProblem', () => {
  it('accepts a good PIN typed twice the same', () => {
    expect(newPinProblem('2580', '2580', 4)).toBeNull();
  });
  it('reports format problems before a mismatch, and a mismatch of good PINs', () => {
    expect(newPinProblem('258', '999', 4)).toBe('too-short');
    expect(newPinProblem('1234', '1234', 4)).toBe('too-simple');
    expect(newPinProblem('2580', '2581', 4)).toBe('mismatch');
  });
});
