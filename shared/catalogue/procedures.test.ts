import { describe, expect, it } from 'vitest';
import { CatalogueSchema } from '../domain/procedure.ts';
import { CATALOGUE, PROCEDURES, findProcedure } from './procedures.ts';

const DOMAIN_FACTS_CODES = [
  '2.000815',
  '2.000908',
  '2.000884',
  '2.000913',
  '1.004873',
  '1.000894',
  '1.001193',
  '1.000656',
  '1.004859',
  '1.001612',
  '2.000720',
  '1.011441',
  '1.011443',
];

describe('catalogue', () => {
  it('is valid against CatalogueSchema and unchanged by parsing', () => {
    const parsed = CatalogueSchema.parse(CATALOGUE);
    expect(parsed).toEqual(CATALOGUE);
  });

  it('has the 13 DOMAIN_FACTS procedures, each code once', () => {
    const codes = PROCEDURES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of DOMAIN_FACTS_CODES) expect(findProcedure(code), code).toBeDefined();
  });

  it('keeps Vietnamese text in NFC and gives every procedure aliases and sources', () => {
    for (const p of PROCEDURES) {
      expect(p.name.vi).toBe(p.name.vi.normalize('NFC'));
      for (const a of p.aliases) expect(a).toBe(a.normalize('NFC'));
      expect(p.aliases.length).toBeGreaterThan(2);
      expect(p.sources.some((s) => s.includes('DOMAIN_FACTS'))).toBe(true);
    }
  });

  it('matches DOMAIN_FACTS on fees and time limits', () => {
    expect(findProcedure('2.000815')?.fee.amountVnd).toBe(2000);
    expect(findProcedure('2.000884')?.fee.amountVnd).toBe(10000);
    expect(findProcedure('2.000913')?.fee.amountVnd).toBe(30000);
    expect(findProcedure('2.000908')?.fee.amountVnd).toBe(0);
    for (const code of ['1.004873', '1.004859', '1.001612', '2.000720', '1.011441', '1.011443'])
      expect(findProcedure(code)?.fee.amountVnd, code).toBeNull();
    for (const code of [
      '2.000815',
      '2.000908',
      '2.000884',
      '2.000913',
      '1.000894',
      '1.001193',
      '1.000656',
      '1.011441',
      '1.011443',
    ])
      expect(findProcedure(code)?.processingTime, code).toMatchObject({
        statutoryWorkingDays: 0,
        sameDayCutoff: '15:00',
      });
    for (const code of ['1.004873', '1.004859', '1.001612', '2.000720'])
      expect(findProcedure(code)?.processingTime, code).toMatchObject({
        statutoryWorkingDays: 3,
        sameDayCutoff: null,
      });
  });

  it('carries only the three national-portal URLs DOMAIN_FACTS gives', () => {
    const withUrl = PROCEDURES.filter((p) => p.portalUrl !== null).map((p) => [p.code, p.portalUrl]);
    expect(Object.fromEntries(withUrl)).toEqual({
      '1.001193': 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
      '1.000894': 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-a15eb239a6fe',
      '1.000656': 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9c6c958f2da4',
    });
  });

  it('cites only the legal bases DOMAIN_FACTS names', () => {
    const allowed = new Set([
      'Nghị định 23/2015/NĐ-CP',
      'Nghị định 120/2025/NĐ-CP',
      'Luật Hộ tịch 2014',
      'Nghị định 123/2015/NĐ-CP',
      'Thông tư 04/2020/TT-BTP',
      'Nghị định 168/2025/NĐ-CP',
      'Nghị định 99/2022/NĐ-CP',
    ]);
    for (const p of PROCEDURES) for (const l of p.legalBasis) expect(allowed.has(l), l).toBe(true);
  });

  it('knows the colloquial words people use', () => {
    const aliasOwner = (word: string) => PROCEDURES.find((p) => p.aliases.includes(word))?.code;
    expect(aliasOwner('làm giấy khai sinh')).toBe('1.001193');
    expect(aliasOwner('công chứng')).toBe('2.000815');
    expect(aliasOwner('sao y')).toBe('2.000815');
    expect(aliasOwner('giấy độc thân')).toBe('1.004873');
    expect(aliasOwner('xin xác nhận độc thân')).toBe('1.004873');
    expect(aliasOwner('đăng ký kinh doanh hộ')).toBe('1.001612');
    expect(aliasOwner('thế chấp sổ đỏ')).toBe('1.011441');
    expect(aliasOwner('xoá thế chấp')).toBe('1.011443');
    expect(aliasOwner('báo tử')).toBe('1.000656');
    expect(aliasOwner('ký xác nhận chữ ký')).toBe('2.000884');
  });
});
