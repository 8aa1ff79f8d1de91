import { describe, expect, it } from 'vitest';
import { findChromium, kioskChromiumArgs } from './chromium.ts';

describe('kiosk Chromium', () => {
  it('starts in kiosk mode with silent printing on the app URL and a fixed profile folder', () => {
    const args = kioskChromiumArgs({
      url: 'http://127.0.0.1:5170/',
      userDataDir: '/data/chromium-profile',
      runningAsRoot: false,
    });
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--kiosk-printing',
        '--app=http://127.0.0.1:5170/',
        '--user-data-dir=/data/chromium-profile',
      ]),
    );
    expect(args).toEqual(
      expect.arrayContaining([
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ]),
    );
    expect(args).not.toContain('--no-sandbox');
    expect(
      kioskChromiumArgs({ url: 'u', userDataDir: 'd', runningAsRoot: true, extraFlags: ['--disable-gpu'] }),
    ).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu']));
  });

  it('finds CHROMIUM_PATH first, then a browser on the PATH', () => {
    expect(
      findChromium({
        env: { CHROMIUM_PATH: '/opt/c' },
        exists: () => true,
        which: () => '/usr/bin/chromium',
      }),
    ).toBe('/opt/c');
    expect(
      findChromium({
        env: { CHROMIUM_PATH: '/opt/missing' },
        exists: () => false,
        which: () => '/usr/bin/chromium',
      }),
    ).toBeUndefined();
    expect(
      findChromium({
        env: {},
        exists: () => true,
        which: (n) => (n === 'chromium-browser' ? '/usr/bin/chromium-browser' : undefined),
      }),
    ).toBe('/usr/bin/chromium-browser');
  });
});
