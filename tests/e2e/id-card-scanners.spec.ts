import { expect, test, type Page } from '@playwright/test';
import { openKioskAt, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { printedPdfText, readKioskDb, squash } from './declaration-helpers.ts';
import { setOfficerPinFirstRun } from './settings-helpers.ts';
import { GOOD_ID_CARDS, REJECT_ID_CARDS } from '../support/id-card-samples.ts';
import { openPtyPair } from '../support/pty-pair.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: 'gia-lam' });
});
test.afterAll(async () => {
  await host.close();
});

// Tuesday 24/11/2026 in Gia Lâm: a no-writing day with birth registration.
const TUESDAY = vn('2026-11-24 08:30');

const next = (page: Page) => page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();

/**
 * Plays a scanner inside the page, back to back: on a loaded 2-core test machine the
 * driver's own key events can arrive 100+ ms apart (a person's pace, not a scanner's).
 * Each character is a keydown, or for `asText` characters a text input (beforeinput
 * 'insertText'), at whatever has the focus at that moment, as a browser delivers them. What
 * the kiosk's capture lets through is inserted into the focused field, as the browser's
 * default action would, so a leak shows in the field.
 */
async function playBurst(page: Page, text: string, asText: 'none' | 'non-ascii'): Promise<void> {
  await page.evaluate(
    ({ chars, asText }) => {
      const leak = (data: string) => {
        const el = document.activeElement;
        if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
        // Set as the browser does (no beforeinput), so React's onChange sees it.
        const proto = Object.getPrototypeOf(el) as object;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, el.value + data);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      };
      for (const c of [...chars, 'Enter']) {
        const target = document.activeElement ?? document.body;
        if (asText === 'non-ascii' && c.length === 1 && c.charCodeAt(0) >= 128) {
          const before = new InputEvent('beforeinput', {
            inputType: 'insertText',
            data: c,
            bubbles: true,
            cancelable: true,
          });
          if (target.dispatchEvent(before)) leak(c);
          continue;
        }
        const down = new KeyboardEvent('keydown', { key: c, bubbles: true, cancelable: true });
        if (target.dispatchEvent(down) && c !== 'Enter') leak(c);
        target.dispatchEvent(new KeyboardEvent('keyup', { key: c, bubbles: true, cancelable: true }));
      }
    },
    { chars: text, asText },
  );
}

/** A scanner in keyboard mode: every character a key. */
const keydownBurst = (page: Page, text: string) => playBurst(page, text, 'none');

/**
 * A scanner in Alt-code mode, or Playwright's keyboard.type: ASCII as keys, the Vietnamese
 * letters as text input.
 */
const mixedBurst = (page: Page, text: string) => playBurst(page, text, 'non-ascii');

/**
 * A scanner in Unicode mode: the whole code as one real text input from the browser
 * (Playwright's insertText), whose default action would put it into the focused field.
 */
async function textInputBurst(page: Page, text: string): Promise<void> {
  await page.keyboard.insertText(text);
}

const BURSTS = { keydown: keydownBurst, 'text input': textInputBurst, 'keys and text': mixedBurst };

/**
 * The page's clock stands still while a burst plays (a loaded test machine can stall the
 * page for longer than the gap between a scanner's keys); then the quiet gap passes and
 * the held burst settles.
 */
async function scan(page: Page, burst: (page: Page, text: string) => Promise<void>, text: string) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
  await burst(page, text);
  await page.clock.runFor(100);
  await page.clock.resume();
}

async function startBirthRegistration(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Tìm thủ tục/ }).click();
  await page.getByRole('searchbox').fill('khai sinh');
  await page.getByRole('button', { name: 'Khai tờ khai: Đăng ký khai sinh', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tờ khai đăng ký khai sinh' })).toBeVisible();
}

/** The requester step's fields a card fills, as shown. */
async function requesterShown(page: Page): Promise<Record<string, string>> {
  return {
    name: await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' }).inputValue(),
    id: await page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' }).inputValue(),
    detail: await page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' }).inputValue(),
    province: (await page.getByRole('button', { name: /^Tỉnh\/thành phố/ }).textContent()) ?? '',
    commune: (await page.getByRole('button', { name: /^Xã\/phường\/đặc khu/ }).textContent()) ?? '',
  };
}

const filledNotice = (page: Page, name: string) =>
  page.getByRole('status').filter({ hasText: `Đã điền từ thẻ căn cước của ${name}` });

test('keydown, text-input and mixed bursts fill the same fields and never touch the focused field', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: TUESDAY });
  await page.goto(host.url);
  await startBirthRegistration(page);
  const phone = page.getByRole('textbox', { name: 'Số điện thoại' });
  // The volunteer had started typing the phone number when the card was scanned.
  await phone.fill('09');

  for (const sample of GOOD_ID_CARDS) {
    const shown: Record<string, Record<string, string>> = {};
    for (const [mode, burst] of Object.entries(BURSTS)) {
      // A refused code first, so the notice below can only come from this burst.
      await scan(page, keydownBurst, REJECT_ID_CARDS[0]!.qr);
      await expect(page.getByRole('alert').filter({ hasText: REJECT_ID_CARDS[0]!.message })).toBeVisible();
      await phone.focus();
      await scan(page, burst, sample.qr);
      await expect(filledNotice(page, sample.fullName), `${sample.name}, ${mode}`).toBeVisible();
      await expect(phone, `${sample.name}, ${mode}`).toHaveValue('09');
      await expect(phone).toBeFocused();
      shown[mode] = await requesterShown(page);
      expect(shown[mode], `${sample.name}, ${mode}`).toMatchObject({
        name: sample.fullName,
        id: sample.personalId,
        detail: sample.addressDetail,
      });
      expect(shown[mode]!.commune).toContain('Xã Gia Lâm');
    }
    expect(shown['text input']).toEqual(shown.keydown);
    expect(shown['keys and text']).toEqual(shown.keydown);
  }

  for (const sample of REJECT_ID_CARDS) {
    for (const [mode, burst] of Object.entries(BURSTS)) {
      // A good card first: the refusal below must leave what it filled as it was.
      await scan(page, keydownBurst, GOOD_ID_CARDS[0]!.qr);
      await expect(filledNotice(page, GOOD_ID_CARDS[0]!.fullName)).toBeVisible();
      const before = await requesterShown(page);
      await phone.focus();
      await scan(page, burst, sample.qr);
      await expect(
        page.getByRole('alert').filter({ hasText: sample.message }),
        `${sample.name}, ${mode}`,
      ).toBeVisible();
      await expect(phone, `${sample.name}, ${mode}`).toHaveValue('09');
      expect(await requesterShown(page), `${sample.name}, ${mode}`).toEqual(before);
    }
  }

  // With the focus on the step's heading (after "Next"), a mixed burst keeps its letters too.
  await page.getByRole('heading', { name: /Bước 1\// }).focus();
  await scan(page, mixedBurst, GOOD_ID_CARDS[1]!.qr);
  await expect(filledNotice(page, GOOD_ID_CARDS[1]!.fullName)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' })).toHaveValue(
    GOOD_ID_CARDS[1]!.fullName,
  );
});

test('a scanner on a serial (COM) port: set up and tested in settings, then it fills a form', async ({
  page,
}) => {
  const pair = await openPtyPair();
  try {
    await openKioskAt(page, host.url, TUESDAY);
    await setOfficerPinFirstRun(page);
    const section = page.getByRole('region', { name: 'Máy quét thẻ cắm cổng COM (serial)' });
    await expect(section.getByRole('status').first()).toHaveText('Chưa dùng máy quét cổng COM.');
    // Nothing typed: the officer is told next to the field, and nothing is opened.
    await section.getByRole('button', { name: 'Lưu và mở cổng' }).click();
    await expect(section.getByRole('alert')).toHaveText('Vui lòng chọn hoặc nhập tên cổng.');
    // A port that does not exist is named as such.
    await section.getByRole('textbox', { name: /^Cổng/ }).fill('/dev/ttyNOSUCHPORT9');
    await section.getByRole('button', { name: 'Lưu và mở cổng' }).click();
    await expect(section.getByRole('status').first()).toHaveText(
      'Không tìm thấy cổng /dev/ttyNOSUCHPORT9. Kiểm tra dây cắm và tên cổng.',
    );
    await section.getByRole('textbox', { name: /^Cổng/ }).fill(pair.kioskEnd);
    await section.getByRole('radio', { name: '9600' }).click();
    await section.getByRole('button', { name: 'Lưu và mở cổng' }).click();
    await expect(section.getByRole('status').first()).toHaveText(
      `Đang nhận mã từ cổng ${pair.kioskEnd} (9600 baud).`,
    );

    // The test button: one scan, reported, filling nothing.
    const sample = GOOD_ID_CARDS[1]!;
    await section.getByRole('button', { name: 'Quét thử' }).click();
    await expect(section.getByRole('button', { name: /Mời quét một thẻ/ })).toBeVisible();
    await pair.send(`${sample.qr}\r\n`);
    await expect(section.getByRole('status').filter({ hasText: 'Máy quét hoạt động tốt' })).toHaveText(
      `Máy quét hoạt động tốt: đã đọc thẻ căn cước của ${sample.fullName}.`,
    );
    await page.getByRole('button', { name: 'Khoá cài đặt' }).click();

    await page.getByRole('button', { name: /^Hôm nay/ }).click();
    await startBirthRegistration(page);
    const name = page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' });
    const phone = page.getByRole('textbox', { name: 'Số điện thoại' });
    await phone.fill('09');
    await phone.focus();
    // The screen listens from when it opens; a card read before that fills nothing.
    await expect(async () => {
      await pair.send(`${sample.qr}\r`);
      await expect(name).toHaveValue(sample.fullName, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(filledNotice(page, sample.fullName)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' })).toHaveValue(
      sample.personalId,
    );
    await expect(phone).toHaveValue('09');
    // A refused code through the same port gets the same message.
    await pair.send(`${REJECT_ID_CARDS[2]!.qr}\r`);
    await expect(page.getByRole('alert').filter({ hasText: REJECT_ID_CARDS[2]!.message })).toBeVisible();
    await expect(name).toHaveValue(sample.fullName);

    // Leaving the form ends its wait for the scanner at once, not when the long poll (up
    // to 20 s) runs out.
    const bridgeCall = (method: string) => (r: { url(): string }) => r.url().endsWith(`/bridge/${method}`);
    const pollEnded = page.waitForResponse(bridgeCall('serialScannerNext'), { timeout: 5_000 });
    const cancelled = page.waitForResponse(bridgeCall('serialScannerCancel'), { timeout: 5_000 });
    await page.getByRole('button', { name: /^Hôm nay/ }).click();
    await page.getByRole('button', { name: 'Rời đi và xoá tờ khai' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại/ })).toBeVisible();
    expect((await cancelled).ok()).toBe(true);
    expect(await (await pollEnded).json()).toMatchObject({ ok: true, value: { scans: [] } });
  } finally {
    await pair.close();
  }
});

test('a mother who declares is scanned once, her year of birth is printed, and the father is skipped', async ({
  page,
}) => {
  const mother = GOOD_ID_CARDS[1]!;
  await openKioskAt(page, host.url, TUESDAY);
  await startBirthRegistration(page);
  // One real text input with the whole code (a scanner in Unicode mode), at the name field.
  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' }).focus();
  await textInputBurst(page, mother.qr);
  await expect(filledNotice(page, mother.fullName)).toBeVisible();
  await page.getByRole('radio', { name: 'Mẹ', exact: true }).click();
  await next(page);

  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên' }).fill('Lê Minh Khôi');
  await page.getByRole('textbox', { name: 'Ngày, tháng, năm sinh' }).fill('20112026');
  await page.getByRole('radio', { name: 'Nam', exact: true }).click();
  await page.getByRole('textbox', { name: 'Nơi sinh' }).fill('Bệnh viện đa khoa Gia Lâm');
  await page.getByRole('textbox', { name: 'Quê quán' }).fill('Xã Gia Lâm, Thành phố Hà Nội');
  await next(page);

  // The mother's step: already filled from the requester's, no second scan asked.
  await expect(page.getByRole('heading', { name: /Thông tin người mẹ/ })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Cùng một người với bước «Người đi khai sinh»' }),
  ).toBeVisible();
  await expect(page.getByText(/Đưa mã QR trên thẻ vào máy quét/)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người mẹ' })).toHaveValue(mother.fullName);
  await expect(page.getByRole('textbox', { name: 'Năm sinh' })).toHaveValue('1997');
  await expect(page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' })).toHaveValue(
    mother.personalId,
  );
  await expect(page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' })).toHaveValue(
    mother.addressDetail,
  );
  await next(page);

  // The father's step: the choice is on the step itself. Without it, every field is asked…
  await expect(page.getByRole('heading', { name: /Thông tin người cha/ })).toBeVisible();
  await next(page);
  await expect(page.getByRole('alert').filter({ hasText: 'mục cần sửa' })).toBeVisible();
  // …one tick says he is not determined, and nothing else is asked.
  await page.getByRole('checkbox', { name: 'Chưa xác định được cha' }).click();
  await expect(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người cha' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await next(page);
  await expect(page.getByRole('heading', { name: /Bản sao/ })).toBeVisible();
  await next(page);

  // The review: a short summary per section, "Sửa" per section, "Không" for what was not chosen.
  await expect(page.getByRole('heading', { name: /Xem lại/ })).toBeVisible();
  const motherCard = page.getByRole('region', { name: 'Thông tin người mẹ' });
  await expect(motherCard.getByRole('definition').filter({ hasText: '1997' })).toBeVisible();
  await expect(motherCard.getByRole('button', { name: 'Sửa: Thông tin người mẹ' })).toBeVisible();
  const copies = page.getByRole('region', { name: 'Bản sao' });
  await expect(copies.getByRole('definition')).toHaveText('Không');
  await expect(page.getByText('(không khai)')).toHaveCount(0);
  // "Nộp hồ sơ" is on screen without scrolling, in portrait.
  await expect(page.getByRole('button', { name: 'Nộp hồ sơ' })).toBeInViewport();
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
  await expect(page.getByText('Đã in Tờ khai.')).toBeVisible({ timeout: 30_000 });
  // Both documents printed before the test ends: a print still rendering in the host's browser
  // when the test closes races the runner's own teardown of that browser's contexts.
  await expect(page.getByText('Đã in Giấy tiếp nhận hồ sơ.')).toBeVisible({ timeout: 30_000 });

  const { dossiers } = await readKioskDb(page);
  const declaration = squash(await printedPdfText(host.url, dossiers.at(-1)!.id, 'declaration'));
  expect(declaration).toContain(mother.fullName);
  expect(declaration).toMatch(/Năm sinh: 1997/);
  expect(declaration).toContain(mother.personalId);
  // The father's part is left out of the paper.
  expect(declaration).not.toContain('Thông tin người cha');
  expect(declaration).not.toContain('Chưa xác định được cha');
});
