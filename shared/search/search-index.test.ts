import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './search-index.ts';
import { DOMAIN_FACTS_PROCEDURES } from './__fixtures__/procedures.ts';

const index = createSearchIndex(DOMAIN_FACTS_PROCEDURES);
const top = (query: string): string | undefined => index.search(query)[0]?.code;
const codes = (query: string, limit?: number): string[] => index.search(query, limit).map((h) => h.code);

const KHAI_SINH = '1.001193';
const CHUNG_THUC_BAN_SAO = '2.000815';

describe('search forgives what citizens type', () => {
  it('finds procedures typed without diacritics', () => {
    expect(top('dang ky khai sinh')).toBe(KHAI_SINH);
    expect(top('dang ky ket hon')).toBe('1.000894');
    expect(codes('chung thuc').slice(0, 3).sort()).toEqual(['2.000815', '2.000884', '2.000913']);
  });

  it('treats NFD input like NFC', () => {
    expect(index.search('Đăng ký khai sinh'.normalize('NFD'))).toEqual(
      index.search('Đăng ký khai sinh'.normalize('NFC')),
    );
    expect(top('Đăng ký khai sinh'.normalize('NFD'))).toBe(KHAI_SINH);
  });

  it('matches đ typed as d, and ranks the diacritic-correct query at least as high', () => {
    expect(top('dang ky khai tu')).toBe('1.000656');
    const bare = index.search('dang ky khai sinh')[0]!;
    const marked = index.search('đăng ký khai sinh')[0]!;
    expect(marked.code).toBe(KHAI_SINH);
    expect(marked.score).toBeGreaterThan(bare.score);
  });

  it('forgives typos', () => {
    expect(top('khai sihn')).toBe(KHAI_SINH);
    expect(top('dang ki khai sinh')).toBe(KHAI_SINH);
    expect(codes('chúng thưc', 3)).toContain(CHUNG_THUC_BAN_SAO);
    expect(top('chung thuc chu kyy')).toBe('2.000884');
  });

  it('ranks exact matches above fuzzy ones', () => {
    const exact = index.search('khai sinh')[0]!;
    const typo = index.search('khai sihn')[0]!;
    expect(exact.code).toBe(typo.code);
    expect(exact.score).toBeGreaterThan(typo.score);
  });

  it('ignores word order', () => {
    expect(top('khai sinh đăng ký')).toBe(KHAI_SINH);
    expect(top('hon nhan xac nhan tinh trang')).toBe('1.004873');
  });

  it('completes the word being typed', () => {
    expect(top('dang ky khai s')).toBe(KHAI_SINH);
    expect(top('đăng ký kết h')).toBe('1.000894');
    expect(codes('xac nhan tinh tr')).toContain('1.004873');
  });

  it('does not treat a finished word as a prefix', () => {
    // "khai t" (typing) may mean "khai tử"; "khai t " (finished) has no word "t".
    expect(top('dang ky khai t')).toBe('1.000656');
    expect(codes('khai t')).toContain('1.000656');
    expect(codes('khai t ')).toEqual([]);
  });

  it('matches the words people use (aliases)', () => {
    expect(top('làm giấy khai sinh')).toBe(KHAI_SINH);
    expect(top('lam giay khai sinh')).toBe(KHAI_SINH);
    expect(top('công chứng')).toBe(CHUNG_THUC_BAN_SAO);
    expect(top('so do')).toBe('1.011441');
    expect(top('sổ đỏ')).toBe('1.011441');
    expect(top('giay doc than')).toBe('1.004873');
  });

  it('finds a procedure by its national code, whole or while typing', () => {
    expect(index.search('2.000815')).toEqual([{ code: CHUNG_THUC_BAN_SAO, score: expect.any(Number) }]);
    expect(top('000815')).toBe(CHUNG_THUC_BAN_SAO);
    expect(codes('2.0009').sort()).toEqual(['2.000908', '2.000913']);
  });

  it('accepts syllables typed without the space', () => {
    expect(top('khaisinh')).toBe(KHAI_SINH);
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search(' .,- ')).toEqual([]);
  });

  it('returns nothing for words no procedure carries', () => {
    expect(index.search('xyzzy quux')).toEqual([]);
  });

  it('respects the limit and orders by score', () => {
    const hits = index.search('dang ky', 3);
    expect(hits).toHaveLength(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(index.search('dang ky', 0)).toEqual([]);
  });

  it('also matches the English name', () => {
    expect(top('birth registration')).toBe(KHAI_SINH);
  });

  it('treats xóa and xoá (either tone placement) as the same word', () => {
    expect(index.search('xóa thế chấp')).toEqual(index.search('xoá thế chấp'));
    expect(top('xóa thế chấp')).toBe('1.011443');
  });

  it('finds words spread over a procedure’s aliases, below a match in one field', () => {
    const proc = (code: string, name: string, aliases: string[]) => ({
      code,
      name: { vi: name, en: name },
      aliases,
    });
    const spread = createSearchIndex([
      proc('1.011441', 'Đăng ký biện pháp bảo đảm', ['thế chấp sổ đỏ', 'đăng ký thế chấp']),
      proc('1.011443', 'Xóa đăng ký biện pháp bảo đảm', ['xoá thế chấp sổ đỏ', 'giải chấp', 'rút sổ đỏ']),
    ]);
    // "giải chấp" is one alias, "xoá thế chấp sổ đỏ" another: no field has all four words.
    const [hit] = spread.search('giai chap so do');
    expect(hit?.code).toBe('1.011443');
    const together = spread.search('the chap so do')[0]!;
    expect(together.code).toBe('1.011441');
    expect(hit!.score).toBeLessThan(together.score);
  });
});
