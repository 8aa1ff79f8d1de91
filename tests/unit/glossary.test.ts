/**
 * docs/glossary.md in force: every Vietnamese string the kiosk and the office dashboard
 * show uses the glossary's words. Each rule names the word it replaces and the one to use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { globSync } from 'node:fs';
import { REFORM_MODEL_LIST } from '../../shared/domain/reform-models.ts';
import { BROWSE_GROUPS } from '../../shared/catalogue/browse-groups.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// A word boundary for Vietnamese: JavaScript's \b only knows ASCII letters.
const W = (source: string) => new RegExp(`(?<![\\p{L}\\p{M}-])(?:${source})(?![\\p{L}\\p{M}])`, 'gu');

const GLOSSARY_RULES: readonly { replaced: RegExp; use: string }[] = [
  { replaced: W('[Bb]à con'), use: 'ông/bà (address) or người dân (about citizens)' },
  { replaced: W('[Bb]ạn'), use: 'ông/bà, or no pronoun in staff text' },
  { replaced: W('[Qq]uý khách'), use: 'ông/bà' },
  { replaced: W('[Kk]iosk'), use: 'ki-ốt' },
  { replaced: W('(?:[Gg]iấy )?[Bb]iên nhận'), use: 'giấy tiếp nhận' },
  { replaced: /Ngày không hẹn/gu, use: 'Ngày không giấy hẹn' },
  { replaced: /setupCode/gu, use: 'mã cài đặt' },
  // Except inside an official name (glossary: "Văn phòng UBND"; the land registration office).
  { replaced: W('[Vv]ăn phòng(?! UBND| [Đđ]ăng ký đất đai)'), use: 'cơ quan' },
  // Tone on the main vowel in oa / oe / uy syllables (Decision 1989/QĐ-BGDĐT, Art. 8).
  { replaced: W('\\p{L}*(?:[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])'), use: 'hoà, xoá, khoẻ, huỷ' },
];

/** Every string in a locale file, flat or nested, with its key. */
function strings(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
  }
  return [];
}

function glossaryViolations(text: string): string[] {
  return GLOSSARY_RULES.flatMap(({ replaced, use }) =>
    [...text.matchAll(replaced)].map((m) => `"${m[0]}" → ${use}`),
  );
}

const localeFiles = globSync(['renderer/**/locales/vi.json', 'office/locales/vi.json'], { cwd: ROOT }).sort();

describe('glossary', () => {
  it('finds the kiosk and office locale files', () => {
    expect(localeFiles).toContain(path.join('renderer', 'i18n', 'locales', 'vi.json'));
    expect(localeFiles).toContain(path.join('office', 'locales', 'vi.json'));
  });

  it('catches each replaced word, and leaves the glossary words alone', () => {
    expect(glossaryViolations('Bà con còn đang sử dụng không?')).toHaveLength(1);
    expect(glossaryViolations('Tờ khai của bạn vẫn được giữ nguyên.')).toHaveLength(1);
    expect(glossaryViolations('Kiosk chưa đăng ký.')).toHaveLength(1);
    expect(glossaryViolations('In lại biên nhận')).toHaveLength(1);
    expect(glossaryViolations('Ngày không hẹn')).toHaveLength(1);
    expect(glossaryViolations('hãy ghi mã cài đặt (setupCode)')).toHaveLength(1);
    expect(glossaryViolations('Đã kết nối văn phòng')).toHaveLength(1);
    expect(glossaryViolations('Xóa hết · hủy · mã hóa · khỏe · tùy')).toHaveLength(5);
    expect(
      glossaryViolations(
        'Ông/bà xoá, huỷ, khoá, hoà, khoẻ, tuỳ, Uỷ ban; ki-ốt; giấy tiếp nhận; Ngày không giấy hẹn; người dân; cơ quan; Văn phòng UBND tỉnh; Văn phòng đăng ký đất đai; quý, thuyền, hoạt, loạt, khuya, chúa',
      ),
    ).toEqual([]);
  });

  it.each(localeFiles)('%s uses the glossary words', (file) => {
    const json: unknown = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
    const found = strings(json).flatMap(([key, text]) => glossaryViolations(text).map((v) => `${key}: ${v}`));
    expect(found).toEqual([]);
  });

  it('the reform models and the catalogue fields the kiosk shows use the glossary words', () => {
    const texts = [
      ...REFORM_MODEL_LIST.flatMap((m) => [m.name.vi, m.explanation.vi]),
      ...BROWSE_GROUPS.flatMap((g) => [g.name.vi, g.examples.vi]),
    ];
    expect(texts.flatMap(glossaryViolations)).toEqual([]);
  });
});
