/**
 * Text normalisation for everything the kiosk stores. Input may arrive in NFD (some
 * scanners and macOS clipboards decompose "ệ" into "e" + two combining marks), and
 * NFD and NFC strings that look identical compare unequal, so every stored value is NFC.
 * Note "đ"/"Đ" has no decomposition at all: it is a separate letter, not "d" + mark,
 * which is why `fold` maps it explicitly.
 */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** NFC, trimmed, inner runs of whitespace collapsed to one space. */
export function cleanText(text: string): string {
  return nfc(text).replace(/\s+/gu, ' ').trim();
}

/** Lower-case without diacritics, for forgiving comparisons ("Bắc Kạn" ~ "bac kan"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A copy of `values` with every value NFC-normalised (keys too). */
export function nfcValues(values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[nfc(k)] = nfc(v);
  return out;
}

/**
 * Each word starting with a capital ("nguyễn văn ân" → "Nguyễn Văn Ân"), the rest of each
 * word as typed. A word starts the text or follows a space, a hyphen, an opening bracket or
 * an apostrophe (Ê Đê and Jrai names: "H'Hen Niê").
 */
export function capitaliseWords(text: string): string {
  return nfc(text).replace(
    /(^|[\s('’-])(\p{Ll})/gu,
    (_, boundary: string, letter: string) => boundary + letter.toUpperCase(),
  );
}
