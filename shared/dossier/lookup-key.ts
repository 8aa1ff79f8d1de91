import { z } from 'zod';

/**
 * The random check part of a receipt's QR (khoá tra cứu). Dossier codes are sequential
 * (…-0001, …-0002), so a code alone would let anyone at a kiosk type codes one after
 * another and read other people's status and staff's reasons. The look-up therefore needs
 * the code and this key, which exists only in the dossier (kiosk and office) and on the
 * citizen's receipt, printed in the QR.
 *
 * 16 characters of Crockford's base32 (no I, L, O, U: nothing to misread) = 80 random bits.
 */
export const LOOKUP_KEY_LENGTH = 16;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LookupKeySchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{16}$/, 'expected a 16-character lookup key');

/** A fresh key; `fill` writes random bytes in place (crypto.getRandomValues; shared/ stays free of platform APIs). */
export function newLookupKey(fill: (bytes: Uint8Array<ArrayBuffer>) => unknown): string {
  const bytes = new Uint8Array(10);
  fill(bytes);
  let bits = 0;
  let value = 0;
  let key = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      key += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return key;
}

/** What the receipt's QR carries: the code, then "-" and the key (a fourth dash-separated part). */
export function receiptLookupText(code: string, key: string | undefined): string {
  return key ? `${code}-${key}` : code;
}

/** A scanned or typed look-up: the dossier code and, when the QR's check part is there, the key. */
export function parseLookupText(text: string): { code: string; key: string | null } {
  const cleaned = text.replace(/[\r\n\t ]/g, '');
  const parts = cleaned.split('-');
  // A dossier code has three parts (agency, date, sequence); a fourth is the key.
  if (parts.length === 4) {
    const key = parts[3]!.toUpperCase();
    if (LookupKeySchema.safeParse(key).success) return { code: parts.slice(0, 3).join('-'), key };
  }
  return { code: cleaned, key: null };
}

/** Equal keys, compared in constant time for their length. */
export function lookupKeysMatch(
  expected: string | null | undefined,
  given: string | null | undefined,
): boolean {
  if (!expected || !given || expected.length !== given.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  return diff === 0;
}
