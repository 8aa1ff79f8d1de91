/**
 * How the enrolment token is protected at rest. The store only ever sees this
 * interface, so tests inject their own and neither host's secret handling leaks into
 * the other.
 */
export type TokenProtection = 'os-keychain' | 'basic-text' | 'file-0600';

export interface TokenCipher {
  /**
   * 'os-keychain': encrypted with a key the OS keeps (Electron safeStorage: DPAPI on
   * Windows, Keychain on macOS, libsecret/kwallet on Linux).
   * 'basic-text': Electron on Linux without a secret service: safeStorage "encrypts" with a
   * password built into Chromium, so the token is as good as unprotected; shown as such.
   * 'file-0600': NOT encrypted; only the file's owner-only permissions protect it.
   */
  readonly protection: TokenProtection;
  encrypt(plain: string): Uint8Array;
  decrypt(data: Uint8Array): string;
}

/** The part of Electron's `safeStorage` we use (structural, so this file needs no Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Uint8Array;
  decryptString(data: Buffer): string;
  /** Linux only: which backend encrypts ('basic_text' is a hard-coded password). */
  getSelectedStorageBackend?(): string;
}

/**
 * Under Electron: the OS keychain. When the OS offers no keychain
 * (isEncryptionAvailable() false, e.g. a Linux session without a secret service),
 * falls back to the owner-only file and says so, rather than refusing to enrol a kiosk
 * that must keep working; the status panel shows which protection is in force.
 */
export function createSafeStorageCipher(safeStorage: SafeStorageLike): TokenCipher {
  if (!safeStorage.isEncryptionAvailable()) return createPlainFileCipher();
  const basicText = safeStorage.getSelectedStorageBackend?.() === 'basic_text';
  return {
    protection: basicText ? 'basic-text' : 'os-keychain',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(Buffer.from(data)),
  };
}

/**
 * Under the headless host there is no keychain API in plain Node: the token is written
 * as UTF-8 to a file created with mode 0600 (owner read/write only). Anyone who can
 * read files as the kiosk's OS user, or as root, can read the token.
 */
export function createPlainFileCipher(): TokenCipher {
  return {
    protection: 'file-0600',
    encrypt: (plain) => new TextEncoder().encode(plain),
    decrypt: (data) => new TextDecoder().decode(data),
  };
}
