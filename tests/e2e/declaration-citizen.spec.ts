import { expect, test } from '@playwright/test';

// Real printing (two Chromium renders, then a CUPS job followed until it completed) is slow
// on a loaded machine: three times the default test timeout.
test.beforeEach(() => test.slow());
import { openKioskAt, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { pickUnit, printedPdfText, rawKioskDbText, readKioskDb, squash } from './declaration-helpers.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: 'pac-nam' });
});
test.afterAll(async () => {
  await host.close();
});

// Monday 23/11/2026 09:10 in Pác Nặm: a no-appointment day for certification.
const MONDAY = vn('2026-11-23 09:10');

test('a citizen fills a certification request, gets the receipt, prints both documents and rates', async ({
  page,
}) => {
  await openKioskAt(page, host.url, MONDAY);
  await page.getByRole('button', { name: /^Khai tờ khai: Chứng thực bản sao từ bản chính/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phiếu yêu cầu chứng thực' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Bước 1\/3: Người yêu cầu chứng thực/ })).toBeVisible();

  // The name through the on-screen keyboard and the physical keyboard (Telex both).
  const name = page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' });
  await name.click();
  const keyboard = page.getByRole('group', { name: 'Bàn phím tiếng Việt' });
  await keyboard.getByRole('button', { name: /Chữ hoa/ }).click();
  for (const k of ['H', 'o', 'a', 'n', 'g', 'f'])
    await keyboard.getByRole('button', { name: k, exact: true }).click();
  await expect(name).toHaveValue('Hoàng');
  // A person types at human speed: the scanner detector lets the keys through to the composer.
  await page.keyboard.type(' Thij Mai', { delay: 90 });
  await expect(name).toHaveValue('Hoàng Thị Mai');

  const id = page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' });
  await id.click();
  const keypad = page.getByRole('group', { name: 'Bàn phím số' });
  for (const d of '004190001234') await keypad.getByRole('button', { name: d, exact: true }).click();
  await expect(id).toHaveValue('004190001234');

  await pickUnit(page, /^Tỉnh\/thành phố/, 'thai nguyen', 'Tỉnh Thái Nguyên');
  await pickUnit(page, /^Xã\/phường\/đặc khu/, 'bang thanh', 'Xã Bằng Thành');
  await page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' }).fill('Thôn Nà Phầy');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();

  await expect(page.getByRole('heading', { name: /Bước 2\/3: Nội dung yêu cầu/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Chứng thực bản sao từ bản chính' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page
    .getByRole('textbox', { name: 'Tên giấy tờ, văn bản' })
    .fill('Bằng tốt nghiệp trung học phổ thông');
  await page.getByRole('textbox', { name: 'Số bản cần chứng thực' }).fill('3');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();

  await expect(page.getByRole('heading', { name: /Bước 3\/3: Xem lại/ })).toBeVisible();
  const review = page.locator('.review');
  await expect(review).toContainText('Hoàng Thị Mai');
  await expect(review).toContainText('Xã Bằng Thành');
  await expect(review).toContainText('Bằng tốt nghiệp trung học phổ thông');
  // A citizen alone photographs papers; the machine's file dialog is for staff only.
  const photos = page.getByRole('region', { name: 'Giấy tờ kèm theo' });
  await expect(photos.getByRole('button', { name: 'Chụp giấy tờ' })).toBeVisible();
  await expect(photos.getByRole('button', { name: 'Chọn tệp' })).toHaveCount(0);
  await expect(photos.getByLabel('Tệp ảnh hoặc PDF của giấy tờ')).toHaveCount(0);
  await expect(photos).toContainText('Chưa kèm giấy tờ nào.');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

  await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
  const code = (await page.locator('.dossier-code').textContent())!.trim();
  expect(code).toMatch(/-261123-0001$/);
  await expect(page.locator('.return-text')).toContainText(
    'Trả kết quả trước 17:00 thứ Hai, ngày 23/11/2026',
  );
  await expect(page.getByText('Đã in Tờ khai.')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('Đã in Giấy tiếp nhận hồ sơ.')).toBeVisible({ timeout: 90_000 });

  const db = await readKioskDb(page);
  expect(db.dossiers).toHaveLength(1);
  const dossier = db.dossiers[0]!;
  expect(dossier.code).toBe(code);
  expect(dossier.applicantName).toBe('Hoàng Thị Mai');
  expect(db.outbox.filter((o) => o.kind === 'dossier' && o.dossierId === dossier.id)).toHaveLength(1);
  expect(db.drafts).toHaveLength(0);
  // At rest (issue 11 §3) IndexedDB holds the name and ID number only sealed.
  const raw = await rawKioskDbText(page);
  expect(raw).toContain(code);
  expect(raw).not.toContain('Hoàng Thị Mai');
  expect(raw).not.toContain('004190001234');

  // The printed PDFs say who, what, which dossier and when.
  const declaration = squash(await printedPdfText(host.url, dossier.id, 'declaration'));
  expect(declaration).toContain('PHIẾU YÊU CẦU CHỨNG THỰC');
  expect(declaration).toContain('Hoàng Thị Mai');
  expect(declaration).toContain('004190001234');
  expect(declaration).toContain('Bằng tốt nghiệp trung học phổ thông');
  expect(declaration).toContain(code);
  const receipt = squash(await printedPdfText(host.url, dossier.id, 'receipt'));
  expect(receipt).toContain(code);
  expect(receipt).toContain('Hoàng Thị Mai');
  expect(receipt).toContain('09 giờ 10 phút, ngày 23/11/2026');
  expect(receipt).toContain('17:00');
  expect(receipt).toContain('23/11/2026');

  await page.getByRole('button', { name: 'Xong, đánh giá dịch vụ' }).click();
  await page.getByRole('radio', { name: /Rất hài lòng/ }).click();
  await page.getByRole('button', { name: 'Không phải tự viết tờ khai' }).click();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' })).toBeVisible();
  const after = await readKioskDb(page);
  expect(after.ratings).toEqual([
    expect.objectContaining({ dossierId: dossier.id, level: 'very-satisfied' }),
  ]);
  expect(after.outbox.filter((o) => o.kind === 'rating')).toHaveLength(1);
  // The reason is free text a citizen may fill with names: sealed at rest like the dossier.
  expect(await rawKioskDbText(page)).not.toContain('noWriting'); // the chosen reason's key
  await page.getByRole('button', { name: 'Về trang đầu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại/ })).toBeVisible();
});
