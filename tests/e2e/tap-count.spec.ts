import { expect, test, type Locator, type Page } from '@playwright/test';
import { openKioskAt, scanBurst, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { CCCD_QR, printedPdfText, readKioskDb, squash } from './declaration-helpers.ts';
import { GOOD_ID_CARDS } from '../support/id-card-samples.ts';

// Monday 23/11/2026 09:10 in Pác Nặm: certification is served today, same day.
const MONDAY = vn('2026-11-23 09:10');

/** Every touch goes through here, so the test counts what a person would do with a finger. */
class Taps {
  count = 0;
  async tap(target: Locator): Promise<void> {
    this.count++;
    await target.click();
  }
}

test.describe('Pác Nặm', () => {
  let host: KioskHostHandle;
  test.beforeAll(async () => {
    host = await startKioskHost({ profile: 'pac-nam' });
  });
  test.afterAll(async () => {
    await host.close();
  });

  test('a same-day certification from Today to the printed receipt, touch only with a card scan, in ≤ 12 taps', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const taps = new Taps();
    await openKioskAt(page, host.url, MONDAY);
    await taps.tap(page.getByRole('button', { name: /^Khai tờ khai: Chứng thực bản sao từ bản chính/ }));
    await expect(page.getByRole('heading', { name: /Bước 1\/3: Người yêu cầu chứng thực/ })).toBeVisible();
    await scanBurst(page, CCCD_QR);
    await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' })).toHaveValue(
      'Nguyễn Văn An',
    );
    await taps.tap(page.getByRole('button', { name: 'Tiếp theo', exact: true }));

    await expect(page.getByRole('heading', { name: /Bước 2\/3: Nội dung yêu cầu/ })).toBeVisible();
    const picks = page.getByRole('group', { name: 'Chọn nhanh: Tên giấy tờ, văn bản' });
    await taps.tap(picks.getByRole('button', { name: 'Giấy khai sinh' }));
    await expect(page.getByRole('textbox', { name: 'Tên giấy tờ, văn bản' })).toHaveValue('Giấy khai sinh');
    await taps.tap(
      page
        .getByRole('group', { name: 'Chọn nhanh: Số bản cần chứng thực' })
        .getByRole('button', { name: '2' }),
    );
    await taps.tap(page.getByRole('button', { name: 'Tiếp theo', exact: true }));

    await expect(page.getByRole('heading', { name: /Bước 3\/3: Xem lại/ })).toBeVisible();
    await taps.tap(page.getByRole('button', { name: 'Nộp hồ sơ' }));
    await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
    await expect(page.getByText('Đã in Giấy tiếp nhận hồ sơ.')).toBeVisible({ timeout: 90_000 });

    const dossier = (await readKioskDb(page)).dossiers[0]!;
    expect(dossier.applicantName).toBe('Nguyễn Văn An');
    console.log(`TAPS certification: ${taps.count}`);
    expect(taps.count).toBeLessThanOrEqual(12);
    // Recorded in BENCHMARKS.md ("Taps"): a change that adds a tap must say so there.
    expect(taps.count).toBe(6);
  });
});

const TONE_KEY: Record<string, string> = {
  '´': 'Dấu sắc',
  '`': 'Dấu huyền',
  '?': 'Dấu hỏi',
  '~': 'Dấu ngã',
  '.': 'Dấu nặng',
};

/** Types on the on-screen keys, one tap per key: letters, " " for the space bar, "´`?~." for the tones. */
async function typeOnKeys(taps: Taps, page: Page, keys: string): Promise<void> {
  const keyboard = page.getByRole('group', { name: 'Bàn phím tiếng Việt' });
  for (const k of keys) {
    const name = k === ' ' ? 'Dấu cách' : (TONE_KEY[k] ?? k);
    await taps.tap(keyboard.getByRole('button', { name, exact: true }));
  }
}

const quickPick = (page: Page, field: string) => page.getByRole('group', { name: `Chọn nhanh: ${field}` });

async function typeDigits(taps: Taps, page: Page, digits: string): Promise<void> {
  const keypad = page.getByRole('group', { name: 'Bàn phím số' });
  for (const d of digits) await taps.tap(keypad.getByRole('button', { name: d, exact: true }));
}

test.describe('Gia Lâm', () => {
  let host: KioskHostHandle;
  test.beforeAll(async () => {
    host = await startKioskHost({ profile: 'gia-lam' });
  });
  test.afterAll(async () => {
    await host.close();
  });

  // Tuesday 24/11/2026 08:30 in Gia Lâm: no-writing and no-appointment day, birth registration served.
  const TUESDAY = vn('2026-11-24 08:30');

  test('a birth registration with two card scans, touch only, from Today to the printed receipt, in ≤ 60 taps', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const mother = GOOD_ID_CARDS[1]!;
    const taps = new Taps();
    const next = () => taps.tap(page.getByRole('button', { name: 'Tiếp theo', exact: true }));
    await openKioskAt(page, host.url, TUESDAY);
    await taps.tap(page.getByRole('button', { name: /^Khai tờ khai: Đăng ký khai sinh/ }));

    // The mother declares: her card once.
    await expect(page.getByRole('heading', { name: /Bước 1\/6: Người đi khai sinh/ })).toBeVisible();
    await scanBurst(page, mother.qr);
    await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' })).toHaveValue(
      mother.fullName,
    );
    await taps.tap(page.getByRole('radio', { name: 'Mẹ', exact: true }));
    await next();

    // The child, from the hospital's birth certificate.
    await expect(page.getByRole('heading', { name: /Bước 2\/6: Người được khai sinh/ })).toBeVisible();
    const childName = page.getByRole('textbox', { name: 'Họ, chữ đệm, tên' });
    await taps.tap(childName);
    await typeOnKeys(taps, page, 'nguyê~n minh khôi');
    await expect(childName).toHaveValue('Nguyễn Minh Khôi');
    await taps.tap(page.getByRole('textbox', { name: 'Ngày, tháng, năm sinh' }));
    await typeDigits(taps, page, '20112026');
    await taps.tap(page.getByRole('radio', { name: 'Nam', exact: true }));
    // Born at home in the commune, home town the same: the office's commune is a quick pick.
    const GIA_LAM = 'Xã Gia Lâm, Thành phố Hà Nội';
    await taps.tap(quickPick(page, 'Nơi sinh').getByRole('button', { name: GIA_LAM }));
    await expect(page.getByRole('textbox', { name: 'Nơi sinh' })).toHaveValue(GIA_LAM);
    await taps.tap(quickPick(page, 'Quê quán').getByRole('button', { name: GIA_LAM }));
    await expect(page.getByRole('textbox', { name: 'Quê quán' })).toHaveValue(GIA_LAM);
    await next();

    // The mother: carried over from the declarant, nothing to scan or type.
    await expect(page.getByRole('heading', { name: /Bước 3\/6: Thông tin người mẹ/ })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Năm sinh' })).toHaveValue('1997');
    await next();

    // The father: his card.
    await expect(page.getByRole('heading', { name: /Bước 4\/6: Thông tin người cha/ })).toBeVisible();
    await scanBurst(page, CCCD_QR);
    await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người cha' })).toHaveValue(
      'Nguyễn Văn An',
    );
    await next();

    // Two extract copies: a tick and a quick pick.
    await expect(page.getByRole('heading', { name: /Bước 5\/6: Bản sao/ })).toBeVisible();
    await taps.tap(page.getByRole('checkbox', { name: 'Đề nghị cấp bản sao trích lục' }));
    await taps.tap(quickPick(page, 'Số lượng bản sao').getByRole('button', { name: '2', exact: true }));
    await expect(page.getByRole('textbox', { name: 'Số lượng bản sao' })).toHaveValue('2');
    await next();
    await expect(page.getByRole('heading', { name: /Bước 6\/6: Xem lại/ })).toBeVisible();
    await taps.tap(page.getByRole('button', { name: 'Nộp hồ sơ' }));
    await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
    await expect(page.getByText('Đã in Giấy tiếp nhận hồ sơ.')).toBeVisible({ timeout: 90_000 });

    const dossier = (await readKioskDb(page)).dossiers[0]!;
    expect(dossier.applicantName).toBe(mother.fullName);
    const declaration = squash(await printedPdfText(host.url, dossier.id, 'declaration'));
    expect(declaration).toContain('Nguyễn Minh Khôi');
    expect(declaration).toContain('Nguyễn Văn An');
    expect(declaration).toContain('Xã Gia Lâm, Thành phố Hà Nội');
    console.log(`TAPS birth registration: ${taps.count}`);
    expect(taps.count).toBeLessThanOrEqual(60);
    // Recorded in BENCHMARKS.md ("Taps"): a change that adds a tap must say so there.
    expect(taps.count).toBe(40);
  });
});
