/**
 * Vietnamese input methods (Telex and VNI) as a pure function: the text so far plus one
 * key gives the new text. Used by the on-screen keyboard and by physical-keyboard input,
 * so both type Vietnamese the same way. Output is always NFC.
 *
 * Tone placement, the style docs/glossary.md fixes for the kiosk (on the main vowel,
 * Decision 1989/QĐ-BGDĐT, Art. 8): on the vowel carrying a shape mark (â ê ô ơ ư ă; ơ in
 * ươ); otherwise on the last vowel of the cluster when a final consonant follows; otherwise
 * on the middle of three vowels, on the second of "oa", "oe", "uy" and on the first of any
 * other two. So "hoà", "khoẻ", "thuỷ" (not "hòa", "khỏe", "thủy"), and "mùa", "hái", "tối".
 * "qu" and "gi" count as consonants.
 */
export type InputMethod = 'telex' | 'vni' | 'off';

/** The five tones (dấu thanh): sắc, huyền, hỏi, ngã, nặng. */
export const TONE_NAMES = ['acute', 'grave', 'hook', 'tilde', 'dot'] as const;
export type ToneName = (typeof TONE_NAMES)[number];

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031B';
const TONES = new Set([ACUTE, GRAVE, HOOK, TILDE, DOT]);
const TONE_MARK: Record<ToneName, string> = {
  acute: ACUTE,
  grave: GRAVE,
  hook: HOOK,
  tilde: TILDE,
  dot: DOT,
};
const SHAPES = new Set([CIRCUMFLEX, BREVE, HORN]);

interface Letter {
  /** The plain letter, case preserved (a, A, d, ...). */
  base: string;
  shape: string;
  tone: string;
  stroke: boolean;
}

const lower = (s: string) => s.toLowerCase();
const isVowel = (l: Letter) => 'aeiouy'.includes(lower(l.base));

function parseWord(word: string): Letter[] {
  const letters: Letter[] = [];
  for (const ch of word.normalize('NFD')) {
    const last = letters.at(-1);
    if (TONES.has(ch) && last) last.tone = ch;
    else if (SHAPES.has(ch) && last) last.shape = ch;
    else if (ch === 'đ' || ch === 'Đ')
      letters.push({ base: ch === 'đ' ? 'd' : 'D', shape: '', tone: '', stroke: true });
    else letters.push({ base: ch, shape: '', tone: '', stroke: false });
  }
  return letters;
}

function render(letters: Letter[]): string {
  return letters
    .map((l) => (l.stroke ? (l.base === 'D' ? 'Đ' : 'đ') : l.base + l.shape + l.tone))
    .join('')
    .normalize('NFC');
}

/** Indices of the vowels that carry the syllable's nucleus (skipping the u of qu, the i of gi). */
function nucleus(letters: Letter[]): { vowels: number[]; hasFinal: boolean } {
  let start = letters.findIndex(isVowel);
  if (start < 0) return { vowels: [], hasFinal: false };
  const prev = letters[start - 1];
  const cur = letters[start]!;
  const next = letters[start + 1];
  if (prev && next && isVowel(next)) {
    const p = lower(prev.base);
    const c = lower(cur.base);
    if ((p === 'q' && c === 'u') || (p === 'g' && c === 'i')) start += 1;
  }
  const vowels: number[] = [];
  let i = start;
  while (i < letters.length && isVowel(letters[i]!)) vowels.push(i++);
  return { vowels, hasFinal: i < letters.length };
}

/** Open two-vowel rhymes whose main vowel is the second letter (glossary: hoà, khoẻ, thuỷ). */
const MAIN_VOWEL_SECOND = new Set(['oa', 'oe', 'uy']);

function tonePosition(letters: Letter[]): number | undefined {
  const { vowels, hasFinal } = nucleus(letters);
  if (vowels.length === 0) return undefined;
  const shaped = vowels.filter((i) => letters[i]!.shape !== '');
  if (shaped.length > 0) return shaped.at(-1);
  if (vowels.length === 1) return vowels[0];
  if (hasFinal || vowels.length >= 3) return vowels.at(hasFinal ? -1 : 1);
  const pair = vowels.map((i) => lower(letters[i]!.base)).join('');
  return MAIN_VOWEL_SECOND.has(pair) ? vowels[1] : vowels[0];
}

/**
 * Moves the word's tone (if any) to where the rules put it now. Also completes "uơ" to "ươ"
 * once a letter follows (người, được): someone typing the ơ key after a plain u means ươ,
 * while "thuở", "quơ" end on it.
 */
function placeTone(letters: Letter[], tone?: string): void {
  for (let i = 1; i + 1 < letters.length; i++) {
    const u = letters[i - 1]!;
    const o = letters[i]!;
    const before = letters[i - 2];
    if (lower(u.base) === 'u' && u.shape === '' && lower(o.base) === 'o' && o.shape === HORN)
      if (!before || lower(before.base) !== 'q') u.shape = HORN;
  }
  const current = tone ?? letters.find((l) => l.tone)?.tone ?? '';
  for (const l of letters) l.tone = '';
  if (!current) return;
  const pos = tonePosition(letters);
  if (pos !== undefined) letters[pos]!.tone = current;
}

const withCase = (model: string, ch: string) => (model === model.toUpperCase() ? ch.toUpperCase() : ch);

type Action =
  | { kind: 'tone'; tone: string }
  | { kind: 'shape'; shape: string; on: string }
  | { kind: 'horn' }
  | { kind: 'stroke' };

const TELEX: Record<string, Action> = {
  s: { kind: 'tone', tone: ACUTE },
  f: { kind: 'tone', tone: GRAVE },
  r: { kind: 'tone', tone: HOOK },
  x: { kind: 'tone', tone: TILDE },
  j: { kind: 'tone', tone: DOT },
  z: { kind: 'tone', tone: '' },
  a: { kind: 'shape', shape: CIRCUMFLEX, on: 'a' },
  e: { kind: 'shape', shape: CIRCUMFLEX, on: 'e' },
  o: { kind: 'shape', shape: CIRCUMFLEX, on: 'o' },
  w: { kind: 'horn' },
  d: { kind: 'stroke' },
};

const VNI: Record<string, Action> = {
  '1': { kind: 'tone', tone: ACUTE },
  '2': { kind: 'tone', tone: GRAVE },
  '3': { kind: 'tone', tone: HOOK },
  '4': { kind: 'tone', tone: TILDE },
  '5': { kind: 'tone', tone: DOT },
  '0': { kind: 'tone', tone: '' },
  '6': { kind: 'shape', shape: CIRCUMFLEX, on: 'aeo' },
  '7': { kind: 'horn' },
  '8': { kind: 'shape', shape: BREVE, on: 'a' },
  '9': { kind: 'stroke' },
};

/**
 * Applies the action to the word. Returns the new letters, or null when the key does not
 * transform this word (it is then typed as itself). `undone` is true when the key undid
 * its own mark (typing it twice), so the caller types the key literally after it.
 */
function transform(letters: Letter[], action: Action): { letters: Letter[]; undone: boolean } | null {
  const word = letters.map((l) => ({ ...l }));
  switch (action.kind) {
    case 'tone': {
      const pos = tonePosition(word);
      if (pos === undefined) return null;
      const current = word.find((l) => l.tone)?.tone ?? '';
      if (action.tone === '') return current ? (placeTone(word, ''), { letters: word, undone: false }) : null;
      if (current === action.tone) {
        placeTone(word, '');
        return { letters: word, undone: true };
      }
      placeTone(word, action.tone);
      return { letters: word, undone: false };
    }
    case 'shape': {
      for (let i = word.length - 1; i >= 0; i--) {
        const l = word[i]!;
        if (!action.on.includes(lower(l.base))) continue;
        if (l.shape === action.shape) {
          l.shape = '';
          placeTone(word);
          return { letters: word, undone: true };
        }
        l.shape = action.shape;
        placeTone(word);
        return { letters: word, undone: false };
      }
      return null;
    }
    case 'horn': {
      // "uo" takes the horn on both letters (ươ), as in người, được.
      for (let i = word.length - 1; i >= 0; i--) {
        const l = word[i]!;
        const b = lower(l.base);
        if (!'aou'.includes(b)) continue;
        const target = b === 'a' ? BREVE : HORN;
        if (l.shape === target) {
          l.shape = '';
          const prev = word[i - 1];
          if (b === 'o' && prev && lower(prev.base) === 'u' && prev.shape === HORN) prev.shape = '';
          placeTone(word);
          return { letters: word, undone: true };
        }
        l.shape = target;
        const prev = word[i - 1];
        if (b === 'o' && prev && lower(prev.base) === 'u') prev.shape = HORN;
        placeTone(word);
        return { letters: word, undone: false };
      }
      return null;
    }
    case 'stroke': {
      const first = word[0];
      if (!first || lower(first.base) !== 'd') return null;
      first.stroke = !first.stroke;
      return { letters: word, undone: !first.stroke };
    }
  }
}

/** The text after typing `key` (one character) at the end of `text` with the given method. */
export function applyKey(text: string, key: string, method: InputMethod): string {
  const [head, word] = splitLastWord(text);
  if (method === 'off' || [...key].length !== 1) return text + key;
  const table = method === 'telex' ? TELEX : VNI;
  const action = table[lower(key)];
  const letters = parseWord(word);
  if (action && letters.length > 0) {
    const result = transform(letters, action);
    if (result) return head + render(result.letters) + (result.undone ? key : '');
  }
  // Telex "w" with no a/o/u to take the mark types ư on its own, as Unikey does.
  if (method === 'telex' && lower(key) === 'w') {
    const next = [...letters, ...parseWord(withCase(key, 'ư'))];
    placeTone(next);
    return head + render(next);
  }
  if (!/\p{L}/u.test(key)) return text + key;
  const next = [...letters, ...parseWord(key)];
  placeTone(next);
  return head + render(next);
}

/**
 * The word with `tone` on the vowel the rules choose, or without a tone when it already had
 * that one (pressing a tone key twice takes the tone off). Null when the word has no vowel
 * to carry a tone.
 */
export function toggleWordTone(word: string, tone: ToneName): string | null {
  const letters = parseWord(word);
  if (tonePosition(letters) === undefined) return null;
  const mark = TONE_MARK[tone];
  const current = letters.find((l) => l.tone)?.tone ?? '';
  placeTone(letters, current === mark ? '' : mark);
  return render(letters);
}

/**
 * The word with its tone moved to where the rules put it (after letters were added or
 * removed). A word that is not one syllable (two groups of vowels, as while a typo is being
 * fixed) keeps its tone where it is.
 */
export function reflowTone(word: string): string {
  const letters = parseWord(word);
  const vowelGroups = letters.filter((l, i) => isVowel(l) && !(i > 0 && isVowel(letters[i - 1]!))).length;
  if (vowelGroups > 1) return render(letters);
  placeTone(letters);
  return render(letters);
}

/** Splits off the trailing word (letters only) that the next key may transform. */
export function splitLastWord(text: string): [string, string] {
  const match = /\p{L}[\p{L}\p{M}]*$/u.exec(text);
  if (!match) return [text, ''];
  return [text.slice(0, match.index), match[0]];
}

/** Typing a whole string key by key, for physical-keyboard paste-free tests and helpers. */
export function typeKeys(keys: string, method: InputMethod, start = ''): string {
  let text = start;
  for (const k of keys) text = applyKey(text, k, method);
  return text;
}
