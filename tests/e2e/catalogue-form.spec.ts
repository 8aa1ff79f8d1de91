/**
 * The procedure catalogue edited as forms on the office dashboard: a fee changed and
 * published reaches the catalogue kiosks pull; removing a procedure the office profile
 * serves is refused with the procedure named and everything typed kept; the page passes
 * axe and fits a portrait 1080 px screen without sideways scrolling.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startOffice, type RunningOffice } from '../../office/server.ts';
import { currentCatalogue, publishConfig, publishedVersions } from '../../office/published-config.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { seriousAxeViolations } from './axe.ts';
import { TEST_OFFICE } from './helpers.ts';

const PASSWORD = 'e2e-catalogue-password';
/** Served by the test office (Monday, no-appointment day). */
const USED = CATALOGUE.procedures.find((p) => p.code === '2.000815')!;
/** A procedure whose fee the province sets: the office writes its own. */
const EDITED = CATALOGUE.procedures.find((p) => p.code === '1.011443')!;

let dir: string;
let office: RunningOffice;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-catalogue-'));
  office = await startOffice({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(dir, 'office'),
    adminPassword: PASSWORD,
    officeName: 'UBND xã Gia Lâm (e2e)',
    tls: { mode: 'insecure-http' },
    log: () => {},
  });
  const db = office.database.db;
  const admin = await db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
  const published = await publishConfig(
    db,
    'profile',
    readFileSync(TEST_OFFICE, 'utf8'),
    Number(admin.id),
    0,
  );
  expect(published.ok).toBe(true);
});
test.afterAll(async () => {
  await office.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the catalogue form publishes an edited fee and refuses removing a procedure the profile uses', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(`${office.url}/login?lang=vi`);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.goto(`${office.url}/config`);
  await page.getByRole('link', { name: /Sửa danh mục thủ tục/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh mục thủ tục cho các ki-ốt');

  // Each procedure by its name; opened, its fields.
  const edited = page.locator('details.procedure-card', { hasText: EDITED.name.vi });
  await edited.locator('summary').click();
  await expect(edited.getByLabel('Số tiền thường gặp (đồng)')).toHaveValue('');
  expect(await seriousAxeViolations(page), 'catalogue form').toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1080);

  await edited.getByLabel('Số tiền thường gặp (đồng)').fill('20.000');
  await edited.getByLabel('Cách tính lệ phí (tiếng Việt)').fill('20.000 đồng/hồ sơ');
  await edited.getByLabel('Cách tính lệ phí (tiếng Anh)').fill('20,000 VND per dossier');
  await page.getByRole('button', { name: 'Kiểm tra và phát hành cho tất cả ki-ốt' }).click();
  await expect(page.getByRole('status')).toContainText('Đã phát hành phiên bản');
  const fee = (await currentCatalogue(office.database.db))?.procedures.find(
    (p) => p.code === EDITED.code,
  )?.fee;
  expect(fee).toEqual({
    amountVnd: 20000,
    description: { vi: '20.000 đồng/hồ sơ', en: '20,000 VND per dossier' },
  });
  const before = await publishedVersions(office.database.db, 'catalogue');

  // Removing a procedure the profile serves: refused, by name, in its part, the tick kept.
  const used = page.locator('details.procedure-card', { hasText: USED.name.vi });
  await used.locator('summary').click();
  await used.getByLabel('Xoá thủ tục này khỏi danh mục').check();
  await used.getByLabel('Số ngày làm việc theo quy định').fill('0');
  await page.getByRole('button', { name: 'Kiểm tra và phát hành cho tất cả ki-ốt' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Chưa phát hành');
  await expect(alert.getByRole('link', { name: USED.name.vi })).toBeVisible();
  await expect(alert).toContainText(
    'Cấu hình của cơ quan đang dùng thủ tục này (Thứ Hai · Ngày không giấy hẹn',
  );
  const refused = page.locator('details.procedure-card', { hasText: USED.name.vi });
  await expect(refused).toHaveAttribute('open', '');
  await expect(refused.locator('.form-problems')).toContainText('Cấu hình của cơ quan đang dùng thủ tục này');
  await expect(refused.getByLabel('Xoá thủ tục này khỏi danh mục')).toBeChecked();
  expect(await seriousAxeViolations(page), 'catalogue form with a refusal').toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1080);
  expect(await publishedVersions(office.database.db, 'catalogue')).toEqual(before);

  await page.screenshot({ path: test.info().outputPath('catalogue-form-1080x1920.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: test.info().outputPath('catalogue-form-1920x1080.png') });
});
