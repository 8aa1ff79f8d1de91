/**
 * The Chromium managed policy for `kiosk:browser`. `--kiosk` only makes the window full
 * screen; the policy is what closes the browser itself to a member of the public: no
 * DevTools (F12 would read IndexedDB and skip the PIN checks that run in the page), no
 * address outside the kiosk's own origin, no downloads, no extensions, no other profiles.
 * Chromium reads managed policies from a fixed folder owned by root, so a kiosk user cannot
 * change them (Chromium's policy list: chromeenterprise.google/policies).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where Debian's Chromium reads managed policies (Google Chrome: /etc/opt/chrome/policies). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies';
export const KIOSK_POLICY_FILE = 'commune-kiosk.json';

export type KioskBrowserPolicy = Record<string, unknown>;

export function kioskBrowserPolicy(kioskOrigin: string): KioskBrowserPolicy {
  const origin = new URL(kioskOrigin).origin;
  return {
    // 2 = DevTools disallowed everywhere.
    DeveloperToolsAvailability: 2,
    URLBlocklist: ['*'],
    URLAllowlist: [origin, 'about:blank'],
    // 3 = block all downloads.
    DownloadRestrictions: 3,
    ExtensionInstallBlocklist: ['*'],
    // 1 = incognito windows cannot be opened.
    IncognitoModeAvailability: 1,
    BrowserAddPersonEnabled: false,
    BrowserGuestModeEnabled: false,
    // 0 = browser sign-in disabled.
    BrowserSignin: 0,
    SyncDisabled: true,
    PasswordManagerEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    TranslateEnabled: false,
    // The camera scans ID cards and receipt codes; only the kiosk may use it, without a prompt.
    VideoCaptureAllowedUrls: [origin],
    // 2 = notifications blocked.
    DefaultNotificationsSetting: 2,
  };
}

/** Writes the policy where Chromium reads it: <policyDir>/managed/commune-kiosk.json, readable by all, writable by root. */
export function installKioskBrowserPolicy(kioskOrigin: string, policyDir = CHROMIUM_POLICY_DIR): string {
  const managed = path.join(policyDir, 'managed');
  mkdirSync(managed, { recursive: true, mode: 0o755 });
  const file = path.join(managed, KIOSK_POLICY_FILE);
  writeFileSync(file, `${JSON.stringify(kioskBrowserPolicy(kioskOrigin), null, 2)}\n`, { mode: 0o644 });
  return file;
}
