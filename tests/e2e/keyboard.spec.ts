import { expect, test, type Locator, type Page } from '@playwright/test';
import { openKioskAt, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { printedPdfText, readKioskDb, squash } from './declaration-helpers.ts';
import { expectNoSeriousAxe } from './settings-helpers.ts';

// Printing and axe take a while on a shared machine.
test.describe.configure({ timeout: 180_000 });

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: 'pac-nam' });
});
test.afterAll(async () => {
  await host.close();
});

// Monday 23/11/2026 09:10 in Pác Nặm: a no-appointment day for certification.
const MONDAY = vn('2026-11-23 09:10');

const TONE_KEY: Record<string, string> = {
  '´': 'Dấu sắc',
  '`': 'Dấu huyền',
  '?': 'Dấu hỏi',
  '~': 'Dấu ngã',
  '.': 'Dấu nặng',
};

/**
 * Presses on-screen keys as a person would: letters (ă â đ ê ô ơ ư included), " " for the
 * space bar, and "´`?~." for the tone keys. No Telex: the method stays as it is, and no
 * letter typed here is a Telex or VNI command.
 */
async function tap(keyboard: Locator, keys: string): Promise<void> {
  for (const k of keys) {
    const name = k === ' ' ? 'Dấu cách' : (TONE_KEY[k] ?? k);
    await keyboard.getByRole('button', { name, exact: true }).click();
  }
}

function vietnameseKeyboard(scope: Page | Locator): Locator {
  return scope.getByRole('group', { name: 'Bàn phím tiếng Việt' });
}

test('a name typed with the letter and tone keys only, in lower case, is capitalised on screen, in the dossier and on paper', async ({
  page,
}) => {
  await openKioskAt(page, host.url, MONDAY);
  await page.getByRole('button', { name: /^Khai tờ khai: Chứng thực bản sao từ bản chính/ }).click();
  await expect(page.getByRole('heading', { name: /Bước 1\/3: Người yêu cầu chứng thực/ })).toBeVisible();

  const name = page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' });
  await name.click();
  const keyboard = vietnameseKeyboard(page);
  // n-g-u-y-ê-~-n: the tone key put after ê, before the final n, still lands on ê.
  await tap(keyboard, 'nguyê~n vă');
  await expect(name).toHaveValue('Nguyễn Vă');
  await tap(keyboard, 'n â~n');
  await expect(name).toHaveValue('Nguyễn Văn Ẫn');
  // The wrong tone: the right tone key replaces it, on the word at the caret.
  await tap(keyboard, '~');
  await expect(name).toHaveValue('Nguyễn Văn Ân');
  await expectNoSeriousAxe(page);

  const id = page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' });
  await id.click();
  const keypad = page.getByRole('group', { name: 'Bàn phím số' });
  for (const d of '004090001234') await keypad.getByRole('button', { name: d, exact: true }).click();
  await expect(id).toHaveValue('004090001234');

  // The pickers start at the office's own unit (Pác Nặm is in Thái Nguyên since July 2025)
  // and are filtered with the on-screen keyboard.
  await page.getByRole('button', { name: /^Tỉnh\/thành phố/ }).click();
  let dialog = page.getByRole('dialog', { name: 'Tỉnh/thành phố' });
  await expect(dialog.getByRole('listitem').first()).toHaveText('Tỉnh Thái Nguyên (địa phương này)');
  await expectNoSeriousAxe(page);
  const filter = dialog.getByRole('searchbox', { name: 'Gõ tên để tìm' });
  await tap(vietnameseKeyboard(dialog), 'la`o');
  await expect(filter).toHaveValue('lào');
  await expect(dialog.getByRole('button', { name: /^Tỉnh Lào Cai/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Xoá hết' }).click();
  await tap(vietnameseKeyboard(dialog), 'thai');
  await dialog.getByRole('button', { name: /^Tỉnh Thái Nguyên/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: /^Xã\/phường\/đặc khu/ }).click();
  dialog = page.getByRole('dialog', { name: 'Xã/phường/đặc khu' });
  await expect(dialog.getByRole('listitem').first()).toHaveText(/^Xã .+ \(địa phương này\)$/);
  await tap(vietnameseKeyboard(dialog), 'bă`ng');
  await expect(dialog.getByRole('searchbox')).toHaveValue('bằng');
  await dialog.getByRole('button', { name: /^Xã Bằng Thành/ }).click();

  await page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' }).click();
  await tap(keyboard, 'thôn na` phâ`y');
  await expect(page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' })).toHaveValue('thôn nà phầy');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();

  await expect(page.getByRole('heading', { name: /Bước 2\/3: Nội dung yêu cầu/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Tên giấy tờ, văn bản' }).fill('Giấy khai sinh');
  await page.getByRole('textbox', { name: 'Số bản cần chứng thực' }).fill('2');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();

  await expect(page.getByRole('heading', { name: /Bước 3\/3: Xem lại/ })).toBeVisible();
  await expect(page.locator('.review')).toContainText('Nguyễn Văn Ân');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
  await expect(page.getByText('Đã in Tờ khai.')).toBeVisible({ timeout: 30_000 });
  // Both documents printed before the test ends: a print still rendering in the host's browser
  // when the test closes races the runner's own teardown of that browser's contexts.
  await expect(page.getByText('Đã in Giấy tiếp nhận hồ sơ.')).toBeVisible({ timeout: 30_000 });

  const db = await readKioskDb(page);
  expect(db.dossiers.map((d) => d.applicantName)).toEqual(['Nguyễn Văn Ân']);
  const declaration = squash(await printedPdfText(host.url, db.dossiers[0]!.id, 'declaration'));
  expect(declaration).toContain('Nguyễn Văn Ân');
  expect(declaration).not.toContain('nguyễn');
});

test('tapping in the text moves the caret, and the keys edit there', async ({ page }) => {
  await openKioskAt(page, host.url, MONDAY);
  await page.getByRole('button', { name: /^Khai tờ khai: Chứng thực bản sao từ bản chính/ }).click();
  const name = page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' });
  await name.click();
  const keyboard = vietnameseKeyboard(page);
  await tap(keyboard, 'ngyê~n thi');
  await expect(name).toHaveValue('Ngyễn Thi');

  // A tap between "g" and "y" (the caret set where the finger lands): the missing u goes there.
  await name.evaluate((el: HTMLInputElement) => el.setSelectionRange(2, 2));
  await tap(keyboard, 'u');
  await expect(name).toHaveValue('Nguyễn Thi');
  await expect(name).toHaveJSProperty('selectionStart', 3);

  // The caret keys: back into "Nguyễn", where the tone key changes that word's tone.
  await name.evaluate((el: HTMLInputElement) => el.setSelectionRange(el.value.length, el.value.length));
  await tap(keyboard, '.');
  await expect(name).toHaveValue('Nguyễn Thị');
  for (let i = 0; i < 5; i++) await keyboard.getByRole('button', { name: 'Lùi con trỏ' }).click();
  await tap(keyboard, '´');
  await expect(name).toHaveValue('Nguyến Thị');
  await tap(keyboard, '~');
  await expect(name).toHaveValue('Nguyễn Thị');
  await expect(name).toHaveJSProperty('selectionStart', 5);

  // Backspace in the middle removes the letter before the caret and keeps the rest.
  await keyboard.getByRole('button', { name: /Xoá lùi/ }).click();
  await expect(name).toHaveValue('Nguyn Thị');
  await tap(keyboard, 'ê');
  await expect(name).toHaveValue('Nguyên Thị');

  const stored = async () => (await readKioskDb(page)).drafts[0]?.formData['requester.fullName'];
  await expect.poll(stored).toBe('Nguyên Thị');
});

test('the status look-up is typed on screen and corrected at the caret', async ({ page }) => {
  await openKioskAt(page, host.url, MONDAY);
  await page.getByRole('button', { name: 'Tra cứu hồ sơ' }).click();
  const box = page.getByRole('textbox', { name: 'Mã hồ sơ' });
  const pad = page.getByRole('group', { name: 'Bàn phím mã hồ sơ' });
  for (const ch of 'H01-2X1123-0009') await pad.getByRole('button', { name: ch, exact: true }).click();
  await expect(box).toHaveValue('H01-2X1123-0009');
  // Fix the X: the caret back to just after it, delete it, type the 6.
  for (let i = 0; i < 9; i++) await pad.getByRole('button', { name: 'Lùi con trỏ' }).click();
  await pad.getByRole('button', { name: /Xoá lùi/ }).click();
  await pad.getByRole('button', { name: '6', exact: true }).click();
  await expect(box).toHaveValue('H01-261123-0009');
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  // A code alone (no receipt QR check part) is not looked up: the screen asks for the QR.
  await expect(page.getByRole('alert')).toContainText('mã QR trên giấy tiếp nhận');
  await expectNoSeriousAxe(page);
});

test('the catalogue search takes tone keys; a required picker says so in its name, not with aria-required', async ({
  page,
}) => {
  await openKioskAt(page, host.url, MONDAY);
  await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
  const box = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
  await tap(vietnameseKeyboard(page), 'khai sinh');
  await expect(box).toHaveValue('khai sinh');
  await vietnameseKeyboard(page).getByRole('button', { name: 'Xoá hết' }).click();
  await tap(vietnameseKeyboard(page), 'khai tư?');
  await expect(box).toHaveValue('khai tử');
  const results = page.getByRole('region', { name: /Kết quả tìm kiếm/ });
  await expect(results.getByRole('listitem').first()).toHaveAccessibleName(/^Đăng ký khai tử/);
  await expectNoSeriousAxe(page);

  await results.getByRole('button', { name: 'Khai tờ khai: Đăng ký khai tử' }).click();
  const province = page.getByRole('button', { name: /^Tỉnh\/thành phố \(bắt buộc\)/ }).first();
  await expect(province).toBeVisible();
  await expect(province).not.toHaveAttribute('aria-required');
  await expectNoSeriousAxe(page);
});

test('a required checkbox left unticked shows its message under it', async ({ page }) => {
  await openKioskAt(page, host.url, MONDAY);
  await page.getByRole('button', { name: /^Khai tờ khai: Chứng thực bản sao từ bản chính/ }).click();
  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' }).fill('Lê Văn Bình');
  await page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' }).fill('004090001234');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();
  await page.getByRole('radio', { name: 'Chứng thực chữ ký' }).click();
  const tick = page.getByRole('checkbox', { name: /Tôi sẽ ký \(điểm chỉ\)/ });
  await expect(tick).toHaveAttribute('aria-checked', 'false');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();
  await expect(tick).toHaveAccessibleDescription(/Vui lòng đánh dấu để xác nhận/);
  const message = page.getByText('Vui lòng đánh dấu để xác nhận.');
  await expect(message).toBeVisible();
  const [box, below] = [await tick.boundingBox(), await message.boundingBox()];
  expect(below!.y).toBeGreaterThanOrEqual(box!.y + box!.height - 1);
  await expectNoSeriousAxe(page);
  await tick.click();
  await expect(message).toHaveCount(0);
});
