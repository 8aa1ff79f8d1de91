/**
 * Personal data at rest (issue 11 §3): the personal fields of dossiers, drafts and photos
 * are sealed with AES-256-GCM (WebCrypto) before they reach IndexedDB, under a key per
 * Vietnam day that main holds (bridge `atRestKey`). The page imports each key as a
 * non-extractable CryptoKey and keeps it in memory only; IndexedDB holds ciphertext and
 * the day it belongs to, never a key. Retention shreds old days' keys in main, so what
 * those days sealed cannot be read back, even from LevelDB pages not yet compacted.
 *
 * Sealing is WebCrypto, hence asynchronous: it always happens before a write transaction
 * opens (awaiting anything but IndexedDB inside one would let it commit early), and
 * opening happens after the read. A ciphertext is bound to its row's id (AES-GCM
 * additional data), so a sealed value cannot be moved to another row.
 */
import { vietnamDate } from '../../../shared/domain/vietnam-time.ts';
import { bridge, type BridgeClient } from '../../bridge/client.ts';
import type { KioskDb, Sealed } from '../../db/db.ts';

export type { Sealed };

export interface DayKeys {
  /** The key to seal with on `day`; the answer may name a later day (main never remakes a shredded day). */
  sealing(day: string): Promise<{ day: string; key: CryptoKey }>;
  /** The key of `day`, or null when it has none (shredded): what it sealed is gone. */
  opening(day: string): Promise<CryptoKey | null>;
  /** Shreds the keys of the days before `day` (retention); answers how many went. */
  shredBefore(day: string): Promise<number>;
}

const b64decode = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const importDayKey = (raw: Uint8Array): Promise<CryptoKey> =>
  crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);

/**
 * The keys as main holds them, asked once per day per page load. A failed call is not
 * remembered (the next one asks again); an answered "no key" is.
 */
export function bridgeDayKeys(client: Pick<BridgeClient, 'invoke'>): DayKeys {
  const opening = new Map<string, Promise<CryptoKey | null>>();
  const sealing = new Map<string, Promise<{ day: string; key: CryptoKey }>>();
  const remember = <T>(map: Map<string, Promise<T>>, day: string, made: () => Promise<T>): Promise<T> => {
    const known = map.get(day);
    if (known) return known;
    const p = made();
    map.set(day, p);
    p.catch(() => map.delete(day));
    return p;
  };
  return {
    sealing: (day) =>
      remember(sealing, day, async () => {
        const { key } = await client.invoke('atRestKey', { day, create: true });
        if (!key) throw new Error(`main made no at-rest key for ${day}`);
        const imported = importDayKey(b64decode(key.keyBase64));
        opening.set(key.day, imported);
        return { day: key.day, key: await imported };
      }),
    opening: (day) =>
      remember(opening, day, async () => {
        const { key } = await client.invoke('atRestKey', { day, create: false });
        return key ? importDayKey(b64decode(key.keyBase64)) : null;
      }),
    async shredBefore(day) {
      const { shredded } = await client.invoke('shredAtRestKeys', { before: day });
      for (const map of [opening, sealing]) for (const d of [...map.keys()]) if (d < day) map.delete(d);
      return shredded;
    },
  };
}

let kioskKeys: DayKeys | undefined;
const bound = new WeakMap<KioskDb, DayKeys>();

/** Seals this database's rows with `keys` (tests and benchmarks; the kiosk's own database uses main's). */
export function bindDayKeys(db: KioskDb, keys: DayKeys): void {
  bound.set(db, keys);
}

/** The keys of a database: those bound to it, else main's. */
export function dayKeysOf(db: KioskDb): DayKeys {
  return bound.get(db) ?? (kioskKeys ??= bridgeDayKeys(bridge()));
}

const aad = (id: string) => new TextEncoder().encode(id);

/** Seals bytes of the row `id` under the key of `now`'s Vietnam day. */
export async function sealBytes(keys: DayKeys, now: Date, id: string, bytes: BufferSource): Promise<Sealed> {
  const { day, key } = await keys.sealing(vietnamDate(now));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(id) }, key, bytes);
  return { day, iv, data: new Uint8Array(data) };
}

export function sealJson(keys: DayKeys, now: Date, id: string, value: unknown): Promise<Sealed> {
  return sealBytes(keys, now, id, new TextEncoder().encode(JSON.stringify(value)));
}

/** The bytes sealed for row `id`, or null when the day's key is gone or the ciphertext is not authentic. */
export async function openBytes(keys: DayKeys, sealed: Sealed, id: string): Promise<Uint8Array | null> {
  const key = await keys.opening(sealed.day);
  if (!key) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv as BufferSource, additionalData: aad(id) },
      key,
      sealed.data as BufferSource,
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

export async function openJson<T>(keys: DayKeys, sealed: Sealed, id: string): Promise<T | null> {
  const bytes = await openBytes(keys, sealed, id);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as T) : null;
}
