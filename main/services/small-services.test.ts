import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-origin.ts';
import { dataDirLayout, resolveDataDir } from './data-dir.ts';
import { createRestartLimiter } from './restart-limiter.ts';
import { resolveStaticFile } from './static-files.ts';

describe('resolveDataDir', () => {
  const base = { homeDir: '/home/k', projectRoot: '/repo', platform: 'linux' as const };
  it('uses KIOSK_DATA_DIR, then the checkout in development, then the OS data folder', () => {
    expect(resolveDataDir({ ...base, env: { KIOSK_DATA_DIR: '/srv/kiosk' }, development: false })).toBe(
      '/srv/kiosk',
    );
    expect(resolveDataDir({ ...base, env: {}, development: true })).toBe('/repo/.kiosk-data');
    expect(resolveDataDir({ ...base, env: {}, development: false })).toBe(
      '/home/k/.local/share/commune-kiosk',
    );
    expect(resolveDataDir({ ...base, env: { XDG_DATA_HOME: '/x' }, development: false })).toBe(
      '/x/commune-kiosk',
    );
    expect(
      resolveDataDir({
        ...base,
        platform: 'win32',
        env: { LOCALAPPDATA: 'C:\\Users\\k\\AppData\\Local' },
        development: false,
      }),
    ).toBe('C:\\Users\\k\\AppData\\Local\\commune-kiosk');
  });
  it('lays out the data folder', () => {
    expect(dataDirLayout('/d')).toMatchObject({
      officeProfile: '/d/office-profile.json',
      chromiumProfile: '/d/chromium-profile',
    });
  });
});

describe('restart limiter', () => {
  it('allows 3 restarts per 10 minutes, then refuses until the window passes', () => {
    let now = 0;
    const limiter = createRestartLimiter({ max: 3, windowMs: 600_000, now: () => now });
    expect([limiter.tryRestart(), limiter.tryRestart(), limiter.tryRestart()]).toEqual([true, true, true]);
    now = 599_999;
    expect(limiter.tryRestart()).toBe(false);
    now = 600_000;
    expect(limiter.tryRestart()).toBe(true);
  });
});

describe('isAppUrl', () => {
  it('accepts only kiosk://app', () => {
    expect(isAppUrl('kiosk://app/')).toBe(true);
    expect(isAppUrl('kiosk://app/today?x=1')).toBe(true);
    expect(isAppUrl('kiosk://app')).toBe(true);
    for (const url of [
      'kiosk://evil/',
      'https://app/',
      'kiosk://user@app/',
      'file:///etc/passwd',
      'data:text/html,x',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('resolveStaticFile', () => {
  const files = new Set(['/dist/index.html', '/dist/assets/a.js']);
  const deps = {
    stat: async (file: string) => {
      if (!files.has(file)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return { isFile: () => true };
    },
  };
  it('maps paths into the build and nowhere else', async () => {
    expect(await resolveStaticFile('/dist', '/', deps)).toMatchObject({
      file: path.join('/dist', 'index.html'),
    });
    expect(await resolveStaticFile('/dist', '/assets/a.js', deps)).toMatchObject({
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(await resolveStaticFile('/dist', '/settings/printer', deps)).toMatchObject({
      file: '/dist/index.html',
    });
    expect(await resolveStaticFile('/dist', '/assets/b.js', deps)).toBeNull();
    expect(await resolveStaticFile('/dist', '/%E0%A4%A', deps)).toBeNull();
    expect(await resolveStaticFile('/dist', '/..%5c..%5cwin.ini', deps)).toBeNull();
  });
});
