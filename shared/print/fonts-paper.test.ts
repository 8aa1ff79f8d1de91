import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFontFaceCss, PRINT_FONT_FILES, withPrintFonts, woff2DataUrl } from './fonts.ts';
import { assertSafeCss, escapeHtml, escapeMultiline } from './html.ts';
import { clampRollHeight, cssPxToMm, pageSizeMicrons, paperSpec, A4_PORTRAIT } from './paper.ts';
import { placeName, vietnameseDateWords } from './common.ts';
import { vn } from '../domain/test-support.ts';
import { loadAdminUnits } from '../admin-units/index.ts';

// Place codes in the forms are checked against the administrative units, fetched on demand.
beforeAll(() => loadAdminUnits());

const fontsDir = new URL('../../assets/fonts/', import.meta.url);
const readFont = (file: string): string => readFileSync(new URL(file, fontsDir)).toString('base64');
const allFonts = (): Record<string, string> =>
  Object.fromEntries(PRINT_FONT_FILES.map((f) => [f.file, woff2DataUrl(readFont(f.file))]));

describe('print fonts', () => {
  it('ships every listed file as woff2, with the OFL licence and a README', () => {
    for (const f of PRINT_FONT_FILES) {
      const bytes = readFileSync(new URL(f.file, fontsDir));
      expect(bytes.subarray(0, 4).toString('latin1'), f.file).toBe('wOF2');
    }
    expect(readFileSync(new URL('OFL.txt', fontsDir), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(existsSync(new URL('README.md', fontsDir))).toBe(true);
  });

  it('covers the Vietnamese letters in regular and bold', () => {
    const vietnamese = PRINT_FONT_FILES.filter((f) => f.file.includes('-vietnamese-'));
    expect(vietnamese.map((f) => `${f.weight} ${f.style}`).sort()).toEqual([
      '400 italic',
      '400 normal',
      '700 normal',
    ]);
    // ạ (U+1EA1), ư (U+01B0), đ (U+0111), ₫ (U+20AB) fall in the Vietnamese subset's range.
    for (const cp of [0x1ea1, 0x01b0, 0x0111, 0x20ab]) {
      const inRange = vietnamese[0]!.unicodeRange.split(',').some((part) => {
        const [a, b] = part.replace('U+', '').split('-');
        const lo = parseInt(a!, 16);
        const hi = b === undefined ? lo : parseInt(b, 16);
        return cp >= lo && cp <= hi;
      });
      expect(inRange, cp.toString(16)).toBe(true);
    }
  });

  it('builds @font-face rules from data URLs only', () => {
    const css = buildFontFaceCss(allFonts());
    expect(css.match(/@font-face/g)?.length).toBe(PRINT_FONT_FILES.length);
    expect(css).toContain("font-family: 'Tinos';");
    expect(css).toContain('unicode-range: U+0102-0103');
    expect(css).toContain('src: url(data:font/woff2;base64,');
    const missing = allFonts();
    delete missing['tinos-vietnamese-700-normal.woff2'];
    expect(() => buildFontFaceCss(missing)).toThrow(/tinos-vietnamese-700-normal/);
    expect(() =>
      buildFontFaceCss({ ...allFonts(), 'tinos-latin-400-normal.woff2': 'https://example.com/x.woff2' }),
    ).toThrow(RangeError);
    expect(() => woff2DataUrl('not base64!')).toThrow(RangeError);
  });

  it('adds the fonts to a document built without them', () => {
    const html = '<!DOCTYPE html><html><head><title>&lt;/head&gt;</title></head><body></body></html>';
    const out = withPrintFonts(html, '@font-face { font-family: x; }');
    expect(out).toContain('<style data-print-fonts>\n@font-face { font-family: x; }\n</style>\n</head>');
    expect(() => withPrintFonts('<p>no head</p>', '')).toThrow(RangeError);
    expect(() => withPrintFonts(html, '</style><script>')).toThrow(RangeError);
  });
});

describe('escaping', () => {
  it('escapes the five HTML characters and normalises to NFC', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`a & "b" 'c'`)).toBe('a &amp; &quot;b&quot; &#39;c&#39;');
    expect(escapeHtml('Nguyễn'.normalize('NFD'))).toBe('Nguyễn'.normalize('NFC'));
    expect(escapeMultiline('a<b\r\nc')).toBe('a&lt;b<br>c');
    expect(() => assertSafeCss('a{}</STYLE >')).toThrow(RangeError);
    expect(() => assertSafeCss('<!-- x')).toThrow(RangeError);
  });
});

describe('paper', () => {
  it('gives each paper its sheet and Electron page size', () => {
    expect(paperSpec('A5').cssSize).toBe('A5 portrait');
    expect(paperSpec('A4').cssSize).toBe('A4 landscape');
    expect(pageSizeMicrons(paperSpec('A4'))).toEqual({ width: 210000, height: 297000 });
    expect(pageSizeMicrons(A4_PORTRAIT)).toEqual({ width: 210000, height: 297000 });
    expect(pageSizeMicrons(paperSpec('A5'))).toEqual({ width: 148000, height: 210000 });
    expect(pageSizeMicrons(paperSpec('80mm', 212))).toEqual({ width: 80000, height: 212000 });
    expect(paperSpec('80mm', 212).cssSize).toBe('80mm 212mm');
  });

  it('bounds the roll length and converts measured CSS pixels', () => {
    expect(clampRollHeight(10)).toBe(100);
    expect(clampRollHeight(5000)).toBe(600);
    expect(clampRollHeight(Number.NaN)).toBe(100);
    expect(clampRollHeight(150.2)).toBe(151);
    expect(cssPxToMm(96)).toBeCloseTo(25.4);
  });
});

describe('place and date', () => {
  it('drops the unit type from the commune name', () => {
    const office = { name: 'x', communeCode: '01864', provinceCode: '19', agencyCode: 'X', address: 'y' };
    expect(placeName({ office })).toBe('Bằng Thành');
    expect(placeName({ office: { ...office, communeCode: '00004' } })).toBe('Ba Đình');
    expect(placeName({ office: { ...office, communeCode: '99999', address: 'Xã Nà Hang, tỉnh X' } })).toBe(
      'Nà Hang',
    );
  });

  it('writes the date in words, zero-padded below 10 and for January and February', () => {
    expect(vietnameseDateWords(vn('2026-11-24 09:00'))).toBe('ngày 24 tháng 11 năm 2026');
    expect(vietnameseDateWords(vn('2027-01-09 09:00'))).toBe('ngày 09 tháng 01 năm 2027');
    expect(vietnameseDateWords(vn('2027-03-10 09:00'))).toBe('ngày 10 tháng 3 năm 2027');
  });
});
