/**
 * Hashing: WebCrypto for files (fast on megabytes, and async is fine there), @noble/hashes
 * for the sync content hash of a payload (see contentHash). Both run in Chromium and Node.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
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

/**
 * The sync content hash: sha256(canonicalJson(payload)), computed synchronously with
 * @noble/hashes. Synchronous because submitDossier hashes the dossier inside its
 * IndexedDB transaction, after reading the code sequence: awaiting WebCrypto there
 * would let the transaction auto-commit. A payload is about a kilobyte, where the
 * sync hash takes microseconds; files keep WebCrypto (sha256Bytes).
 */
export function contentHash(payload: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(payload))));
}
