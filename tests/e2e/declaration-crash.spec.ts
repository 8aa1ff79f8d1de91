import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../support/chromium.ts';
import { openKioskAt, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { readKioskDb } from './declaration-helpers.ts';
import { fillCertificationRequest } from './certification-helpers.ts';

// One host for both browser runs: the relaunched browser must open the very same origin
// (same port), since IndexedDB is kept per origin.
let host: KioskHostHandle;
let userDataDir: string;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: 'pac-nam' });
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-kiosk-profile-'));
});
test.afterAll(async () => {
  await host.close();
  for (const pid of chromiumPids(userDataDir)) process.kill(pid, 'SIGKILL');
  rmSync(userDataDir, { recursive: true, force: true });
});

// Monday 23/11/2026 09:10 in Pác Nặm: certification is served today.
const MONDAY = vn('2026-11-23 09:10');

async function launchKiosk(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    args: CHROMIUM_FLAGS,
    headless: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/**
 * Chromium processes started with this profile, read from /proc/<pid>/cmdline.
 *
 * Why this way: a persistent context has no Browser object (`context.browser()` is null)
 * and so no handle on its process, and launchServer cannot take a profile directory
 * (Playwright refuses a --user-data-dir argument). Every process Chromium starts for a
 * profile carries `--user-data-dir=<dir>` on its command line, and the profile directory
 * is a fresh temporary one, so matching it finds exactly our browser and its children;
 * the browser process itself is the one without a `--type=` switch (renderer, zygote,
 * GPU and utility processes all have one).
 */
function chromiumPids(dir: string, which: 'all' | 'browser' = 'all'): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited while we looked
    }
    if (!argv.includes(`--user-data-dir=${dir}`)) continue;
    if (which === 'browser' && argv.some((a) => a.startsWith('--type='))) continue;
    pids.push(Number(entry));
  }
  return pids;
}

/** Zombies keep their /proc entry until reaped; they no longer run. */
function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

test('the browser process killed right after "Saved" keeps the dossier and its outbox entry', async () => {
  const first = await launchKiosk();
  await openKioskAt(first.page, host.url, MONDAY);
  await fillCertificationRequest(first.page);
  await expect.poll(async () => (await readKioskDb(first.page)).drafts).toHaveLength(1);
  await first.page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(first.page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();

  // Power cut: SIGKILL the browser process, no unload, no flush, no goodbye to Playwright.
  const browsers = chromiumPids(userDataDir, 'browser');
  expect(browsers).toHaveLength(1);
  const closed = new Promise<void>((resolve) => first.context.once('close', () => resolve()));
  process.kill(browsers[0]!, 'SIGKILL');
  await closed;
  // Its children notice their parent is gone and exit; wait so the relaunch does not meet
  // a half-dead profile (Chromium's profile lock names the dead pid and is taken over).
  await expect.poll(() => chromiumPids(userDataDir).filter(isRunning), { timeout: 15_000 }).toEqual([]);

  // Relaunch on the same profile and the same origin.
  const second = await launchKiosk();
  try {
    await openKioskAt(second.page, host.url, MONDAY);
    await expect(second.page.getByRole('heading', { level: 1, name: /^Hôm nay tại/ })).toBeVisible();
    const db = await readKioskDb(second.page);
    expect(db.dossiers).toHaveLength(1);
    const dossier = db.dossiers[0]!;
    expect(dossier.applicantName).toBe('Hoàng Thị Mai');
    expect(dossier.code).toMatch(/-261123-0001$/);
    const outbox = await second.page.evaluate(async () => {
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('commune-kiosk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rows = await new Promise<{ kind: string; dossierId: string | null; status: string }[]>(
        (resolve, reject) => {
          const req = idb.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        },
      );
      idb.close();
      return rows.map(({ kind, dossierId, status }) => ({ kind, dossierId, status }));
    });
    // Its receipt may not have printed before the kill; then the restart reports that too.
    expect(outbox.filter((o) => o.kind !== 'receipt-print')).toEqual([
      { kind: 'dossier', dossierId: dossier.id, status: 'pending' },
    ]);
    // The draft went in the same transaction as the dossier: nothing to resume.
    expect(db.drafts).toEqual([]);
    await expect(second.page.getByRole('alertdialog', { name: 'Tiếp tục tờ khai đang làm?' })).toHaveCount(0);
  } finally {
    await second.context.close();
  }
});
