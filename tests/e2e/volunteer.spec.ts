import { expect, test } from '@playwright/test';
import { startKioskHost, TEST_OFFICE, vn, type KioskHostHandle } from './helpers.ts';
import {
  expectNoSeriousAxe,
  kioskWithVolunteers,
  openStaff,
  signInVolunteer,
  typePin,
} from './settings-helpers.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: TEST_OFFICE });
});
test.afterAll(async () => {
  await host.close();
});

const AN = 'Nguyễn Văn An';
const BINH = 'Trần Thị Bình';

test('a volunteer signs in with the right PIN, is shown as assisting, and signs out', async ({ page }) => {
  await page.clock.install({ time: vn('2026-11-24 09:00') });
  await page.goto(host.url);
  await kioskWithVolunteers(page, [
    [AN, '2580'],
    [BINH, '7391'],
  ]);
  await openStaff(page);
  await page.getByRole('button', { name: 'Tình nguyện viên', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Chọn tên tình nguyện viên' }).getByRole('button')).toHaveText([
    AN,
    BINH,
  ]);
  await expectNoSeriousAxe(page);
  await page.getByRole('button', { name: BINH }).click();
  await expect(page.getByRole('heading', { name: `Nhập mã PIN của ${BINH}` })).toBeVisible();
  await expectNoSeriousAxe(page);
  await typePin(page, 'Mã PIN', '7391');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await expect(page.getByRole('status').filter({ hasText: `Đang hỗ trợ: ${BINH}` })).toBeVisible();
  await openStaff(page);
  await expect(page.getByRole('button', { name: 'Tình nguyện viên', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText(`Đang hỗ trợ: ${BINH}`)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Tình nguyện viên', exact: true })).toBeVisible();
});

test('a wrong PIN says how many attempts are left; five lock sign-in until the time shown', async ({
  page,
}) => {
  await page.clock.install({ time: vn('2026-11-24 09:00') });
  await page.goto(host.url);
  await kioskWithVolunteers(page, [[AN, '2580']]);
  await openStaff(page);
  await page.getByRole('button', { name: 'Tình nguyện viên', exact: true }).click();
  await page.getByRole('button', { name: AN }).click();

  const alert = page.getByRole('alert');
  for (let left = 4; left >= 1; left--) {
    await typePin(page, 'Mã PIN', '1111');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(alert).toHaveText(`Mã PIN không đúng. Còn ${left} lần thử.`);
    // The field is emptied after each try; nothing of the PIN stays on screen.
    await expect(page.getByLabel('Mã PIN', { exact: true })).toHaveValue('');
  }
  await typePin(page, 'Mã PIN', '1111');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(alert).toContainText('tạm khoá');
  const until = /thử lại lúc (\d\d):(\d\d)/.exec((await alert.textContent()) ?? '');
  expect(until).not.toBeNull();
  expect(Number(until![1]) * 60 + Number(until![2])).toBeGreaterThanOrEqual(9 * 60 + 5);

  // Even the right PIN is refused while locked.
  await typePin(page, 'Mã PIN', '2580');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(alert).toContainText('tạm khoá');
  await expect(page.getByText(`Đang hỗ trợ: ${AN}`)).toBeHidden();

  // Five minutes later (the idle reset also runs meanwhile and returns to Today).
  await page.clock.fastForward('05:30');
  await signInVolunteer(page, AN, '2580');
  await expect(page.getByRole('status').filter({ hasText: `Đang hỗ trợ: ${AN}` })).toBeVisible();
});

test('the volunteer session ends at the idle reset, even on the Today screen', async ({ page }) => {
  // The test office resets after 15 s idle with a 5 s warning.
  await page.clock.install({ time: vn('2026-11-24 09:00') });
  await page.goto(host.url);
  await kioskWithVolunteers(page, [[AN, '2580']]);
  await signInVolunteer(page, AN, '2580');
  const badge = page.getByRole('status').filter({ hasText: `Đang hỗ trợ: ${AN}` });
  await expect(badge).toBeVisible();
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await page.clock.fastForward(11_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.fastForward(5_000);
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(badge).toBeHidden();
  await openStaff(page);
  await expect(page.getByRole('button', { name: 'Tình nguyện viên', exact: true })).toBeVisible();
});
