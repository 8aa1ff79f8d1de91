import { describe, expect, it } from 'vitest';
import vi from './locales/vi.json';
import en from './locales/en.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('locales', () => {
  it('vi and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
  it('no string is empty', () => {
    for (const [name, lang] of Object.entries({ vi, en })) {
      const flat = keys(lang);
      for (const k of flat) {
        const value = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], lang);
        expect(typeof value === 'string' && value.trim().length > 0, `${name}:${k}`).toBe(true);
      }
    }
  });
});
