/**
 * Configuration that cannot brick a kiosk. At the office, publishing a catalogue that
 * drops a procedure the published profile uses is refused on the dashboard, with the
 * procedure named, and the current version stays. At the kiosk, a bad pair that got there
 * anyway (here written straight into its data folder, past the office's check) does not
 * stop it: it starts on the last pair that worked and shows Today.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startOffice, type RunningOffice } from '../../office/server.ts';
import { publishConfig } from '../../office/published-config.ts';
import { officeCatalogueFile } from '../../main/services/catalogue.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { seriousAxeViolations } from './axe.ts';
import { openKioskAt, startKioskHost, TEST_OFFICE, vn } from './helpers.ts';

const PASSWORD = 'e2e-config-password';
/** A procedure the test office serves same-day on Mondays. */
const USED = CATALOGUE.procedures.find((p) => p.code === '2.000815')!;
const withoutUsed = { ...CATALOGUE, procedures: CATALOGUE.procedures.filter((p) => p !== USED) };
const MONDAY = vn('2026-11-23 09:00');

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-config-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the dashboard refuses a catalogue that drops a procedure the profile uses; the profile form passes axe', async ({
  page,
}) => {
  const office: RunningOffice = await startOffice({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(dir, 'office'),
    adminPassword: PASSWORD,
    officeName: 'UBND xã Gia Lâm (e2e)',
    tls: { mode: 'insecure-http' },
    log: () => {},
  });
  try {
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
    const version = published.ok ? published.version : '';

    await page.goto(`${office.url}/login?lang=vi`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.goto(`${office.url}/config`);
    // The JSON text area is the advanced path, folded under its summary.
    await page.getByText('Phát hành danh mục thủ tục từ tệp JSON').click();
    const catalogueForm = page.locator('form[action="/config/catalogue"]');
    await catalogueForm.getByLabel('Danh mục thủ tục — JSON').fill(JSON.stringify(withoutUsed));
    await catalogueForm.getByRole('button', { name: 'Phát hành cho tất cả ki-ốt' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Nội dung không hợp lệ');
    await expect(alert).toContainText(`Thứ Hai · Ngày không giấy hẹn · ${USED.name.vi}`);
    await expect(alert).toContainText('không có trong danh mục thủ tục');
    await expect(page.getByText(`Phiên bản hiện hành: ${version}`)).toBeVisible();
    // The catalogue section still says none was published.
    await expect(page.getByText('Phiên bản hiện hành: Chưa phát hành')).toBeVisible();

    await page.getByRole('link', { name: /Sửa cấu hình của cơ quan/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cấu hình của cơ quan cho các ki-ốt');
    await expect(
      page.getByRole('checkbox', { name: `Ngày không giấy hẹn — Thứ Hai — ${USED.name.vi}` }),
    ).toBeChecked();
    expect(await seriousAxeViolations(page), 'profile form').toEqual([]);
    // A refusal on the form: Monday no longer a working day while its models stay.
    await page.getByRole('checkbox', { name: 'Thứ Hai', exact: true }).uncheck();
    await page.getByRole('button', { name: 'Kiểm tra và phát hành cho tất cả ki-ốt' }).click();
    await expect(page.getByRole('alert')).toContainText('Chưa phát hành');
    await expect(page.getByRole('alert')).toContainText('Cơ quan không làm việc vào thứ Hai');
    await expect(page.getByRole('checkbox', { name: 'Thứ Hai', exact: true })).not.toBeChecked();
    expect(await seriousAxeViolations(page), 'profile form with a refusal').toEqual([]);
    await page.goto(`${office.url}/config`);
    await expect(page.getByText(`Phiên bản hiện hành: ${version}`)).toBeVisible();
  } finally {
    await office.close();
  }
});

test('a kiosk given a bad pair starts on the last pair that worked and shows Today', async ({ browser }) => {
  const dataDir = join(dir, 'kiosk');
  const profile = join(dir, 'profile.json');
  copyFileSync(TEST_OFFICE, profile);
  // First start: the pair passes and is kept as the last good one.
  const first = await startKioskHost({ profile, dataDir, printer: 'none' });
  await first.close();

  // A catalogue without a procedure the profile serves, where the kiosk keeps the office's.
  writeFileSync(officeCatalogueFile(dataDir), JSON.stringify(withoutUsed));
  const host = await startKioskHost({ profile, dataDir, printer: 'none' });
  try {
    const page = await (await browser.newContext()).newPage();
    await openKioskAt(page, host.url, MONDAY);
    await expect(page.getByText('Thứ Hai, 23/11/2026')).toBeVisible();
    // Served today as the last good pair says: the procedure the bad catalogue dropped.
    const today = page.getByRole('list', { name: 'Thủ tục được phục vụ hôm nay' });
    await expect(today.getByRole('listitem', { name: new RegExp(`^${USED.name.vi} —`) })).toBeVisible();
  } finally {
    await host.close();
  }
});
