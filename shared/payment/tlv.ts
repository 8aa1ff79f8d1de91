/**
 * EMVCo TLV: each data object is a 2-digit tag, a 2-digit length (01–99) and
 * the value. Templates (tags 26–51, 62, …) nest more TLV inside their value.
 */
export class EmvQrError extends Error {
  override readonly name = 'EmvQrError';
}

export interface TlvRecord {
  tag: string;
  value: string;
}

/** One data object; rejects values the 2-digit length cannot express. */
export function tlv(tag: string, value: string): string {
  if (!/^\d{2}$/.test(tag)) throw new EmvQrError(`tag must be two digits, got "${tag}"`);
  if (value.length === 0) throw new EmvQrError(`tag ${tag}: empty value`);
  if (value.length > 99)
    throw new EmvQrError(`tag ${tag}: value is ${value.length} characters, at most 99 fit`);
  return tag + String(value.length).padStart(2, '0') + value;
}

/** Split a TLV string into its records, in order; throws on truncated or malformed input. */
export function parseTlv(text: string): TlvRecord[] {
  const records: TlvRecord[] = [];
  let at = 0;
  while (at < text.length) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) throw new EmvQrError(`malformed tag/length "${head}" at position ${at}`);
    const length = Number(head.slice(2));
    if (length === 0) throw new EmvQrError(`tag ${head.slice(0, 2)} at position ${at} has length 00`);
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length)
      throw new EmvQrError(`tag ${head.slice(0, 2)} at position ${at} is truncated`);
    records.push({ tag: head.slice(0, 2), value });
    at += 4 + length;
  }
  return records;
}
