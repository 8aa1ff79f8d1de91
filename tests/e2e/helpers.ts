import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { startKioskHost, profilePath, type KioskHostHandle } from '../support/kiosk-host.ts';
import type { OfficeProfileInput } from '../../shared/domain/office-profile.ts';

export const TEST_OFFICE = fileURLToPath(new URL('./fixtures/test-office.json', import.meta.url));

export { startKioskHost, type KioskHostHandle };

/** The profile file a host serves, read as data so specs can state what the screen must show. */
export function readProfile(profile: string): OfficeProfileInput {
  return JSON.parse(readFileSync(profilePath(profile), 'utf8')) as OfficeProfileInput;
}

/** A Vietnam wall-clock instant, whatever zone the test runner is in. */
export function vn(dateTime: string): Date {
  return new Date(`${dateTime.replace(' ', 'T')}:00+07:00`);
}

/** Opens the kiosk with the page clock frozen at `at` (Date only; timers keep running). */
export async function openKioskAt(page: Page, url: string, at: Date): Promise<void> {
  await page.clock.setFixedTime(at);
  await page.goto(url);
}

/**
 * Opens a procedure's page the way a citizen finds any procedure: "Tìm tất cả thủ tục" on
 * Today, the words typed, the first result. (Today's own card for a procedure with a form
 * opens the form, not the page.)
 */
export async function openProcedurePage(page: Page, query: string): Promise<void> {
  await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill(query);
  await page
    .getByRole('list', { name: /Kết quả tìm kiếm/ })
    .getByRole('listitem')
    .first()
    .getByRole('button')
    .first()
    .click();
}

/**
 * A USB scanner in keyboard mode: the whole code as back-to-back keydowns, then Enter, at the
 * focused element. Dispatched inside the page because on a loaded 2-core test machine the
 * driver's own key events arrive up to 100+ ms apart (a person's pace, not a scanner's);
 * the keys are real keydown events that bubble through the kiosk's capture listener, and
 * anything that listener let through would be typed into the focused field by the kiosk.
 */
export async function scanBurst(page: Page, text: string): Promise<void> {
  // The page clock stands still while the keys play (a loaded machine can stall the page
  // longer than a scanner's gap), then the quiet gap passes.
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
  await page.evaluate((keys) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...keys, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
    }
  }, text);
  await page.clock.runFor(100);
  await page.clock.resume();
}

/**
 * Decodes a QR <img> with jsQR (an implementation independent of the `qrcode` package that
 * drew it), from the pixels the browser decoded for that image.
 */
export async function decodeQrImage(img: Locator): Promise<string | null> {
  await img.evaluate((el: HTMLImageElement) => el.decode());
  const pixels = await img.evaluate((el: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(el, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  });
  const code = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  return code?.data ?? null;
}

/**
 * Waits until the app has created its IndexedDB database with its stores. IndexedDB's library
 * loads after Today's first paint, so a visible screen does not mean the database exists yet,
 * and a test that opens it first would create an empty one.
 */
export async function waitForKioskDb(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        if (!(await indexedDB.databases()).some((d) => d.name === 'commune-kiosk')) return false;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('commune-kiosk');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const ready = db.objectStoreNames.contains('dossiers');
        db.close();
        return ready;
      }),
    )
    .toBe(true);
}
