/**
 * The Vietnamese reading normaliser: turns what a screen or slip shows into what should
 * be said. Each rule turns its matches into words only (no digits left), so a later rule
 * never reads the same characters twice; rules run from the most specific (codes) to the
 * most general (bare numbers). Pure: the kiosk's speech service and the office's spoken
 * queue calls use the same function.
 */
import { DEFAULT_LEXICON, type SpeechLexicon } from './lexicon.ts';
import { digitWord, numberToWords, numeralToWords, readDigits } from './numbers.ts';

/** Letters read one by one in codes, by their Vietnamese names. */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'A',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  E: 'E',
  F: 'ép',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e lờ',
  M: 'em mờ',
  N: 'en nờ',
  O: 'O',
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét',
  T: 'tê',
  U: 'U',
  V: 'vê',
  W: 'vê kép',
  X: 'ích',
  Y: 'i dài',
  Z: 'dét',
};

const WEEKDAYS: Readonly<Record<string, string>> = {
  '2': 'thứ Hai',
  '3': 'thứ Ba',
  '4': 'thứ Tư',
  '5': 'thứ Năm',
  '6': 'thứ Sáu',
  '7': 'thứ Bảy',
};

/** A code read piece by piece: letters by name, digits one by one, "." and "-" said. */
export function readCode(code: string): string {
  const words: string[] = [];
  for (const ch of code.toUpperCase()) {
    if (/\d/.test(ch)) words.push(digitWord(ch));
    else if (ch === '.') words.push('chấm');
    else if (ch === '-' || ch === '–') words.push('gạch');
    else if (ch === '/') words.push('xuyệt');
    else if (LETTER_NAMES[ch]) words.push(LETTER_NAMES[ch]);
  }
  return words.join(' ');
}

/**
 * A ticket number as the queue calls it: "A-023" → "A không hai ba". The digits are said
 * one by one (with the leading zeros) because that is how the number shows on the ticket.
 */
export function readTicketNumber(ticket: string): string {
  const m = /^([A-ZĐ]{1,2})-?(\d{1,4})$/u.exec(ticket.trim().toUpperCase());
  if (!m) return readCode(ticket);
  const letters = [...m[1]!].map((l) => LETTER_NAMES[l] ?? l).join(' ');
  return `${letters} ${readDigits(m[2]!)}`;
}

function isDate(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function readDate(day: string, month: string, year?: string): string {
  const text = `ngày ${numberToWords(Number(day))} tháng ${numberToWords(Number(month))}`;
  return year ? `${text} năm ${numberToWords(Number(year))}` : text;
}

function readTime(hour: string, minute: string | undefined): string {
  const h = `${numberToWords(Number(hour))} giờ`;
  return minute === undefined || Number(minute) === 0 ? h : `${h} ${numberToWords(Number(minute))} phút`;
}

// Boundaries that also work next to Vietnamese letters (\b is ASCII-only).
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const re = (source: string) => new RegExp(source, 'gu');

const NUMERAL = '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?';
const TIME = '(?:[01]?\\d|2[0-3])(?::[0-5]\\d|h[0-5]\\d|h|g[0-5]\\d)';
const DATE = '\\d{1,2}/\\d{1,2}(?:/\\d{4})?';

interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const RULES: readonly Rule[] = [
  // Legal references: "23/2015/NĐ-CP" → "số hai mươi ba năm hai nghìn … NĐ-CP" (the lexicon reads the rest).
  {
    pattern: re(`${B}(\\d{1,4})/(\\d{4})/(?=[\\p{Lu}])`),
    replace: (_, n, y) => `số ${numberToWords(Number(n))} năm ${numberToWords(Number(y))} `,
  },
  // Ticket numbers: "A-023", "B12".
  {
    pattern: re(`${B}([A-Z])-?(\\d{2,4})${E}(?![.-]\\w)`),
    replace: (m) => readTicketNumber(m),
  },
  // Dossier and other codes mixing capitals and digits with separators: "H42.18562.K02-261124-0001".
  {
    pattern: re(`${B}(?=[A-ZĐ0-9.-]*[A-ZĐ])(?=[A-ZĐ0-9.-]*\\d)[A-ZĐ0-9]+(?:[.-][A-ZĐ0-9]+)+${E}`),
    replace: (m) => readCode(m),
  },
  // National procedure codes: "2.000815" (not a thousands grouping: six digits after the dot).
  { pattern: re(`${B}\\d\\.\\d{6}${E}`), replace: (m) => readCode(m) },
  // Phone numbers and long identifiers: digit by digit.
  {
    pattern: re(`${B}(?:\\+84|0)\\d{8,10}${E}|${B}\\d{12}${E}`),
    replace: (m) => readCode(m.replace('+', '')),
  },
  // ISO dates: "2026-11-23".
  {
    pattern: re(`${B}(?:ngày\\s+)?(\\d{4})-(\\d{2})-(\\d{2})${E}`),
    replace: (m, y, mo, d) => (isDate(Number(d), Number(mo)) ? readDate(d, mo, y) : m),
  },
  // Ranges of times, dates or numbers: "07:30–11:30", "3 - 5 ngày", "1-2 bản".
  {
    pattern: re(
      `([Tt]ừ\\s+)?${B}(${TIME}|${DATE}|${NUMERAL})(\\s*[–—]\\s*|\\s+-\\s+|-)(${TIME}|${DATE}|${NUMERAL})${E}`,
    ),
    replace: (_, from, a, _sep, b) => `${from ?? 'từ '}${a} đến ${b}`,
  },
  // Dates: "23/11/2026", "ngày 23/11".
  {
    pattern: re(`${B}((?:ngày|[Tt]ừ|đến|trước|sau)\\s+)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?${E}`),
    // Without a year or a word that announces a date, only dd/mm written in full is one ("1/2" may be a half).
    replace: (m, prefix: string | undefined, d, mo, y) =>
      isDate(Number(d), Number(mo)) && (y || prefix || (d.length === 2 && mo.length === 2))
        ? `${prefix && !prefix.startsWith('ngày') ? prefix : ''}${readDate(d, mo, y)}`
        : m,
  },
  // Times: "13:30", "7h30", "7h", "15g00".
  {
    pattern: re(`${B}([01]?\\d|2[0-3])(?::([0-5]\\d)|[hg]([0-5]\\d)?)${E}`),
    replace: (_, h, m1, m2) => readTime(h, m1 ?? m2),
  },
  // Money: "2.000 đ", "50.000đ/bản", "1.000.000 VND".
  {
    pattern: re(`${B}(${NUMERAL})\\s*(?:đồng|đ|₫|VNĐ|VND)(?:/(\\p{L}+))?${E}`),
    replace: (_, n, per) => `${numeralToWords(n)} đồng${per ? ` một ${per}` : ''}`,
  },
  // Percentages: "2,5%".
  { pattern: re(`${B}(${NUMERAL})\\s*%`), replace: (_, n) => `${numeralToWords(n)} phần trăm` },
  // Weekdays: "Thứ 2", "thứ 7", "T2", "CN"; "thứ 1" is the ordinal "thứ nhất".
  { pattern: re(`${B}[Tt]hứ\\s*([2-7])${E}`), replace: (_, d) => WEEKDAYS[d]! },
  { pattern: re(`${B}T([2-7])${E}`), replace: (_, d) => WEEKDAYS[d]! },
  { pattern: re(`${B}[Tt]hứ\\s*1${E}`), replace: () => 'thứ nhất' },
  { pattern: re(`${B}CN${E}`), replace: () => 'Chủ nhật' },
  // Remaining numbers.
  { pattern: re(`${B}(${NUMERAL})${E}`), replace: (m) => numeralToWords(m) },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lexiconPattern(lexicon: SpeechLexicon): RegExp | null {
  const keys = Object.keys(lexicon).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return null;
  return new RegExp(`${B}(?:${keys.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

const patternCache = new WeakMap<SpeechLexicon, RegExp | null>();

function cachedLexiconPattern(lexicon: SpeechLexicon): RegExp | null {
  if (!patternCache.has(lexicon)) patternCache.set(lexicon, lexiconPattern(lexicon));
  return patternCache.get(lexicon)!;
}

export interface NormaliseOptions {
  /** Abbreviations and their readings; default DEFAULT_LEXICON (see mergeLexicon for an office's). */
  lexicon?: SpeechLexicon;
}

/** What to say for a text shown on screen or printed: every number, date, code and abbreviation in words. */
export function normaliseForSpeech(text: string, options: NormaliseOptions = {}): string {
  const lexicon = options.lexicon ?? DEFAULT_LEXICON;
  let out = text.normalize('NFC');
  // Abbreviations first: "NĐ-CP" must not be read as a code; their readings hold no digits.
  const pattern = cachedLexiconPattern(lexicon);
  if (pattern) out = out.replace(pattern, (m) => lexicon[m] ?? m);
  for (const rule of RULES) {
    out = out.replace(rule.pattern, rule.replace as (substring: string, ...args: string[]) => string);
  }
  return out
    .replace(/[*_#|<>[\]{}]/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
