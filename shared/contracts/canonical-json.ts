/**
 * Canonical JSON for content hashes: the same value always gives the same text on the
 * kiosk and the office, so "same hash" means "same content".
 *
 * Object keys are sorted by UTF-16 code units, no whitespace, numbers and strings as
 * JSON.stringify writes them. For the values the sync protocol carries (strings,
 * finite numbers, booleans, null, arrays, plain objects) this is the JSON
 * Canonicalization Scheme, RFC 8785 (https://www.rfc-editor.org/rfc/rfc8785).
 * Keys whose value is `undefined` are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // NaN/Infinity have no JSON form; refusing them beats hashing "null".
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return '[' + value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',') + ']';
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('canonicalJson: only plain objects, arrays and primitives');
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(record[k])).join(',') + '}';
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

/**
 * SHA-256 of a string's UTF-8 bytes as lowercase hex. shared/ cannot import node:crypto
 * or rely on WebCrypto types, so each side injects its own: node:crypto in main/ and
 * office/, crypto.subtle in the renderer.
 */
export type Sha256Hex = (utf8Text: string) => string | Promise<string>;

/** The content hash of a sync item: sha256(canonicalJson(payload)). */
export async function contentHash(payload: unknown, sha256Hex: Sha256Hex): Promise<string> {
  return await sha256Hex(canonicalJson(payload));
}
