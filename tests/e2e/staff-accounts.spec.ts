/**
 * Staff accounts as an office runs them, in Chromium: the first administrator signs in with
 * the password printed at first start and must replace it before anything else; an
 * administrator creates a colleague, locks the account (after a confirmation) and hands out
 * a temporary password that must be replaced in turn. Every page passes axe.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startOffice, type RunningOffice } from '../../office/server.ts';
import { seriousAxeViolations } from './axe.ts';
import { vn } from './helpers.ts';

const NOW = vn('2026-11-23 09:00').getTime();
let office: RunningOffice;
let dataDir: string;
let printedPassword = '';

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-accounts-'));
  office = await startOffice({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    officeName: 'UBND xã Gia Lâm (e2e)',
    tls: { mode: 'insecure-http' },
    now: () => NOW,
    // No password given: the office makes one and prints it once, as on a real first start.
    log: (line) => {
      const printed = /with password (\S+) \(shown once/.exec(line);
      if (printed) printedPassword = printed[1]!;
    },
  });
});
test.afterAll(async () => {
  await office.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${office.url}/login?lang=vi`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function replacePassword(page: Page, current: string, next: string) {
  await page.getByLabel('Mật khẩu hiện tại').fill(current);
  await page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill(next);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(next);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('status')).toContainText('Đã đổi mật khẩu.');
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ locale: 'vi-VN' });
  return context.newPage();
}

test('the printed password must be replaced first; an administrator creates, locks and resets a colleague', async ({
  page,
  browser,
}) => {
  expect(printedPassword).toMatch(/^\S{12,}$/);
  await signIn(page, 'admin', printedPassword);
  // Only the password page opens until the printed password is replaced.
  await expect(page.getByText(/Mật khẩu này do người khác đặt/)).toBeVisible();
  await page.goto(`${office.url}/accounts`);
  await expect(page).toHaveURL(/\/account\/password$/);
  expect(await seriousAxeViolations(page), 'password page').toEqual([]);
  // A mistake says what is wrong, on the same page.
  await page.getByLabel('Mật khẩu hiện tại').fill(printedPassword);
  await page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill('mat-khau-moi-cua-toi');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-cua-ban');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByText('Hai lần nhập mật khẩu mới không giống nhau.')).toBeVisible();
  await replacePassword(page, printedPassword, 'mat-khau-moi-cua-toi');

  // A colleague's account.
  await page.goto(`${office.url}/accounts`);
  await page.getByLabel('Tên đăng nhập').fill('can.bo.lan');
  await page.getByLabel('Họ và tên').fill('Phạm Thị Lan');
  await page.getByLabel('Vai trò').selectOption({ label: 'Cán bộ một cửa' });
  await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill('mat-khau-cua-lan');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByText('Đã tạo tài khoản can.bo.lan.')).toBeVisible();
  expect(await seriousAxeViolations(page), 'accounts page').toEqual([]);

  const lan = await newPage(browser);
  await signIn(lan, 'can.bo.lan', 'mat-khau-cua-lan');
  await expect(lan.getByRole('heading', { level: 1 })).toContainText('Hồ sơ hôm nay');

  // Locking asks first; cancelling changes nothing.
  await page.getByRole('button', { name: 'Khoá tài khoản — can.bo.lan' }).click();
  await expect(page.getByText(/Khoá tài khoản can\.bo\.lan\?/)).toBeVisible();
  expect(await seriousAxeViolations(page), 'confirmation page').toEqual([]);
  await page.getByRole('link', { name: 'Huỷ, quay lại' }).click();
  await lan.reload();
  await expect(lan.getByRole('heading', { level: 1 })).toContainText('Hồ sơ hôm nay');
  await page.getByRole('button', { name: 'Khoá tài khoản — can.bo.lan' }).click();
  await page.getByRole('button', { name: 'Khoá tài khoản', exact: true }).click();
  await expect(page.getByText(/Đã khoá tài khoản can\.bo\.lan/)).toBeVisible();
  // Her open session ends at once, and her password no longer opens anything.
  await lan.reload();
  await expect(lan).toHaveURL(/\/login/);
  await signIn(lan, 'can.bo.lan', 'mat-khau-cua-lan');
  await expect(lan.getByText('Tên đăng nhập hoặc mật khẩu không đúng.')).toBeVisible();

  // Unlocked with a temporary password, which she must replace at her next sign-in.
  await page.getByRole('button', { name: 'Mở khoá — can.bo.lan' }).click();
  await page.getByRole('button', { name: 'Đặt lại mật khẩu — can.bo.lan' }).click();
  await page.getByRole('button', { name: 'Đặt lại mật khẩu', exact: true }).click();
  const shown = await page.getByText(/Mật khẩu tạm của can\.bo\.lan/).textContent();
  const temporary = /: (\S+)\s*$/.exec(shown!)![1]!;
  await signIn(lan, 'can.bo.lan', temporary);
  await expect(lan.getByText(/Mật khẩu này do người khác đặt/)).toBeVisible();
  await replacePassword(lan, temporary, 'mat-khau-rieng-cua-lan');
  await lan.goto(`${office.url}/`);
  await expect(lan.getByRole('heading', { level: 1 })).toContainText('Hồ sơ hôm nay');
  await lan.context().close();
});
