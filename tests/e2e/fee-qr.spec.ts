import { expect, test } from '@playwright/test';
import { parseVietQr } from '../../shared/payment/vietqr.ts';
import { dossierTransferPurpose } from '../../shared/payment/fee-transfer.ts';
import {
  decodeQrImage,
  openKioskAt,
  readProfile,
  startKioskHost,
  TEST_OFFICE,
  vn,
  type KioskHostHandle,
} from './helpers.ts';
import { readKioskDb } from './declaration-helpers.ts';
import { fillCertificationRequest } from './certification-helpers.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: TEST_OFFICE });
});
test.afterAll(async () => {
  await host.close();
});

test('the receipt’s fee QR carries the fee computed from pages and copies, and the dossier code', async ({
  page,
}) => {
  await openKioskAt(page, host.url, vn('2026-11-23 09:00'));
  await fillCertificationRequest(page); // 2 copies
  await page.getByRole('button', { name: 'Sửa: Nội dung yêu cầu' }).click();
  const pages = page.getByRole('textbox', { name: 'Số trang mỗi bản' });
  await expect(pages).toHaveAccessibleDescription(/Lệ phí tính theo số trang và số bản/);
  await pages.fill('3');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();

  // Thông tư 226/2016: 2 × (2.000 + 2.000 + 1.000) = 10.000 đ.
  const fee = page.getByRole('region', { name: 'Lệ phí' });
  await expect(fee).toContainText('10.000 đ');
  const { dossiers } = await readKioskDb(page);
  const code = dossiers[0]!.code;
  const qr = fee.getByRole('img', { name: `Mã VietQR chuyển khoản lệ phí 10.000 đ cho hồ sơ ${code}` });
  const payload = await decodeQrImage(qr);
  expect(payload).not.toBeNull();
  const account = readProfile(TEST_OFFICE).bankAccount!;
  expect(parseVietQr(payload!)).toMatchObject({
    crcValid: true,
    initiation: 'dynamic',
    bankBin: account.bin,
    accountNumber: account.accountNumber,
    amountVnd: 10_000,
    purpose: dossierTransferPurpose(code),
  });
  // TEST.00565.K01-261123-0001 is 26 characters, one more than the purpose holds.
  expect(dossierTransferPurpose(code)).toBe('K01-261123-0001');
  await expect(fee).toContainText('mã hồ sơ K01-261123-0001');
});
