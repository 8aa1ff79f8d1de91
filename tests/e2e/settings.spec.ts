import { expect, test } from '@playwright/test';
import { startKioskHost, TEST_OFFICE, vn, type KioskHostHandle } from './helpers.ts';
import {
  addVolunteer,
  expectNoSeriousAxe,
  lockSettings,
  openSettings,
  openStaff,
  OFFICER_PIN,
  setOfficerPinFirstRun,
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

test('settings refuse a wrong officer PIN and open with the right one', async ({ page }) => {
  await page.clock.install({ time: vn('2026-11-24 09:00') });
  await page.goto(host.url);
  await setOfficerPinFirstRun(page);
  await expectNoSeriousAxe(page);
  await lockSettings(page);

  await openSettings(page);
  await expect(page.getByText('Nhập mã PIN cán bộ để tiếp tục.')).toBeVisible();
  // The first-run form is gone once a PIN exists: nobody can set a new one from here.
  await expect(page.getByRole('heading', { name: 'Đặt mã PIN cán bộ lần đầu' })).toBeHidden();
  await typePin(page, 'Mã PIN cán bộ', '999111');
  await page.getByRole('button', { name: 'Mở cài đặt' }).click();
  await expect(page.getByRole('alert')).toHaveText('Mã PIN không đúng. Còn 4 lần thử.');
  await expect(page.getByRole('heading', { name: 'Tình nguyện viên', level: 2 })).toBeHidden();
  await expectNoSeriousAxe(page);

  await typePin(page, 'Mã PIN cán bộ', OFFICER_PIN);
  await page.getByRole('button', { name: 'Mở cài đặt' }).click();
  await expect(page.getByRole('heading', { name: 'Tình nguyện viên', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Máy in và khổ giấy' })).toBeVisible();
  await expect(page.getByText('Khổ giấy in giấy tiếp nhận')).toBeVisible();
  await expect(page.getByText('Máy in mặc định của hệ thống')).toBeVisible();
  await expect(page.getByText('Dung lượng đã dùng')).toBeVisible();
  await expect(page.getByText(/^Đã bật|^Chưa bật/)).toBeVisible();
});

test('an officer adds a volunteer who then signs in; a deactivated one no longer appears', async ({
  page,
}) => {
  await page.clock.install({ time: vn('2026-11-24 09:00') });
  await page.goto(host.url);
  await setOfficerPinFirstRun(page);

  // Bad input is explained and keeps the name typed.
  await page.getByRole('button', { name: 'Thêm tình nguyện viên' }).click();
  await page.getByLabel('Họ và tên').fill('Lò Thị Mai');
  await typePin(page, 'Mã PIN của tình nguyện viên', '1234');
  await typePin(page, 'Nhập lại mã PIN', '1234');
  await page.getByRole('button', { name: 'Lưu tình nguyện viên' }).click();
  await expect(page.getByRole('alert')).toContainText('quá dễ đoán');
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Lò Thị Mai');
  await page.getByRole('button', { name: 'Huỷ' }).click();

  await addVolunteer(page, 'Lò Thị Mai', '4826');
  await addVolunteer(page, 'Hà Văn Sáng', '6157');
  await expectNoSeriousAxe(page);
  await page.getByRole('button', { name: 'Ngừng hoạt động: Hà Văn Sáng' }).click();
  await page.getByRole('button', { name: 'Đồng ý ngừng' }).click();
  await expect(page.getByRole('list', { name: 'Tình nguyện viên đang hoạt động' })).not.toContainText(
    'Hà Văn Sáng',
  );

  // Kiosk number: out of range refused, 7 kept.
  const number = page.getByLabel('Số ki-ốt (1–99)');
  await number.fill('0');
  await page.getByRole('button', { name: 'Lưu số ki-ốt' }).click();
  await expect(page.getByRole('alert')).toHaveText('Số ki-ốt phải là số nguyên từ 1 đến 99.');
  await number.fill('7');
  await page.getByRole('button', { name: 'Lưu số ki-ốt' }).click();
  await expect(page.getByText('Đã lưu. Ki-ốt này là số 7.')).toBeVisible();
  await lockSettings(page);

  await openStaff(page);
  await page.getByRole('button', { name: 'Tình nguyện viên', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Hà Văn Sáng' })).toBeHidden();
  await signInVolunteer(page, 'Lò Thị Mai', '4826');
  await expect(page.getByRole('status').filter({ hasText: 'Đang hỗ trợ: Lò Thị Mai' })).toBeVisible();
});
