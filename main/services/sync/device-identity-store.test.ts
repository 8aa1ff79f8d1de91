import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceIdentityStore } from './device-identity-store.ts';
import { createPlainFileCipher, createSafeStorageCipher, type TokenCipher } from './token-cipher.ts';

const TOKEN = '0b0b5f7e-5a7c-4d33-9a57-9f0a2b1c3d4e.s3cr3t-s3cr3t-s3cr3t-s3cr3t-xyz';
const KIOSK = '0b0b5f7e-5a7c-4d33-9a57-9f0a2b1c3d4e';

/** A stand-in for the OS keychain: reversible, and never stores the plain text. */
function fakeKeychain(): TokenCipher & { calls: string[] } {
  const calls: string[] = [];
  return {
    protection: 'os-keychain',
    calls,
    encrypt(plain) {
      calls.push('encrypt');
      return new Uint8Array([0x4b, ...new TextEncoder().encode(plain).map((b) => b ^ 0x5a)]);
    },
    decrypt(data) {
      calls.push('decrypt');
      if (data[0] !== 0x4b) throw new Error('not ours');
      return new TextDecoder().decode(data.slice(1).map((b) => b ^ 0x5a));
    },
  };
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'device-store-'));
  dirs.push(dir);
  return path.join(dir, 'sync');
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const enrolment = {
  kioskId: KIOSK,
  officeUrl: 'http://10.0.0.5:5180',
  officeName: 'UBND xã A',
  token: TOKEN,
  certificatePins: { pinned: 'a'.repeat(64), next: null },
};

describe('device identity store', () => {
  it('starts unenrolled', async () => {
    const store = createDeviceIdentityStore({ dir: tempDir(), cipher: fakeKeychain() });
    expect((await store.state()).kioskId).toBeNull();
    expect(await store.token()).toBeNull();
  });

  it('keeps the token only through the cipher, owner-only, and never in device.json', async () => {
    const dir = tempDir();
    const cipher = fakeKeychain();
    const store = createDeviceIdentityStore({ dir, cipher });
    await store.saveEnrolment({ ...enrolment, at: new Date('2026-11-24T02:00:00Z') });

    const tokenBytes = readFileSync(path.join(dir, 'token.bin'));
    expect(tokenBytes.toString('utf8')).not.toContain('s3cr3t');
    expect(readFileSync(path.join(dir, 'device.json'), 'utf8')).not.toContain('s3cr3t');
    expect(statSync(path.join(dir, 'token.bin')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'device.json')).mode & 0o777).toBe(0o600);

    // A restart: a new store over the same folder reads the same identity and token.
    const again = createDeviceIdentityStore({ dir, cipher });
    expect(await again.token()).toBe(TOKEN);
    expect(await again.state()).toMatchObject({
      kioskId: KIOSK,
      officeUrl: 'http://10.0.0.5:5180',
      enrolledAt: '2026-11-24T02:00:00.000Z',
      needsReEnrolment: false,
      tokenProtection: 'os-keychain',
    });
    expect(cipher.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('flags re-enrolment (and keeps the identity) when the keychain can no longer decrypt the token', async () => {
    const dir = tempDir();
    await createDeviceIdentityStore({ dir, cipher: fakeKeychain() }).saveEnrolment({
      ...enrolment,
      at: new Date(),
    });
    const otherKeychain: TokenCipher = {
      protection: 'os-keychain',
      encrypt: () => new Uint8Array(),
      decrypt: () => {
        throw new Error('keychain reset');
      },
    };
    const store = createDeviceIdentityStore({ dir, cipher: otherKeychain });
    expect(await store.token()).toBeNull();
    expect(await store.state()).toMatchObject({
      kioskId: KIOSK,
      needsReEnrolment: true,
      reEnrolmentReason: 'token-unreadable',
    });
  });

  it('survives a damaged state file by asking for re-enrolment', async () => {
    const dir = tempDir();
    const store = createDeviceIdentityStore({ dir, cipher: fakeKeychain() });
    await store.saveEnrolment({ ...enrolment, at: new Date() });
    writeFileSync(path.join(dir, 'device.json'), '{"version":1,"kioskId":');
    const state = await createDeviceIdentityStore({ dir, cipher: fakeKeychain() }).state();
    expect(state).toMatchObject({
      kioskId: null,
      needsReEnrolment: true,
      reEnrolmentReason: 'state-unreadable',
    });
  });

  it('a new enrolment clears needsReEnrolment and forgets config versions of another office', async () => {
    const dir = tempDir();
    const store = createDeviceIdentityStore({ dir, cipher: fakeKeychain() });
    await store.saveEnrolment({ ...enrolment, at: new Date() });
    await store.update({ needsReEnrolment: true, reEnrolmentReason: 'revoked', profileVersion: 'p1' });
    await store.saveEnrolment({ ...enrolment, officeUrl: 'http://10.0.0.9:5180', at: new Date() });
    expect(await store.state()).toMatchObject({ needsReEnrolment: false, profileVersion: null });
  });

  it('the plain-file cipher says it is not keychain-protected', () => {
    const cipher = createPlainFileCipher();
    expect(cipher.protection).toBe('file-0600');
    expect(cipher.decrypt(cipher.encrypt('abc'))).toBe('abc');
  });

  it('uses Electron safeStorage when it is available, the owner-only file when not', () => {
    const safe = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(`enc:${s}`),
      decryptString: (b: Buffer) => b.toString().replace(/^enc:/, ''),
    };
    const cipher = createSafeStorageCipher(safe);
    expect(cipher.protection).toBe('os-keychain');
    expect(Buffer.from(cipher.encrypt('tok')).toString()).toBe('enc:tok');
    expect(cipher.decrypt(cipher.encrypt('tok'))).toBe('tok');
    expect(createSafeStorageCipher({ ...safe, isEncryptionAvailable: () => false }).protection).toBe(
      'file-0600',
    );
  });

  it('calls Linux basic_text what it is: not protected (a password built into Chromium)', () => {
    const safe = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(`enc:${s}`),
      decryptString: (b: Buffer) => b.toString().replace(/^enc:/, ''),
    };
    expect(
      createSafeStorageCipher({ ...safe, getSelectedStorageBackend: () => 'basic_text' }).protection,
    ).toBe('basic-text');
    expect(
      createSafeStorageCipher({ ...safe, getSelectedStorageBackend: () => 'gnome_libsecret' }).protection,
    ).toBe('os-keychain');
  });
});
