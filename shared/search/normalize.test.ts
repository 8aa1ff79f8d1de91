import { describe, expect, it } from 'vitest';
import {
  canonicalToneSeat,
  foldToken,
  markedTokens,
  normalizeForSearch,
  stripDiacritics,
  toNfc,
} from './normalize.ts';

describe('normalizeForSearch', () => {
  it('folds tones, vowel marks and case', () => {
    expect(normalizeForSearch('Chứng thực bản sao từ bản chính')).toBe('chung thuc ban sao tu ban chinh');
    expect(normalizeForSearch('NGƯỜI CÓ CÔNG')).toBe('nguoi co cong');
  });

  it('maps đ and Đ to d, which NFD alone leaves untouched', () => {
    expect('đ'.normalize('NFD')).toBe('đ');
    expect(normalizeForSearch('Đăng ký đất đai')).toBe('dang ky dat dai');
  });

  it('gives the same key for NFC and NFD input', () => {
    const nfc = 'Đăng ký khai sinh'.normalize('NFC');
    const nfd = 'Đăng ký khai sinh'.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(normalizeForSearch(nfd)).toBe(normalizeForSearch(nfc));
    expect(markedTokens(nfd)).toEqual(['đăng', 'ký', 'khai', 'sinh']);
  });

  it('collapses whitespace and punctuation of any kind', () => {
    expect(normalizeForSearch('  Thay đổi,  cải chính – bổ sung\t(hộ tịch)\n')).toBe(
      'thay doi cai chinh bo sung ho tich',
    );
    expect(normalizeForSearch('')).toBe('');
    expect(normalizeForSearch(' .,;- ')).toBe('');
  });

  it('keeps a procedure code as one token', () => {
    expect(normalizeForSearch('Mã 2.000815')).toBe('ma 2.000815');
  });
});

describe('helpers', () => {
  it('toNfc composes decomposed text', () => {
    expect(toNfc('khai sinh ế'.normalize('NFD'))).toBe('khai sinh ế'.normalize('NFC'));
  });
  it('stripDiacritics keeps case and punctuation', () => {
    expect(stripDiacritics('Đắk Nông, Hà Tĩnh')).toBe('Dak Nong, Ha Tinh');
  });
  it('foldToken lower-cases and strips', () => {
    expect(foldToken('ĐƯỢC')).toBe('duoc');
  });
});

describe('canonicalToneSeat', () => {
  it('gives the old and the new tone placement of oa, oe, uy the same token', () => {
    const pairs: [string, string][] = [
      ['xóa', 'xoá'],
      ['hòa', 'hoà'],
      ['khỏe', 'khoẻ'],
      ['thúy', 'thuý'],
      ['ủy', 'uỷ'],
    ];
    for (const [a, b] of pairs) expect(canonicalToneSeat(a)).toBe(canonicalToneSeat(b));
    expect(markedTokens('Xóa đăng ký, Ủy ban')).toEqual(markedTokens('Xoá đăng ký, Uỷ ban'));
  });

  it('leaves syllables whose tone has only one seat as they are', () => {
    for (const word of ['hoàng', 'toàn', 'quý', 'khuya', 'giải', 'oa', 'đăng'])
      expect(canonicalToneSeat(word)).toBe(word);
  });
});
