import { expect, test } from '@playwright/test';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { parseVietQr } from '../../shared/payment/vietqr.ts';
import {
  decodeQrImage,
  openKioskAt,
  openProcedurePage,
  readProfile,
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

test('the portal QR decodes to the catalogue URL and the link is shown as text', async ({ page }) => {
  await openKioskAt(page, host.url, vn('2026-11-25 09:00'));
  await openProcedurePage(page, 'dang ky khai sinh');
  const expected = CATALOGUE.procedures.find((p) => p.name.vi === 'Đăng ký khai sinh')!.portalUrl!;
  const qr = page.getByRole('img', { name: /Mã QR trang thủ tục Đăng ký khai sinh/ });
  expect(await decodeQrImage(qr)).toBe(expected);
  await expect(page.getByText(expected, { exact: true })).toBeVisible();
});

test("the office's own portal link wins over the catalogue's; a per-page fee's QR carries no amount", async ({
  page,
}) => {
  // Monday 09:00: 2.000815 is on the no-appointment list of the test office.
  await openKioskAt(page, host.url, vn('2026-11-23 09:00'));
  const profile = readProfile(TEST_OFFICE);
  const code = '2.000815';
  const procedure = CATALOGUE.procedures.find((p) => p.code === code)!;
  await openProcedurePage(page, procedure.name.vi);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(procedure.name.vi);
  await expect(
    page.getByText('Hôm nay thủ tục này được giải quyết trong ngày nếu nộp trước 15:00.'),
  ).toBeVisible();
  await expect(page.getByText('Nếu nộp bây giờ, hẹn trả kết quả trước 17:00 ngày 23/11/2026.')).toBeVisible();

  const portal = page.getByRole('img', { name: /Mã QR trang thủ tục/ });
  expect(await decodeQrImage(portal)).toBe(profile.portalUrls![code]);

  const transfer = page.getByRole('img', { name: /Mã VietQR/ });
  const payload = await decodeQrImage(transfer);
  expect(payload).not.toBeNull();
  const parsed = parseVietQr(payload!);
  expect(parsed).toMatchObject({
    crcValid: true,
    bankBin: profile.bankAccount!.bin,
    accountNumber: profile.bankAccount!.accountNumber,
  });
  // 2.000 đ is the price of one page, not of a copy: before anything is declared no
  // amount can be computed, so the QR has none (the receipt's QR has it: fee-qr.spec.ts).
  expect(parsed.amountVnd).toBeNull();
  expect(parsed.initiation).toBe('static');
  expect(parsed.purpose).toBe('Le phi 2.000815');
  await expect(page.getByText(/nhập số tiền lệ phí theo mức thu ở trên/)).toBeVisible();
});

test('a procedure without a portal link says so; what to bring and the fee are shown', async ({ page }) => {
  await openKioskAt(page, host.url, vn('2026-11-25 09:00'));
  const procedure = CATALOGUE.procedures.find(
    (p) => p.portalUrl === null && p.code !== '2.000815' && p.documents.length > 0,
  )!;
  await openProcedurePage(page, procedure.name.vi);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(procedure.name.vi);
  await expect(page.getByText('Thủ tục này chưa có đường dẫn trên Cổng Dịch vụ công.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Giấy tờ cần mang' })).toBeVisible();
  await expect(page.getByText(procedure.documents[0]!.name.vi).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lệ phí' })).toBeVisible();
});
