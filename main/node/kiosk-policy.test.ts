import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installKioskBrowserPolicy, kioskBrowserPolicy } from './kiosk-policy.ts';

describe('the kiosk browser policy', () => {
  it('closes DevTools, every other address, downloads, extensions and other profiles', () => {
    const policy = kioskBrowserPolicy('http://127.0.0.1:5170/');
    expect(policy).toMatchObject({
      DeveloperToolsAvailability: 2,
      URLBlocklist: ['*'],
      URLAllowlist: ['http://127.0.0.1:5170', 'about:blank'],
      DownloadRestrictions: 3,
      ExtensionInstallBlocklist: ['*'],
      IncognitoModeAvailability: 1,
      BrowserGuestModeEnabled: false,
      VideoCaptureAllowedUrls: ['http://127.0.0.1:5170'],
    });
  });

  it('is installed as managed/commune-kiosk.json, readable by Chromium, writable by its owner only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-'));
    const file = installKioskBrowserPolicy('http://127.0.0.1:5170', dir);
    expect(file).toBe(path.join(dir, 'managed', 'commune-kiosk.json'));
    expect(JSON.parse(readFileSync(file, 'utf8')).URLAllowlist).toEqual([
      'http://127.0.0.1:5170',
      'about:blank',
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });
});
