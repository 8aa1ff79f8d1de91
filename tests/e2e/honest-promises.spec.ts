import { expect, test, type Page } from '@playwright/test';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { openKioskAt, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';

// Pác Nặm: Monday is the no-appointment day for its certification procedures (15:00 cut-off),
// 07:30–11:30 and 13:30–17:00.
const COPY = CATALOGUE.procedures.find((p) => p.code === '2.000815')!.name.vi;

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: 'pac-nam' });
});
test.afterAll(async () => {
  await host.close();
});

const card = (page: Page) => page.getByRole('region', { name: 'Ngày không giấy hẹn' });

async function openCopyProcedure(page: Page) {
  // Today's card for it starts its declaration; its page is found from Today's search.
  await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('chứng thực bản sao');
  await page
    .getByRole('list', { name: /Kết quả tìm kiếm/ })
    .getByRole('button', { name: new RegExp(`^${COPY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COPY);
}

test('Monday 16:50: neither Today nor the procedure page promises the same day; both give Tuesday', async ({
  page,
}) => {
  await openKioskAt(page, host.url, vn('2026-11-23 16:50'));
  await expect(page.getByText('Đang mở cửa')).toBeVisible();
  await expect(card(page)).toContainText(
    'Hôm nay đã quá 15:00, giờ cuối nhận hồ sơ để trả kết quả trong ngày. Hồ sơ nộp bây giờ được hẹn trả trước 17:00, Thứ Ba ngày 24/11/2026.',
  );
  await expect(card(page)).not.toContainText('giải quyết ngay trong ngày');

  await openCopyProcedure(page);
  const today = page.getByRole('region', { name: 'Hôm nay' });
  await expect(today).toContainText('Hôm nay đã quá 15:00, giờ cuối nhận hồ sơ để trả kết quả trong ngày.');
  await expect(today).toContainText('Nếu nộp bây giờ, hẹn trả kết quả trước 17:00, Thứ Ba ngày 24/11/2026.');
  await expect(today).not.toContainText('được giải quyết trong ngày');
});

test('Monday lunch: the desk is on its break, reopening at 13:30, and the same day still holds', async ({
  page,
}) => {
  await openKioskAt(page, host.url, vn('2026-11-23 12:10'));
  await expect(page.getByText('Đang nghỉ trưa')).toBeVisible();
  await expect(page.getByText('Đang nghỉ trưa, mở lại lúc 13:30')).toBeVisible();
  await expect(page.getByText('Đang đóng cửa')).toHaveCount(0);
  await expect(card(page)).toContainText('Nộp trước 15:00 hôm nay thì nhận kết quả trong ngày.');

  await openCopyProcedure(page);
  const today = page.getByRole('region', { name: 'Hôm nay' });
  await expect(today).toContainText('Hôm nay thủ tục này được giải quyết trong ngày nếu nộp trước 15:00.');
  await expect(today).toContainText('Nếu nộp bây giờ, hẹn trả kết quả trước 17:00 ngày 23/11/2026.');
});

test('Monday after closing: Today says the desk has closed and when results of new papers are due', async ({
  page,
}) => {
  await openKioskAt(page, host.url, vn('2026-11-23 17:20'));
  await expect(page.getByText(/^Đã hết giờ làm việc, mở lại lúc 07:30, Thứ Ba/)).toBeVisible();
  await expect(card(page)).toContainText(
    'Hôm nay đã hết giờ làm việc. Hồ sơ nộp bây giờ được hẹn trả trước 17:00, Thứ Ba ngày 24/11/2026.',
  );
});
