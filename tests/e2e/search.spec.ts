import { expect, test } from '@playwright/test';
import { openKioskAt, startKioskHost, TEST_OFFICE, vn, type KioskHostHandle } from './helpers.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: TEST_OFFICE });
});
test.afterAll(async () => {
  await host.close();
});

test.beforeEach(async ({ page }) => {
  await openKioskAt(page, host.url, vn('2026-11-25 09:00'));
  await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
});

const results = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: /Kết quả tìm kiếm/ });

test('search without diacritics finds the procedure', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('dang ky khai sinh');
  await expect(results(page).getByRole('listitem').first()).toHaveAccessibleName(/^Đăng ký khai sinh/);
});

test('search with a typo finds the procedure', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('dang ky ket hông');
  await expect(results(page).getByRole('listitem').first()).toHaveAccessibleName(/^Đăng ký kết hôn/);
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('dang ki khai sinnh');
  await expect(results(page).getByRole('listitem').first()).toHaveAccessibleName(/^Đăng ký khai sinh/);
});

test('typing Telex on the physical keyboard composes Vietnamese in the search box', async ({ page }) => {
  const box = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
  await box.pressSequentially('chuwngs thuwjc');
  await expect(box).toHaveValue('chứng thực');
  await expect(results(page).getByRole('listitem').first()).toHaveAccessibleName(/^Chứng thực/);
});

test('the on-screen keyboard types with VNI and Telex', async ({ page }) => {
  const keyboard = page.getByRole('group', { name: 'Bàn phím tiếng Việt' });
  await keyboard.getByRole('radio', { name: 'VNI' }).click();
  for (const k of 'khai tu73')
    await (
      k === ' '
        ? keyboard.getByRole('button', { name: 'Dấu cách' })
        : keyboard.getByRole('button', { name: k, exact: true })
    ).click();
  const box = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
  await expect(box).toHaveValue('khai tử');
  await expect(results(page).getByRole('listitem').first()).toHaveAccessibleName(/^Đăng ký khai tử/);
  await keyboard.getByRole('button', { name: 'Xoá hết' }).click();
  await keyboard.getByRole('radio', { name: 'Telex' }).click();
  for (const k of 'ddaa') await keyboard.getByRole('button', { name: k, exact: true }).click();
  await expect(box).toHaveValue('đâ');
});

test('opening a result shows its procedure screen', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('giay khai sinh');
  await results(page).getByRole('listitem').first().getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
  await page.getByRole('button', { name: /Quay lại/ }).click();
  await expect(page.getByRole('searchbox', { name: 'Tìm thủ tục' })).toHaveValue('giay khai sinh');
});
