import { expect, test, type Page } from '@playwright/test';
import { openKioskAt, scanBurst, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { CCCD_QR, pickUnit, printedPdfText, readKioskDb, squash } from './declaration-helpers.ts';
import { kioskWithVolunteers, signInVolunteer } from './settings-helpers.ts';

// Real printing (two Chromium renders, then a CUPS job followed until it completed) is slow
// on a loaded machine: three times the default test timeout.
test.beforeEach(() => test.slow());

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: 'gia-lam' });
});
test.afterAll(async () => {
  await host.close();
});

// Tuesday 24/11/2026 in Gia Lâm: no-appointment (2 working hours) and no-writing day.
const TUESDAY = vn('2026-11-24 08:30');

const next = (page: Page) => page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();

async function openBirthRegistration(page: Page): Promise<void> {
  await openKioskAt(page, host.url, TUESDAY);
  await startBirthRegistration(page);
}

/** From Today, without reloading (a reload would sign a volunteer out). */
async function startBirthRegistration(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Tìm thủ tục/ }).click();
  await page.getByRole('searchbox').fill('khai sinh');
  await page.getByRole('listitem').first().getByRole('button').first().click();
  await page.getByRole('button', { name: /Khai tờ khai/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tờ khai đăng ký khai sinh' })).toBeVisible();
}

/** The volunteer's row as the settings stored it (id, name; the PIN hash is not read). */
async function storedVolunteer(page: Page, name: string): Promise<{ id: string; name: string }> {
  const rows = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('commune-kiosk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<{ id: string; name: string }[]>((resolve, reject) => {
      const req = db.transaction('volunteers').objectStore('volunteers').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return all.map(({ id, name }) => ({ id, name }));
  });
  const found = rows.filter((r) => r.name === name);
  if (found.length !== 1)
    throw new Error(`expected one volunteer named ${name}, got ${JSON.stringify(rows)}`);
  return found[0]!;
}

// A Youth Union volunteer; a name no citizen in this test has, so a stray print is visible.
const VOLUNTEER = 'Đỗ Thị Thu Hà';
const VOLUNTEER_PIN = '4826';

test('a volunteer fills a birth registration from an ID-card QR burst, which never lands in the focused field', async ({
  page,
}) => {
  // The office set the kiosk up (first-run officer PIN) and added the volunteer in settings.
  await openKioskAt(page, host.url, TUESDAY);
  await kioskWithVolunteers(page, [[VOLUNTEER, VOLUNTEER_PIN]]);
  await signInVolunteer(page, VOLUNTEER, VOLUNTEER_PIN);
  await expect(page.getByRole('status').filter({ hasText: `Đang hỗ trợ: ${VOLUNTEER}` })).toBeVisible();
  await startBirthRegistration(page);
  // The phone field has the focus when the card is scanned: the burst must not end up in it.
  const phone = page.getByRole('textbox', { name: 'Số điện thoại' });
  await phone.click();
  await scanBurst(page, CCCD_QR);
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã điền từ thẻ căn cước của Nguyễn Văn An' }),
  ).toBeVisible();
  await expect(phone).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' })).toHaveValue(
    'Nguyễn Văn An',
  );
  await expect(page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' })).toHaveValue(
    '001095012345',
  );
  await expect(page.getByRole('button', { name: /^Tỉnh\/thành phố/ })).toContainText('Thành phố Hà Nội');
  await expect(page.getByRole('button', { name: /^Xã\/phường\/đặc khu/ })).toContainText('Xã Gia Lâm');
  await expect(page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' })).toHaveValue('Số 1 ngõ 2');

  // A foreign QR (a portal link) gets a message and changes nothing.
  await scanBurst(page, 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
  await expect(
    page.getByRole('alert').filter({ hasText: 'không phải mã QR trên thẻ căn cước' }),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' })).toHaveValue(
    'Nguyễn Văn An',
  );

  await page.getByRole('radio', { name: 'Cha', exact: true }).click();
  await phone.fill('0912345678');
  await next(page);

  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên' }).fill('Nguyễn Minh Khôi');
  await page.getByRole('textbox', { name: 'Ngày, tháng, năm sinh' }).fill('20112026');
  await expect(page.getByRole('textbox', { name: 'Ngày, tháng, năm sinh' })).toHaveValue('20/11/2026');
  await page.getByRole('radio', { name: 'Nam', exact: true }).click();
  await page.getByRole('textbox', { name: 'Nơi sinh' }).fill('Bệnh viện đa khoa Gia Lâm');
  await page.getByRole('textbox', { name: 'Quê quán' }).fill('Xã Gia Lâm, Thành phố Hà Nội');
  await next(page);

  // The mother: typed by the volunteer.
  await expect(page.getByRole('heading', { name: /Thông tin người mẹ/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người mẹ' }).fill('Trần Thị Hoa');
  await page.getByRole('textbox', { name: 'Năm sinh' }).fill('1997');
  await pickUnit(page, /^Tỉnh\/thành phố/, 'ha noi', 'Thành phố Hà Nội');
  await pickUnit(page, /^Xã\/phường\/đặc khu/, 'gia lam', 'Xã Gia Lâm');
  await page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' }).fill('Số 1 ngõ 2');
  await next(page);

  // The father's step takes his card: the same QR fills this section, year of birth included.
  await expect(page.getByRole('heading', { name: /Thông tin người cha/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Chưa xác định được cha' })).toHaveAttribute(
    'aria-checked',
    'false',
  );
  await scanBurst(page, CCCD_QR);
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người cha' })).toHaveValue(
    'Nguyễn Văn An',
  );
  await expect(page.getByRole('textbox', { name: 'Năm sinh' })).toHaveValue('1995');
  await next(page);
  await expect(page.getByRole('heading', { name: /Bản sao/ })).toBeVisible();
  await next(page);

  await expect(page.getByRole('heading', { name: /Xem lại/ })).toBeVisible();
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
  // Gia Lâm's Tuesday: two working hours from 08:30.
  await expect(page.locator('.return-text')).toContainText('Trả kết quả trước 10:30 thứ Ba, ngày 24/11/2026');
  await expect(page.getByText('Đã in Tờ khai.')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('Đã in Giấy tiếp nhận hồ sơ.')).toBeVisible({ timeout: 90_000 });

  const { dossiers, outbox } = await readKioskDb(page);
  expect(dossiers).toHaveLength(1);
  const d = dossiers[0]!;
  // The dossier records who assisted by id only: the office resolves the id, and the name
  // never travels with the citizen's data.
  const volunteer = await storedVolunteer(page, VOLUNTEER);
  expect(d.volunteerId).toBe(volunteer.id);
  expect(JSON.stringify(d)).not.toContain(VOLUNTEER);
  const item = outbox.find((o) => o.kind === 'dossier' && o.dossierId === d.id);
  expect(JSON.stringify(item)).toContain(volunteer.id);
  expect(JSON.stringify(item)).not.toContain(VOLUNTEER);
  const declaration = squash(await printedPdfText(host.url, d.id, 'declaration'));
  expect(declaration).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
  expect(declaration).toContain('Nguyễn Minh Khôi');
  expect(declaration).toContain('Nguyễn Văn An');
  expect(declaration).toContain('Trần Thị Hoa');
  expect(declaration).toContain('001095012345');
  const receipt = squash(await printedPdfText(host.url, d.id, 'receipt'));
  expect(receipt).toContain(d.code);
  expect(receipt).toContain('10:30');
  // The citizen signs the declaration and the receiving officer the receipt; the volunteer
  // who typed is neither, so their name is on neither paper.
  expect(declaration).not.toContain(VOLUNTEER);
  expect(receipt).not.toContain(VOLUNTEER);
});

test('validation messages sit next to the wrong fields and keep everything typed', async ({ page }) => {
  await openBirthRegistration(page);
  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' }).fill('Lê Văn Tám');
  const id = page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' });
  await id.fill('00109501234');
  await next(page);

  await expect(page.getByRole('alert').filter({ hasText: 'mục cần sửa' })).toBeVisible();
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await expect(id).toHaveAccessibleDescription(/gồm đúng 12 chữ số/);
  const relationship = page.getByRole('radiogroup', { name: 'Quan hệ với người được khai sinh' });
  await expect(relationship).toHaveAccessibleDescription('Vui lòng chọn một mục.');
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' })).toHaveValue(
    'Lê Văn Tám',
  );
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('heading', { name: /Bước 1\// })).toBeVisible();

  // English messages when the person switches language; the typed values stay.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByRole('textbox', { name: 'Personal ID number (chip ID card)' }),
  ).toHaveAccessibleDescription(/exactly 12 digits/);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();

  // Fixing a field clears its message at once; a future birth date is refused on the next step.
  await id.fill('001095012345');
  await expect(id).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('radio', { name: 'Cha', exact: true }).click();
  await pickUnit(page, /^Tỉnh\/thành phố/, 'ha noi', 'Thành phố Hà Nội');
  await pickUnit(page, /^Xã\/phường\/đặc khu/, 'gia lam', 'Xã Gia Lâm');
  await page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' }).fill('Thôn 3');
  await next(page);
  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên' }).fill('Lê Minh Anh');
  const dob = page.getByRole('textbox', { name: 'Ngày, tháng, năm sinh' });
  await dob.fill('01/01/2030');
  await next(page);
  await expect(dob).toHaveAccessibleDescription(/không được sau ngày hôm nay/);
  await expect(dob).toHaveValue('01/01/2030');
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên' })).toHaveValue('Lê Minh Anh');

  // Back and forward lose nothing.
  await page.getByRole('button', { name: 'Bước trước', exact: true }).click();
  await expect(id).toHaveValue('001095012345');
  await next(page);
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên' })).toHaveValue('Lê Minh Anh');
});

test('a reload mid-form offers the draft back with everything typed', async ({ page }) => {
  await openBirthRegistration(page);
  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' }).fill('Phạm Thị Lan');
  await page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' }).fill('001197004321');
  await page.getByRole('radio', { name: 'Mẹ', exact: true }).click();
  // Autosave is on every change; wait until the stored draft has the last one.
  await expect
    .poll(async () => (await readKioskDb(page)).drafts[0]?.formData['requester.relationship'])
    .toBe('mother');

  await page.reload();
  const prompt = page.getByRole('alertdialog', { name: 'Tiếp tục tờ khai đang làm?' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Tiếp tục khai' }).click();
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' })).toHaveValue(
    'Phạm Thị Lan',
  );
  await expect(page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' })).toHaveValue(
    '001197004321',
  );
  await expect(page.getByRole('radio', { name: 'Mẹ', exact: true })).toHaveAttribute('aria-checked', 'true');
});
