import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { TokenCipher, TokenProtection } from '../sync/token-cipher.ts';

/**
 * The keys that seal the personal fields the kiosk keeps in IndexedDB (dossiers, drafts,
 * photos): one AES-256 key per Vietnam day, held by main in the data folder, never in
 * the browser profile. Deleting a day's key is what makes that day's leftovers (rows
 * retention stripped, old LevelDB pages not yet compacted, a copied profile) unreadable:
 * crypto-shredding.
 *
 * On disk: `<dir>/<YYYY-MM-DD>.key`, the key wrapped by the host's cipher (Electron:
 * safeStorage; headless: none, only the 0600 mode protects it), folder 0700, files 0600.
 * `<dir>/shredded-before` records the first day not yet shredded: a day before it is never
 * made again (a clock set back would otherwise make a fresh key for a shredded day, and
 * the next shredding would take the new data with it); sealing then uses that day's key.
 */
export interface DayKey {
  /** The day whose key this is: the day asked for, or the first unshredded day after it. */
  day: string;
  /** 32 raw bytes. */
  key: Uint8Array;
}

export interface DayKeyStore {
  /** How the keys are protected on disk (shown on the status panel like the sync token's). */
  readonly protection: TokenProtection;
  /**
   * The key of `day`. With `create`, one is made (and on disk, fsynced) when absent; without,
   * null for a day that has none (never made, or shredded).
   */
  key(day: string, create: boolean): Promise<DayKey | null>;
  /** Shreds the keys of every day before `day`; answers how many keys went. */
  shredBefore(day: string): Promise<number>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEY_BYTES = 32;
const FLOOR_FILE = 'shredded-before';

export function createDayKeyStore(options: {
  dir: string;
  cipher: TokenCipher;
  random?: (n: number) => Uint8Array;
}): DayKeyStore {
  const { dir, cipher } = options;
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)));
  const fileOf = (day: string) => path.join(dir, `${day}.key`);
  // One change at a time: a shredding must not interleave with a creation of the same day.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn);
    queue = next.catch(() => undefined);
    return next;
  };

  async function ensureDir(): Promise<void> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
  }

  async function floor(): Promise<string> {
    try {
      const text = (await readFile(path.join(dir, FLOOR_FILE), 'utf8')).trim();
      return DAY.test(text) ? text : '';
    } catch {
      return '';
    }
  }

  async function read(day: string): Promise<DayKey | null> {
    let wrapped: Buffer;
    try {
      wrapped = await readFile(fileOf(day));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const key = new Uint8Array(Buffer.from(cipher.decrypt(new Uint8Array(wrapped)), 'base64'));
    if (key.length !== KEY_BYTES) throw new Error(`the key file of ${day} is damaged`);
    return { day, key };
  }

  /** Writes a file whole and on disk before it gets its name: a crash leaves no half key. */
  async function writeDurably(file: string, bytes: Uint8Array | string): Promise<string> {
    const tmp = `${file}.${Buffer.from(random(8)).toString('hex')}.tmp`;
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return tmp;
  }

  async function syncDir(): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function create(day: string): Promise<DayKey> {
    await ensureDir();
    const raw = random(KEY_BYTES);
    const tmp = await writeDurably(fileOf(day), cipher.encrypt(Buffer.from(raw).toString('base64')));
    try {
      // link() refuses an existing name: of two makers the first key wins and is the one used.
      await link(tmp, fileOf(day));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    await syncDir();
    const kept = await read(day);
    if (!kept) throw new Error(`the key of ${day} vanished while it was made`);
    return kept;
  }

  /** Overwrites the wrapped key before unlinking, so its bytes do not stay in the freed blocks. */
  async function shred(file: string): Promise<void> {
    const handle = await open(file, 'r+');
    try {
      const { size } = await handle.stat();
      await handle.write(new Uint8Array(size), 0, size, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await unlink(file);
  }

  return {
    protection: cipher.protection,
    key(day, make) {
      if (!DAY.test(day)) return Promise.reject(new RangeError(`not a day: ${day}`));
      return serial(async () => {
        const first = await floor();
        const effective = first !== '' && day < first ? first : day;
        if (!make) return effective === day ? read(day) : null;
        return (await read(effective)) ?? create(effective);
      });
    },
    shredBefore(day) {
      if (!DAY.test(day)) return Promise.reject(new RangeError(`not a day: ${day}`));
      return serial(async () => {
        await ensureDir();
        // The floor first: should the shredding stop half way, no key before it is made again.
        if (day > (await floor())) {
          const tmp = await writeDurably(path.join(dir, FLOOR_FILE), `${day}\n`);
          await rename(tmp, path.join(dir, FLOOR_FILE));
        }
        const names = await readdir(dir);
        let shredded = 0;
        for (const name of names) {
          const m = /^(\d{4}-\d{2}-\d{2})\.key$/.exec(name);
          if (m && m[1]! < day) {
            await shred(path.join(dir, name));
            shredded++;
          }
        }
        await syncDir();
        return shredded;
      });
    },
  };
}
