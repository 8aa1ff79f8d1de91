import { describe, expect, it } from 'vitest';
import vi from './locales/vi.json';
import en from './locales/en.json';
import { DOSSIER_STATUSES } from '../../../shared/domain/dossier.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('status look-up strings', () => {
  it('vi and en have the same keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    for (const lang of [vi, en]) {
      for (const k of keys(lang)) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], lang);
        expect(typeof v === 'string' && v.trim() !== '', k).toBe(true);
      }
    }
  });
  it('every office status has a name and a plain-language explanation', () => {
    for (const s of DOSSIER_STATUSES) {
      expect(vi.status[s], s).toBeTruthy();
      expect(vi.statusDetail[s], s).toBeTruthy();
      expect(en.status[s], s).toBeTruthy();
      expect(en.statusDetail[s], s).toBeTruthy();
    }
    expect(vi.status['result-ready']).toBe('Có kết quả');
  });
});
