/**
 * axe on every kiosk screen, in Vietnamese and English, with normal and large text: no
 * serious or critical violation anywhere. Each screen is reached once; the language and the
 * text size are switched in place from the header (a dialog, which makes the header inert,
 * is opened once per combination instead). Findings are collected and compared at the end
 * of each test, so one run lists every screen that fails.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousAxeViolations } from './axe.ts';
import { startKioskHost, TEST_OFFICE, vn, type KioskHostHandle } from './helpers.ts';
import {
  addVolunteer,
  lockSettings,
  openSettings,
  openStaff,
  typePin,
  OFFICER_PIN,
} from './settings-helpers.ts';
import { fillCertificationRequest } from './certification-helpers.ts';

// The test office on a Monday morning: certification is a no-appointment procedure today.
const MONDAY = vn('2026-11-23 09:00');
/** The test office's idle timeout; the warning shows in its last 5 s. */
const IDLE_MS = 15_000;

// The kiosk's portrait screen.
test.use({ viewport: { width: 1080, height: 1920 } });

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: TEST_OFFICE });
});
test.afterAll(async () => {
  await host.close();
});

type Combo = { lang: 'vi' | 'en'; large: boolean };
const COMBOS: readonly Combo[] = [
  { lang: 'vi', large: false },
  { lang: 'vi', large: true },
  { lang: 'en', large: true },
  { lang: 'en', large: false },
];

const nav = (page: Page) => page.getByRole('navigation', { name: /^(Điều hướng chính|Main navigation)$/ });

/** Switches the header's language and text size to `to` (no-op for what already matches). */
async function setCombo(page: Page, to: Combo): Promise<void> {
  const html = page.locator('html');
  const lang = await html.getAttribute('lang');
  if (lang !== to.lang) {
    await nav(page)
      .getByRole('button', { name: to.lang === 'en' ? 'English' : 'Tiếng Việt' })
      .click();
    await expect(html).toHaveAttribute('lang', to.lang);
  }
  const large = ((await html.getAttribute('class')) ?? '').split(' ').includes('large-text');
  if (large !== to.large) {
    await nav(page)
      .getByRole('button', { name: to.lang === 'en' ? 'Large text' : 'Chữ to' })
      .click();
    if (to.large) await expect(html).toHaveClass(/\blarge-text\b/);
    else await expect(html).not.toHaveClass(/\blarge-text\b/);
  }
}

const label = (screen: string, c: Combo) => `${screen} [${c.lang}${c.large ? ', large text' : ''}]`;

/** Serious and critical findings on the page as it is now. */
async function axe(page: Page, where: string): Promise<string[]> {
  return (await seriousAxeViolations(page)).map((v) => `${where}: ${v}`);
}

class Sweep {
  readonly findings: string[] = [];
  constructor(private readonly page: Page) {}

  /**
   * The screen as it is, in the four combinations; ends in Vietnamese with normal text.
   * `clockHeld`: the page clock is paused (a screen that moves on by itself); axe's own timers
   * are then let run a millisecond at a time, so the page's clock barely moves.
   */
  async screen(name: string, options: { clockHeld?: boolean } = {}): Promise<void> {
    for (const combo of COMBOS) {
      await setCombo(this.page, combo);
      const run = axe(this.page, label(name, combo));
      if (options.clockHeld) {
        let done = false;
        void run.finally(() => (done = true)).catch(() => undefined);
        while (!done) await this.page.clock.runFor(1);
      }
      this.findings.push(...(await run));
    }
    await setCombo(this.page, COMBOS[0]!);
  }

  /** A modal that makes the header inert: opened and closed once per combination. */
  async dialog(name: string, open: () => Promise<void>, close: () => Promise<void>): Promise<void> {
    for (const combo of COMBOS) {
      await setCombo(this.page, combo);
      await open();
      this.findings.push(...(await axe(this.page, label(name, combo))));
      await close();
    }
    await setCombo(this.page, COMBOS[0]!);
  }

  expectNone(): void {
    expect(this.findings).toEqual([]);
  }
}

async function openKiosk(page: Page): Promise<void> {
  await page.clock.setFixedTime(MONDAY);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại / })).toBeVisible();
}

test('citizen screens: Today, fields, one field, search, no result, procedure, status look-up, camera dialog, idle warning', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const sweep = new Sweep(page);
  await openKiosk(page);
  await sweep.screen('Today');

  await nav(page).getByRole('button', { name: 'Tìm thủ tục' }).click();
  const search = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
  await expect(search).toBeVisible();
  await sweep.screen('Find: the fields, keyboard open');

  await search.fill('khai sinh');
  await expect(
    page
      .getByRole('region', { name: /Kết quả tìm kiếm/ })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await sweep.screen('Find: search results');

  await search.fill('qqqwww zzz');
  await expect(page.getByText(/nhờ tình nguyện viên, cán bộ giúp/)).toBeVisible();
  await sweep.screen('Find: no result');

  await page
    .getByRole('list', { name: 'Chọn theo lĩnh vực' })
    .getByRole('button', { name: /^Hộ tịch/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hộ tịch' })).toBeVisible();
  await sweep.screen('Find: one field');

  await page
    .getByRole('list', { name: 'Thủ tục thuộc lĩnh vực Hộ tịch' })
    .getByRole('button', { name: /^Đăng ký khai sinh/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeVisible();
  await sweep.screen('Procedure page');

  await nav(page).getByRole('button', { name: 'Hôm nay' }).click();
  await page.getByRole('button', { name: 'Tra cứu hồ sơ' }).click();
  const code = page.getByRole('textbox', { name: 'Mã hồ sơ' });
  await expect(code).toBeVisible();
  await sweep.screen('Status look-up');
  await code.fill('H01-261123-0009-7KQ4M2XD9PTA3F6B');
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('H01-261123-0009');
  await sweep.screen('Status look-up: not found');
  // The camera scan dialog (this machine has no camera: its "no camera" state).
  const camera = page.getByRole('dialog');
  await sweep.dialog(
    'Camera scan dialog',
    async () => {
      await page.getByRole('button', { name: /^(Quét bằng camera|Scan with the camera)$/ }).click();
      await expect(camera).toBeVisible();
    },
    async () => {
      await camera.getByRole('button', { name: /^(Đóng|Close)$/ }).click();
      await expect(camera).toHaveCount(0);
    },
  );

  // The idle warning: the page clock moves to 3 s before the reset, then the citizen stays.
  let at = MONDAY.getTime();
  await sweep.dialog(
    'Idle warning',
    async () => {
      at += IDLE_MS - 3_000;
      await page.clock.setFixedTime(at);
      await expect(page.getByRole('alertdialog')).toBeVisible();
    },
    async () => {
      await page.getByRole('alertdialog').getByRole('button').click();
      await expect(page.getByRole('alertdialog')).toHaveCount(0);
    },
  );
  sweep.expectNone();
});

/** Every form the kiosk has, found by the procedure it serves. */
const FORMS = [
  { query: 'khai sinh', procedure: 'Đăng ký khai sinh' },
  { query: 'kết hôn', procedure: 'Đăng ký kết hôn' },
  { query: 'tình trạng hôn nhân', procedure: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
  { query: 'khai tử', procedure: 'Đăng ký khai tử' },
  { query: 'chứng thực bản sao', procedure: 'Chứng thực bản sao từ bản chính' },
  { query: 'hộ kinh doanh', procedure: 'Đăng ký thành lập hộ kinh doanh' },
] as const;

const stepHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^Bước \d+\/\d+/ });

/** Moves the stored draft to its review step (as a reload finds it), then reloads. */
async function reloadOnReview(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('commune-kiosk');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const store = db.transaction('drafts', 'readwrite').objectStore('drafts');
        const rows = await new Promise<{ step: number }[]>((resolve) => {
          const req = store.getAll();
          req.onsuccess = () => resolve(req.result as { step: number }[]);
        });
        for (const row of rows) store.put({ ...row, step: 99 });
        db.close();
        return rows.length;
      }),
    )
    .toBe(1);
  await page.reload();
}

for (const [half, forms] of [
  ['first', FORMS.slice(0, 3)],
  ['second', FORMS.slice(3)],
] as const) {
  test(`every step of every declaration form, its messages, review and dialogs (${half} half)`, async ({
    page,
  }) => {
    test.setTimeout(420_000);
    const sweep = new Sweep(page);
    await openKiosk(page);
    for (const [i, { query, procedure }] of forms.entries()) {
      await nav(page).getByRole('button', { name: 'Tìm thủ tục' }).click();
      await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill(query);
      await page
        .getByRole('button', { name: new RegExp(`^Khai tờ khai: ${procedure}`) })
        .first()
        .click();
      await expect(stepHeading(page)).toHaveAccessibleName(/^Bước 1\//);
      // The first text field has the focus: the keyboard (or keypad) is open under it.
      await page.getByRole('textbox').first().click();
      await sweep.screen(`${procedure}: step 1, typing`);
      await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();
      await expect(page.getByRole('alert').first()).toBeVisible();
      await sweep.screen(`${procedure}: step 1, with its messages`);

      if (i === 0) {
        // The pickers' dialog and, once something is typed, the question before leaving.
        await sweep.dialog(
          'Province picker',
          async () => {
            const picker = page.getByRole('button', { name: /^(Tỉnh\/thành phố|Province)/ }).first();
            // Above the on-screen keyboard, as a person scrolls it.
            await picker.evaluate((el) => el.scrollIntoView({ block: 'center' }));
            await picker.click();
            await expect(page.getByRole('dialog')).toBeVisible();
          },
          async () => {
            await page.getByRole('dialog').press('Escape');
            await expect(page.getByRole('dialog')).toHaveCount(0);
          },
        );
        await page
          .getByRole('textbox', { name: /^Họ, chữ đệm, tên/ })
          .first()
          .fill('Lê');
        await sweep.dialog(
          'Leave-form question',
          async () => {
            await nav(page)
              .getByRole('button', { name: /^(Hôm nay|Today)$/ })
              .click();
            await expect(page.getByRole('alertdialog')).toBeVisible();
          },
          async () => {
            await page
              .getByRole('alertdialog')
              .getByRole('button', { name: /^(Ở lại khai tiếp|Stay and continue)$/ })
              .click();
            await expect(page.getByRole('alertdialog')).toHaveCount(0);
          },
        );
      }

      await reloadOnReview(page);
      const resume = page.getByRole('alertdialog', { name: 'Tiếp tục tờ khai đang làm?' });
      await expect(resume).toBeVisible();
      if (i === 0) {
        // After a reload the kiosk speaks Vietnamese; large text is kept for the session.
        sweep.findings.push(...(await axe(page, 'Resume prompt [vi]')));
      }
      await resume.getByRole('button', { name: 'Tiếp tục khai' }).click();
      await expect(stepHeading(page)).toHaveAccessibleName(/Xem lại/);
      await sweep.screen(`${procedure}: review`);

      // From the review to the last step, then back through every step to the second.
      await page
        .getByRole('button', { name: /^Sửa: / })
        .last()
        .click();
      for (;;) {
        const name = (await stepHeading(page).textContent()) ?? '';
        const n = Number(/^Bước (\d+)/.exec(name)?.[1]);
        if (n === 1) break;
        await sweep.screen(`${procedure}: ${name}`);
        await page.getByRole('button', { name: 'Bước trước', exact: true }).click();
        await expect(stepHeading(page)).toHaveAccessibleName(new RegExp(`^Bước ${n - 1}/`));
      }
      // Back on step 1 with nothing typed, the form is left without a question.
      await nav(page).getByRole('button', { name: 'Hôm nay' }).click();
      const today = page.getByRole('heading', { level: 1, name: /^Hôm nay tại / });
      const confirm = page.getByRole('alertdialog').getByRole('button', { name: 'Rời đi và xoá tờ khai' });
      await expect(confirm.or(today)).toBeVisible();
      if (await confirm.isVisible()) await confirm.click();
      await expect(today).toBeVisible();
    }
    sweep.expectNone();
  });
}

test('staff and after-submit screens: staff entry, settings, adding a volunteer, volunteer sign-in, review in staff mode, receipt, satisfaction and thanks, dossier list', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const sweep = new Sweep(page);
  await openKiosk(page);
  await openStaff(page);
  await sweep.screen('Staff entry');
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('heading', { name: 'Đặt mã PIN cán bộ lần đầu' })).toBeVisible();
  await sweep.screen('Settings: first officer PIN');
  await typePin(page, 'Mã PIN cán bộ mới', OFFICER_PIN);
  await typePin(page, 'Nhập lại mã PIN cán bộ', OFFICER_PIN);
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Tình nguyện viên', level: 2 })).toBeVisible();
  await sweep.screen('Settings');
  await page.getByRole('button', { name: 'Thêm tình nguyện viên' }).click();
  await expect(page.getByLabel('Họ và tên')).toBeVisible();
  await sweep.screen('Settings: add a volunteer');
  await page
    .getByRole('form', { name: 'Thêm tình nguyện viên' })
    .getByRole('button', { name: 'Huỷ' })
    .click();
  await addVolunteer(page, 'Nguyễn Văn An', '2580');
  await lockSettings(page);

  await openStaff(page);
  await page.getByRole('button', { name: 'Tình nguyện viên', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Chọn tên tình nguyện viên' })).toBeVisible();
  await sweep.screen('Volunteer sign-in: names');
  await page.getByRole('button', { name: 'Nguyễn Văn An' }).click();
  await sweep.screen('Volunteer sign-in: PIN');
  await typePin(page, 'Mã PIN', '2580');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đang hỗ trợ: Nguyễn Văn An' })).toBeVisible();

  await nav(page).getByRole('button', { name: 'Hôm nay' }).click();
  await fillCertificationRequest(page);
  await expect(page.getByRole('button', { name: 'Chọn tệp' })).toBeVisible();
  await sweep.screen('Review, staff mode (file picker)');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
  await expect(page.getByText(/^Đã in Giấy tiếp nhận/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^Đã in Tờ khai/)).toBeVisible({ timeout: 60_000 });
  await sweep.screen('Receipt');
  await page.getByRole('button', { name: 'Xong, đánh giá dịch vụ' }).click();
  await sweep.screen('Satisfaction');
  await page.getByRole('radio', { name: 'Hài lòng', exact: true }).click();
  await sweep.screen('Satisfaction: a level chosen');
  // The thank-you returns to Today after a few seconds: the page clock is held while it is checked.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' })).toBeVisible();
  await sweep.screen('Satisfaction: thanks', { clockHeld: true });
  await page.clock.resume();

  await nav(page).getByRole('button', { name: 'Hôm nay' }).click();
  await openSettings(page);
  await expect(page.getByText('Nhập mã PIN cán bộ để tiếp tục.')).toBeVisible();
  await sweep.screen('Settings: officer PIN');
  await typePin(page, 'Mã PIN cán bộ', OFFICER_PIN);
  await page.getByRole('button', { name: 'Mở cài đặt' }).click();
  await page.getByRole('button', { name: 'Danh sách hồ sơ' }).click();
  await expect(page.getByRole('table').getByRole('caption')).toHaveText('1 hồ sơ');
  await sweep.screen('Dossier list');
  sweep.expectNone();
});
