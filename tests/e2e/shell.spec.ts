import { expect, test } from '@playwright/test';
import { expectNoSeriousAxe } from './axe.ts';
import {
  openKioskAt,
  openProcedurePage,
  startKioskHost,
  TEST_OFFICE,
  vn,
  type KioskHostHandle,
} from './helpers.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: TEST_OFFICE });
});
test.afterAll(async () => {
  await host.close();
});

test('switches to English and back on every screen', async ({ page }) => {
  await openKioskAt(page, host.url, vn('2026-11-23 09:00'));
  await expect(page.getByText('Thứ Hai, 23/11/2026')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Monday, 23/11/2026')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No-appointment day' })).toBeVisible();

  await page.getByRole('button', { name: 'Find any procedure' }).click();
  await page.getByRole('searchbox', { name: 'Find a procedure' }).fill('khai sinh');
  // Results keep the Vietnamese name first, whatever the language.
  await expect(page.getByRole('listitem').first()).toHaveAccessibleName(
    /^Đăng ký khai sinh \(Birth registration\)/,
  );
  await page.getByRole('listitem').first().getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: 'What to bring' })).toBeVisible();

  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { name: 'Giấy tờ cần mang' })).toBeVisible();
});

test('large-text mode enlarges the text and stays on for the session', async ({ page }) => {
  await openKioskAt(page, host.url, vn('2026-11-23 09:00'));
  const size = () => page.locator('html').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  await page.getByRole('button', { name: 'Chữ to' }).click();
  await expect(page.getByRole('button', { name: 'Chữ to' })).toHaveAttribute('aria-pressed', 'true');
  expect(await size()).toBeGreaterThan(before * 1.2);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Chữ to' })).toHaveAttribute('aria-pressed', 'true');
});

test('idle: a countdown warns, a touch cancels it, and silence returns to Today', async ({ page }) => {
  // The test office sets idleTimeoutSeconds 15 and idleWarningSeconds 5.
  await page.clock.install({ time: vn('2026-11-23 09:00') });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('khai sinh');

  await page.clock.fastForward(11_000);
  const dialog = page.getByRole('alertdialog', { name: 'Ông/bà còn đang sử dụng không?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/sau [1-5] giây/);
  await dialog.getByRole('button', { name: 'Tôi vẫn đang dùng' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Tìm thủ tục' })).toHaveValue('khai sinh');

  await page.clock.fastForward(11_000);
  await expect(dialog).toBeVisible();
  await page.clock.fastForward(5_000);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại/ })).toBeVisible();
  await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
  await expect(page.getByRole('searchbox', { name: 'Tìm thủ tục' })).toHaveValue('');
});

async function expectAccessible(page: import('@playwright/test').Page) {
  await expectNoSeriousAxe(page);
  // Touch targets: every button at least 48 × 48 CSS pixels.
  const small = await page.getByRole('button').evaluateAll((els) =>
    els
      .map((el) => ({ text: el.textContent, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 48 || box.height < 48))
      .map(({ text, box }) => `${text} ${box.width}×${box.height}`),
  );
  expect(small).toEqual([]);
  // Every button's label is drawn in a colour other than its own background.
  const invisible = await page
    .getByRole('button')
    .evaluateAll((els) =>
      els
        .filter((el) => getComputedStyle(el).color === getComputedStyle(el).backgroundColor)
        .map((el) => el.textContent),
    );
  expect(invisible).toEqual([]);
}

test('no serious accessibility violations on Today, search and procedure screens', async ({ page }) => {
  await openKioskAt(page, host.url, vn('2026-11-24 09:00'));
  await expect(page.getByRole('heading', { name: 'Ngày không viết' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('dang ky khai sinh');
  await expect(page.getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('listitem').first().getByRole('button').first().click();
  await expect(page.getByRole('img', { name: /Mã QR/ }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Chữ to' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expectAccessible(page);
});

test('starts with one configuration request and no Content Security Policy violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  const configRequests: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/bridge/getKioskConfig')) configRequests.push(req.url());
  });
  await openKioskAt(page, host.url, vn('2026-11-23 09:00'));
  await expect(page.getByText('Thứ Hai, 23/11/2026')).toBeVisible();
  // A search and a procedure page run the contracts' parsers again after the start.
  await openProcedurePage(page, 'khai sinh');
  await expect(page.getByRole('heading', { name: 'Giấy tờ cần mang' })).toBeVisible();

  expect(configRequests).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
});
