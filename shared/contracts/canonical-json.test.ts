import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

/**
 * The reference: the straightforward first version (map/filter/join), kept here so the
 * faster loops are checked against it. Not sorted-key JSON.stringify: that puts
 * integer-like keys ("2", "10") first, as JS property order does.
 */
function reference(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return JSON.stringify(value);
  if (Array.isArray(value))
    return '[' + value.map((v) => (v === undefined ? 'null' : reference(v))).join(',') + ']';
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + reference(record[k])).join(',') + '}';
}

describe('canonicalJson against the straightforward version', () => {
  it('agrees on generated nested values (strings with escapes, numbers, unicode keys)', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const keys = ['a', 'B', 'z', 'é', 'Ω', '10', '2', '', 'child.name', '"q"', '\u2028', 'k'.repeat(100)];
    const strings = ['', 'Nguyễn Văn An', '<b>x</b>', 'tab\there', 'quote " and \\', '\u0000\u001f', '😀'];
    const numbers = [0, -0, 1, -1.5, 1e21, 1e-7, 0.1, 2 ** 53, -123456.789];
    const gen = (depth: number): unknown => {
      const r = rand();
      if (depth > 3 || r < 0.3) return pick<unknown>([...strings, ...numbers, true, false, null]);
      if (r < 0.55) return Array.from({ length: Math.floor(rand() * 4) }, () => gen(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 5); i > 0; i--) o[pick(keys)] = gen(depth + 1);
      return o;
    };
    for (let i = 0; i < 500; i++) {
      const v = gen(0);
      expect(canonicalJson(v)).toBe(reference(v));
    }
  });

  it('gives the same text for the same key met again after caching, long keys included', () => {
    const long = 'x'.repeat(5000);
    const first = canonicalJson({ [long]: 1, b: { a: 2 } });
    expect(canonicalJson({ b: { a: 2 }, [long]: 1 })).toBe(first);
    expect(first).toBe(`{"b":{"a":2},"${long}":1}`);
  });

  it('writes arrays with undefined as null and skips undefined object values, like JSON.stringify', () => {
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson({ a: undefined })).toBe('{}');
    expect(canonicalJson({ a: undefined, b: undefined, c: 1 })).toBe('{"c":1}');
    expect(canonicalJson(Object.create(null) as object)).toBe('{}');
    expect(() => canonicalJson([() => 1])).toThrow(TypeError);
    expect(() => canonicalJson({ a: Symbol('s') })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
  });
});
