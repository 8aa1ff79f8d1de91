/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR),
 * the checksum EMVCo merchant-presented QR codes, and so VietQR, end with.
 * Input is treated as bytes of its UTF-8 encoding; VietQR payloads are ASCII,
 * where that is the same as the characters.
 */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (const byte of utf8(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** UTF-8 bytes by hand: shared/ has neither DOM nor Node, so no TextEncoder in its types. */
function* utf8(text: string): Generator<number> {
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) yield cp;
    else if (cp < 0x800) yield* [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
    else if (cp < 0x10000) yield* [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
    else
      yield* [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  }
}

/** The CRC as EMVCo writes it: four upper-case hex digits, leading zeros kept. */
export function crc16Hex(text: string): string {
  return crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, '0');
}
