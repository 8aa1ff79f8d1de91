import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlainFileCipher, createSafeStorageCipher } from '../sync/token-cipher.ts';
import { createDayKeyStore } from './day-key-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function keyDir(): string {
  const base = mkdtempSync(path.join(os.tmpdir(), 'day-keys-'));
  dirs.push(base);
  return path.join(base, 'at-rest-keys');
}
const mode = (file: string) => statSync(file).mode & 0o777;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('day key store (real files)', () => {
  it('makes one 32-byte key per day, on disk in a 0700 folder as a 0600 file, and answers it again', async () => {
    const dir = keyDir();
    const store = createDayKeyStore({ dir, cipher: createPlainFileCipher() });
    expect(await store.key('2026-12-05', false)).toBeNull();
    const made = await store.key('2026-12-05', true);
    expect(made?.day).toBe('2026-12-05');
    expect(made?.key.length).toBe(32);
    const other = await store.key('2026-12-06', true);
    expect(hex(other!.key)).not.toBe(hex(made!.key));
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, '2026-12-05.key'))).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['2026-12-05.key', '2026-12-06.key']);
    // Another store on the same folder (main restarted) answers the same key.
    const again = createDayKeyStore({ dir, cipher: createPlainFileCipher() });
    expect(hex((await again.key('2026-12-05', false))!.key)).toBe(hex(made!.key));
    expect(hex((await again.key('2026-12-05', true))!.key)).toBe(hex(made!.key));
  });

  it('two makers of the same day at once agree on one key', async () => {
    const dir = keyDir();
    const a = createDayKeyStore({ dir, cipher: createPlainFileCipher() });
    const b = createDayKeyStore({ dir, cipher: createPlainFileCipher() });
    const [ka, kb] = await Promise.all([a.key('2026-12-05', true), b.key('2026-12-05', true)]);
    expect(hex(ka!.key)).toBe(hex(kb!.key));
    expect(readdirSync(dir)).toEqual(['2026-12-05.key']);
  });

  it('shreds the days before a day, and never makes a shredded day again', async () => {
    const dir = keyDir();
    const store = createDayKeyStore({ dir, cipher: createPlainFileCipher() });
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) await store.key(day, true);
    expect(await store.shredBefore('2026-11-03')).toBe(2);
    expect(await store.key('2026-11-01', false)).toBeNull();
    expect(await store.key('2026-11-02', false)).toBeNull();
    expect((await store.key('2026-11-03', false))?.day).toBe('2026-11-03');
    // A clock set back asks for a shredded day: it gets the first day still kept, whose
    // key the next shredding of the same days leaves alone.
    const back = await store.key('2026-11-01', true);
    expect(back?.day).toBe('2026-11-03');
    expect(await store.shredBefore('2026-11-03')).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['2026-11-03.key', 'shredded-before']);
    expect(mode(path.join(dir, 'shredded-before'))).toBe(0o600);
  });

  it('wraps each key with the host cipher (Electron safeStorage) and says how it is protected', async () => {
    const dir = keyDir();
    // A stand-in for safeStorage with the same contract: a reversible transformation.
    const flip = (b: Uint8Array) => b.map((x) => x ^ 0x5a);
    const safeStorage = (backend: string) => ({
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => flip(new TextEncoder().encode(plain)),
      decryptString: (data: Buffer) => new TextDecoder().decode(flip(new Uint8Array(data))),
      getSelectedStorageBackend: () => backend,
    });
    const store = createDayKeyStore({ dir, cipher: createSafeStorageCipher(safeStorage('gnome_libsecret')) });
    expect(store.protection).toBe('os-keychain');
    const { key } = (await store.key('2026-12-05', true))!;
    const onDisk = readFileSync(path.join(dir, '2026-12-05.key'));
    expect(onDisk.toString('latin1')).not.toContain(Buffer.from(key).toString('base64'));
    // Linux without a keyring: safeStorage's basic_text is a built-in password, shown as such.
    expect(
      createDayKeyStore({ dir, cipher: createSafeStorageCipher(safeStorage('basic_text')) }).protection,
    ).toBe('basic-text');
  });

  it('refuses a damaged key file rather than answering a wrong key, and a malformed day', async () => {
    const dir = keyDir();
    const store = createDayKeyStore({ dir, cipher: createPlainFileCipher() });
    await store.key('2026-12-05', true);
    writeFileSync(path.join(dir, '2026-12-05.key'), 'short');
    await expect(store.key('2026-12-05', false)).rejects.toThrow(/damaged/);
    await expect(store.key('../../etc/passwd', true)).rejects.toThrow(RangeError);
    await expect(store.shredBefore('x')).rejects.toThrow(RangeError);
  });

  it('fails, answering no key, when the folder cannot be written', async () => {
    const dir = keyDir();
    // Where the folder should be there is a file: every write fails, as on a broken disk.
    writeFileSync(dir, '');
    const store = createDayKeyStore({ dir, cipher: createPlainFileCipher() });
    await expect(store.key('2026-12-06', true)).rejects.toThrow();
    expect(readFileSync(dir, 'utf8')).toBe('');
  });
});
