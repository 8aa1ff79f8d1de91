import { beforeAll, describe, expect, it } from 'vitest';
import { communesOf, findCommune, findProvince, loadAdminUnits, provinces } from './index.ts';

// Runs before the loading below (tests in a file run in order, each file in a fresh module graph).
describe('admin units before loading', () => {
  it('refuses a look-up instead of calling every code unknown', () => {
    expect(() => findCommune('00565')).toThrow(/loadAdminUnits/);
    expect(() => provinces()).toThrow(/loadAdminUnits/);
  });
});

describe('admin units (post-1-July-2025)', () => {
  beforeAll(() => loadAdminUnits());

  it('has 34 provinces and 3,321 communes', () => {
    expect(provinces()).toHaveLength(34);
    const total = provinces().reduce((n, p) => n + communesOf(p.code).length, 0);
    expect(total).toBe(3321);
  });

  it('finds the seed places on the new units', () => {
    expect(findCommune('00565')).toMatchObject({ name: 'Xã Gia Lâm', provinceCode: '01' });
    expect(findCommune('01864')?.formerly).toContain('Xã Bộc Bố');
    expect(findProvince('19')?.formerly).toContain('Tỉnh Bắc Kạn');
    expect(findProvince('68')?.formerly).toContain('Tỉnh Đắk Nông');
  });

  it('returns nothing for unknown codes', () => {
    expect(findCommune('99999')).toBeUndefined();
    expect(communesOf('00')).toEqual([]);
  });

  it('lists each commune under its own province', () => {
    for (const c of communesOf('42')) expect(c.provinceCode).toBe('42');
  });
});
