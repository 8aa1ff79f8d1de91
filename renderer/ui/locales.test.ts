import { describe, expect, it } from 'vitest';
import vi from './locales/vi.json';
import en from './locales/en.json';
import { TONE_NAMES } from './keyboard/vietnamese-input.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('shared component strings', () => {
  it('vi and en have the same keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    for (const lang of [vi, en]) {
      for (const k of keys(lang)) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], lang);
        expect(typeof v === 'string' && v.trim() !== '', k).toBe(true);
      }
    }
  });
  it('every tone key is named by its Vietnamese tone, in both languages', () => {
    const vietnamese = { acute: 'sắc', grave: 'huyền', hook: 'hỏi', tilde: 'ngã', dot: 'nặng' };
    for (const tone of TONE_NAMES) {
      expect(vi.keyboard.tone[tone]).toBe(`Dấu ${vietnamese[tone]}`);
      expect(en.keyboard.tone[tone]).toContain(vietnamese[tone]);
    }
  });
});
