import { expect, test, type Page } from '@playwright/test';
import { openKioskAt, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { expectNoSeriousAxe } from './settings-helpers.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: 'gia-lam' });
});
test.afterAll(async () => {
  await host.close();
});

// Gia Lâm's Tuesday, at lunch: the no-writing and no-appointment day.
const TUESDAY_LUNCH = vn('2026-11-24 12:10');
const nav = (page: Page) => page.getByRole('navigation', { name: /^(Điều hướng chính|Main navigation)$/ });

test('a citizen reaches the birth-registration declaration from Today in three taps, without typing', async ({
  page,
}) => {
  await openKioskAt(page, host.url, TUESDAY_LUNCH);
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại/ })).toBeVisible();
  let taps = 0;
  const tap = async (target: ReturnType<Page['getByRole']>) => {
    await target.click();
    taps++;
  };
  await tap(nav(page).getByRole('button', { name: 'Tìm thủ tục' }));
  await tap(page.getByRole('list', { name: 'Chọn lĩnh vực' }).getByRole('button', { name: /^Hộ tịch/ }));
  await tap(
    page
      .getByRole('list', { name: 'Thủ tục thuộc lĩnh vực Hộ tịch' })
      .getByRole('button', { name: 'Khai tờ khai: Đăng ký khai sinh' }),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Tờ khai đăng ký khai sinh' })).toBeVisible();
  expect(taps).toBe(3);
  // Nothing was typed anywhere on the way.
  await expect(page.getByRole('searchbox')).toHaveCount(0);

  // Today's own field tiles are one tap shorter.
  await nav(page).getByRole('button', { name: 'Hôm nay' }).click();
  await page
    .getByRole('list', { name: 'Tất cả thủ tục, theo lĩnh vực' })
    .getByRole('button', { name: /^Hộ tịch/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hộ tịch' })).toBeVisible();
});

test('a search that finds nothing says to ask a volunteer and offers the fields', async ({ page }) => {
  await openKioskAt(page, host.url, TUESDAY_LUNCH);
  await nav(page).getByRole('button', { name: 'Tìm thủ tục' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('qqqwww zzz');
  await expect(page.getByText(/nhờ tình nguyện viên, cán bộ giúp/)).toBeVisible();
  await page
    .getByRole('list', { name: 'Chọn theo lĩnh vực' })
    .getByRole('button', { name: /^Chứng thực/ })
    .click();
  await expect(
    page.getByRole('list', { name: 'Thủ tục thuộc lĩnh vực Chứng thực' }).getByRole('listitem'),
  ).toHaveCount(4);
});

/** Where each header button is drawn, by name. */
async function headerLayout(page: Page) {
  return nav(page)
    .getByRole('button', { includeHidden: true })
    .evaluateAll((els) =>
      els.map((el) => {
        const b = el.getBoundingClientRect();
        return { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) };
      }),
    );
}

for (const viewport of [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
]) {
  for (const mode of ['vi', 'en', 'large'] as const) {
    test(`the header at ${viewport.width}×${viewport.height} (${mode}): one row that never moves, always in reach`, async ({
      page,
    }) => {
      // Two axe runs on a full screen: allow for a loaded machine.
      test.slow();
      await page.setViewportSize(viewport);
      await openKioskAt(page, host.url, TUESDAY_LUNCH);
      if (mode === 'en') await nav(page).getByRole('button', { name: 'English' }).click();
      if (mode === 'large') await nav(page).getByRole('button', { name: 'Chữ to' }).click();
      const find = mode === 'en' ? 'Find a procedure' : 'Tìm thủ tục';
      await expect(
        page.getByText(
          mode === 'en' ? 'Lunch break, open again at 13:30' : 'Đang nghỉ trưa, mở lại lúc 13:30',
        ),
      ).toBeVisible();
      await expect(page.getByText('12:10', { exact: true })).toBeVisible();

      const onToday = await headerLayout(page);
      expect(onToday).toHaveLength(6);
      // One row: every button on the same line.
      expect(new Set(onToday.map((b) => b.y)).size).toBe(1);
      await expectNoSeriousAxe(page);

      // "Quay lại" appears on the next screen; no other button moves.
      await nav(page).getByRole('button', { name: find }).click();
      await expect(
        nav(page).getByRole('button', { name: mode === 'en' ? 'Back' : 'Quay lại' }),
      ).toBeVisible();
      expect(await headerLayout(page)).toEqual(onToday);
      await expectNoSeriousAxe(page);

      // Scrolled to the bottom of the longest screen, the header is still there.
      await nav(page)
        .getByRole('button', { name: mode === 'en' ? 'Today' : 'Hôm nay' })
        .click();
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expect(nav(page).getByRole('button', { name: find })).toBeInViewport();
      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
    });
  }
}
