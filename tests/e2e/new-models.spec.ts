import { expect, test, type Page } from '@playwright/test';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { parseVietQr } from '../../shared/payment/vietqr.ts';
import {
  decodeQrImage,
  openKioskAt,
  readProfile,
  startKioskHost,
  vn,
  type KioskHostHandle,
  openProcedurePage,
} from './helpers.ts';

/**
 * Chợ Đồn runs "Ngày không chờ", "30 phút tăng thêm vì dân" (the whole desk) and the
 * cashless day (certification procedures) on Mondays (assets/profiles/cho-don.json): the
 * desk closes at 17:30 instead of 17:00, deadlines count a dossier received at 17:10 from
 * that day, and the fee is paid by transfer only.
 */
let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: 'cho-don' });
});
test.afterAll(async () => {
  await host.close();
});

const nameOf = (code: string) => CATALOGUE.procedures.find((p) => p.code === code)!.name.vi;

async function openProcedure(page: Page, code: string) {
  await openProcedurePage(page, code);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nameOf(code));
}

test('Monday 17:10: the new models on Today, the desk open until 17:30, and a deadline counted from today', async ({
  page,
}) => {
  await openKioskAt(page, host.url, vn('2026-11-23 17:10'));
  await expect(page.getByText('Đang mở cửa, làm việc đến 17:30')).toBeVisible();
  for (const model of ['Ngày không chờ', '30 phút tăng thêm vì dân', 'Ngày không dùng tiền mặt'])
    await expect(page.getByRole('heading', { name: model })).toBeVisible();
  // 3 working days from Monday, received within the 30 extra minutes: Thursday 26/11.
  await openProcedure(page, '1.004873');
  await expect(
    page.getByText('Nếu nộp bây giờ, hẹn trả kết quả trước 17:00, Thứ Năm ngày 26/11/2026.'),
  ).toBeVisible();
});

test('Tuesday 17:10: an ordinary day, the desk is closed and the same deadline starts tomorrow', async ({
  page,
}) => {
  await openKioskAt(page, host.url, vn('2026-11-24 17:10'));
  await expect(page.getByText('Đang mở cửa, làm việc đến 17:30')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Ngày không chờ' })).toHaveCount(0);
  await openProcedure(page, '1.004873');
  await expect(
    page.getByText('Nếu nộp bây giờ, hẹn trả kết quả trước 17:00, Thứ Sáu ngày 27/11/2026.'),
  ).toBeVisible();
});

test('on the cashless day the fee comes with its VietQR and says no cash; not on other days', async ({
  page,
}) => {
  const account = readProfile('cho-don').bankAccount!;
  await openKioskAt(page, host.url, vn('2026-11-23 09:00'));
  await openProcedure(page, '2.000815');
  const fee = page.getByRole('region', { name: 'Lệ phí', exact: true });
  await expect(fee).toContainText('Hôm nay là Ngày không dùng tiền mặt');
  await expect(fee).toContainText('không nhận tiền mặt');
  const qr = page.getByRole('img', { name: /Mã VietQR chuyển khoản lệ phí/ });
  const decoded = await decodeQrImage(qr);
  expect(decoded, 'the VietQR decodes').not.toBeNull();
  const payload = parseVietQr(decoded!);
  expect(payload.accountNumber).toBe(account.accountNumber);

  await openKioskAt(page, host.url, vn('2026-11-24 09:00'));
  await openProcedure(page, '2.000815');
  await expect(page.getByRole('region', { name: 'Lệ phí', exact: true })).not.toContainText('tiền mặt');
  await expect(page.getByRole('img', { name: /Mã VietQR/ })).toBeVisible();
});
