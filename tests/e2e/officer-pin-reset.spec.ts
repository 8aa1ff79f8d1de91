import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startKioskHost, TEST_OFFICE, vn, type KioskHostHandle } from './helpers.ts';
import { expectNoSeriousAxe, lockSettings, openSettings, typePin } from './settings-helpers.ts';

// The test office with a setup code, as an installing officer would write it in the profile.
const SETUP_CODE = '73914062';
const FIRST_PIN = '258046';
const NEW_PIN = '604817';

let host: KioskHostHandle;
let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-setup-code-'));
  const profile = JSON.parse(readFileSync(TEST_OFFICE, 'utf8')) as { kiosk: Record<string, unknown> };
  profile.kiosk.setupCode = SETUP_CODE;
  const file = path.join(dir, 'office.json');
  writeFileSync(file, JSON.stringify(profile));
  host = await startKioskHost({ profile: file });
});
test.afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const settingsOpen = (page: Page) =>
  expect(page.getByRole('heading', { name: 'Tình nguyện viên', level: 2 })).toBeVisible();

test('a forgotten officer PIN is reset with the setup code from the profile', async ({ page }) => {
  await page.clock.install({ time: vn('2026-11-24 09:00') });
  await page.goto(host.url);

  // First run: the setup code is asked before the PIN can be chosen.
  await openSettings(page);
  await expect(page.getByRole('heading', { name: 'Đặt mã PIN cán bộ lần đầu' })).toBeVisible();
  await typePin(page, 'Mã cài đặt', SETUP_CODE);
  await typePin(page, 'Mã PIN cán bộ mới', FIRST_PIN);
  await typePin(page, 'Nhập lại mã PIN cán bộ', FIRST_PIN);
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await settingsOpen(page);
  await lockSettings(page);

  // The PIN is forgotten: the gate offers the reset.
  await openSettings(page);
  await page.getByRole('button', { name: 'Quên mã PIN cán bộ?' }).click();
  await expect(page.getByRole('heading', { name: 'Đặt lại mã PIN cán bộ' })).toBeVisible();
  // The test office of axe-every-screen has no setup code, so the reset form is checked here,
  // in Vietnamese and in English with large text.
  await expectNoSeriousAxe(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Large text' }).click();
  await expect(page.getByRole('heading', { name: 'Reset the officer PIN' })).toBeVisible();
  await expectNoSeriousAxe(page);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('button', { name: 'Chữ to' }).click();
  await expect(page.getByRole('heading', { name: 'Đặt lại mã PIN cán bộ' })).toBeVisible();

  // A wrong setup code changes nothing and counts as a failed attempt.
  await typePin(page, 'Mã cài đặt', '11223344');
  await typePin(page, 'Mã PIN cán bộ mới', NEW_PIN);
  await typePin(page, 'Nhập lại mã PIN cán bộ', NEW_PIN);
  await page.getByRole('button', { name: 'Đặt lại mã PIN' }).click();
  await expect(page.getByRole('alert')).toHaveText('Mã cài đặt không đúng. Còn 4 lần thử.');
  await expect(page.getByLabel('Mã cài đặt', { exact: true })).toHaveValue('');

  await typePin(page, 'Mã cài đặt', SETUP_CODE);
  await page.getByRole('button', { name: 'Đặt lại mã PIN' }).click();
  await settingsOpen(page);
  await lockSettings(page);

  // The old PIN no longer opens settings; the new one does.
  await openSettings(page);
  await typePin(page, 'Mã PIN cán bộ', FIRST_PIN);
  await page.getByRole('button', { name: 'Mở cài đặt' }).click();
  await expect(page.getByRole('alert')).toHaveText('Mã PIN không đúng. Còn 4 lần thử.');
  await typePin(page, 'Mã PIN cán bộ', NEW_PIN);
  await page.getByRole('button', { name: 'Mở cài đặt' }).click();
  await settingsOpen(page);
});
