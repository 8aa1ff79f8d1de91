/**
 * WebCrypto helpers (crypto.subtle exists in Chromium and in Node ≥ 20, so the same code
 * runs in the kiosk and under Vitest).
 */
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += HEX[b];
  return out;
}

/** sha256 of bytes as lowercase hex. */
export async function sha256Bytes(bytes: ArrayBuffer | Uint8Array | Blob): Promise<string> {
  const data = bytes instanceof Blob ? await bytes.arrayBuffer() : bytes;
  return toHex(await crypto.subtle.digest('SHA-256', data as BufferSource));
}

/** sha256 of a string's UTF-8 bytes as lowercase hex (the Sha256Hex of shared/contracts). */
export async function sha256Text(text: string): Promise<string> {
  return sha256Bytes(new TextEncoder().encode(text));
}

/** The sync content hash: sha256(canonicalJson(payload)). */
export async function contentHashOf(payload: unknown): Promise<string> {
  return sha256Text(canonicalJson(payload));
}
