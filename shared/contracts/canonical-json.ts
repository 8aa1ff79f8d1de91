/**
 * Canonical JSON for content hashes: the same value always gives the same text on the
 * kiosk and the office, so "same hash" means "same content".
 *
 * Object keys are sorted by UTF-16 code units, no whitespace, numbers and strings as
 * JSON.stringify writes them. For the values the sync protocol carries (strings,
 * finite numbers, booleans, null, arrays, plain objects) this is the JSON
 * Canonicalization Scheme, RFC 8785 (https://www.rfc-editor.org/rfc/rfc8785).
 * Keys whose value is `undefined` are left out, as JSON.stringify does.
 *
 * The office hashes every item it receives (10,000 dossiers in a drain), so this is
 * written as plain loops appending to one string, without the intermediate arrays of
 * map/filter/join (about twice as fast, measured in bench/office.bench.ts's notes).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // NaN/Infinity have no JSON form; refusing them beats hashing "null".
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      // For finite numbers JSON.stringify is Number::toString (ECMA-262 SerializeJSONProperty), as RFC 8785 §3.2.2.3 asks.
      return String(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          if (i > 0) out += ',';
          out += v === undefined ? 'null' : canonicalJson(v);
        }
        return out + ']';
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('canonicalJson: only plain objects, arrays and primitives');
      }
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const key of keys) {
        const v = record[key];
        if (v === undefined) continue;
        out += (out.length > 1 ? ',' : '') + encodedKey(key) + canonicalJson(v);
      }
      return out + '}';
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

/**
 * `"key":` for a key. The same few dozen keys (payload fields, form field ids) come
 * back in every item, so their encoding is remembered; bounded in count and key length
 * because keys come from the network before any validation.
 */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_MAX = 2048;
const KEY_CACHE_MAX_LENGTH = 64;
function encodedKey(key: string): string {
  let encoded = KEY_CACHE.get(key);
  if (encoded === undefined) {
    encoded = JSON.stringify(key) + ':';
    if (key.length <= KEY_CACHE_MAX_LENGTH && KEY_CACHE.size < KEY_CACHE_MAX) KEY_CACHE.set(key, encoded);
  }
  return encoded;
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
