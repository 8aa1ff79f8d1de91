import { describe, expect, it } from 'vitest';
import { fullJitterDelay, retryDelay } from './backoff.ts';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('full-jitter backoff', () => {
  it('grows the ceiling exponentially and caps it', () => {
    const top = () => 0.999999;
    expect(fullJitterDelay(0, policy, top)).toBe(999);
    expect(fullJitterDelay(1, policy, top)).toBe(1999);
    expect(fullJitterDelay(3, policy, top)).toBe(7999);
    expect(fullJitterDelay(10, policy, top)).toBe(59_999);
    expect(fullJitterDelay(1e9, policy, top)).toBe(59_999);
  });

  it('spreads delays over the whole range [0, ceiling)', () => {
    expect(fullJitterDelay(3, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(4000);
    // A random() that returns exactly 1 (or more) still stays below the ceiling.
    expect(fullJitterDelay(3, policy, () => 1)).toBeLessThan(8000);
    let seed = 7;
    const lcg = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const samples = Array.from({ length: 500 }, () => fullJitterDelay(4, policy, lcg));
    expect(Math.min(...samples)).toBeLessThan(2000);
    expect(Math.max(...samples)).toBeGreaterThan(14_000);
    expect(samples.every((d) => d >= 0 && d < 16_000)).toBe(true);
  });

  it('honours Retry-After, within the cap', () => {
    expect(retryDelay(0, policy, () => 0, 30_000)).toBe(30_000);
    expect(retryDelay(0, policy, () => 0, 10 * 60_000)).toBe(60_000);
    expect(retryDelay(5, policy, () => 0.9, 1000)).toBe(28_800);
  });
});
