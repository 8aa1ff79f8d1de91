/**
 * Vietnamese text normalisation for search and storage.
 *
 * Vietnamese can reach us in two Unicode forms: precomposed (NFC, what most
 * keyboards and IMEs produce) and decomposed (NFD: a base letter followed by
 * combining marks, what some macOS apps, older IMEs and copy-pasted PDFs
 * produce). "ế" is one code point in NFC and three in NFD, so two strings that
 * look identical compare unequal unless both are normalised first.
 */

/** Store and compare text in NFC, the form the rest of the kiosk assumes. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

// Combining diacritical marks (tones and the circumflex/breve/horn vowel marks).
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// đ/Đ are letters of their own, not d + a combining mark, so NFD leaves them
// intact; they must be mapped by hand.
const D_STROKE = /[đĐ]/g;
// A token is a run of letters/digits; a dot or comma between digits stays in the
// token so procedure codes like "2.000815" survive as one token.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,][\p{N}]+)*/gu;

/** Strip tones and vowel marks and map đ→d, keeping case and everything else. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_STROKE, (c) => (c === 'đ' ? 'd' : 'D'));
}

// The five tone marks (the vowel marks ^ ˘ ʼ are not tones and stay where they are).
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;
// An open syllable ending in oa / oe / uy, with a tone on either vowel (NFC, lower
// case): the only places where the tone's seat is a matter of style.
const OPEN_GLIDE_END = /(?:[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ])$/;

/**
 * One seat for the tone in syllables ending in oa, oe, uy: the older style puts it on
 * the last vowel ("hoà", "xoá", "thuý", "uỷ"), the newer on the one before ("hòa",
 * "xóa", "thúy", "ủy"), and both are in official use — the catalogue itself has
 * "Xóa đăng ký" and the alias "xoá thế chấp". Search moves the tone to the last vowel
 * (never ambiguous) so the two spellings are the same word. Text is stored as typed.
 */
export function canonicalToneSeat(token: string): string {
  if (!OPEN_GLIDE_END.test(token)) return token;
  const decomposed = token.normalize('NFD');
  const tone = TONE_MARK.exec(decomposed);
  if (!tone) return token;
  const withoutTone = decomposed.slice(0, tone.index) + decomposed.slice(tone.index + 1);
  return (withoutTone + tone[0]).normalize('NFC');
}

/**
 * Split text into lower-case NFC tokens that keep their diacritics, the tone of
 * oa/oe/uy syllables in one seat ("Đăng ký, khai-sinh" → ["đăng", "ký", "khai",
 * "sinh"]; "Xóa" → ["xoá"]). Punctuation and whitespace of any kind separate tokens.
 */
export function markedTokens(text: string): string[] {
  return (toNfc(text).toLocaleLowerCase('vi').match(TOKEN) ?? []).map(canonicalToneSeat);
}

/** Fold one token: lower-case, no tones or marks, đ→d. */
export function foldToken(token: string): string {
  return stripDiacritics(token.normalize('NFC').toLocaleLowerCase('vi'));
}

/**
 * The search key of a text: NFC, lower-case, tones and marks stripped, đ→d,
 * punctuation and runs of whitespace collapsed to single spaces.
 * "  Đăng  ký – KHAI SINH " → "dang ky khai sinh".
 */
export function normalizeForSearch(text: string): string {
  return markedTokens(text).map(foldToken).join(' ');
}
