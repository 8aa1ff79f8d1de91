/**
 * The office dashboard as staff use it all day, in Chromium: the live queue (a dossier
 * pushed by a kiosk appears within 2 s, marked new in words) and its pages, the decoded
 * dossier page and its reprint, and axe (no serious or critical finding) on every staff page.
 * The queue's search and live feed are the database's work, so that flow runs on SQLite and
 * PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startOffice, type RunningOffice } from '../../office/server.ts';
import { createEnrolmentCode } from '../../office/sync/enrol.ts';
import { publishConfig } from '../../office/published-config.ts';
import { dossierPayload, item } from '../../office/test-support/fixtures.ts';
import { getForm } from '../../shared/forms/registry.ts';
import { sampleValues } from '../../shared/print/test-support.ts';
import { findCommune } from '../../shared/admin-units/index.ts';
import { findProcedure } from '../../shared/catalogue/index.ts';
import { seriousAxeViolations } from './axe.ts';
import { vn } from './helpers.ts';
import { postgresAvailability, startPostgres, type PgCluster } from '../../office/test-support/postgres.ts';

const PASSWORD = 'e2e-staff-password';
const NOW = vn('2026-11-23 09:00').getTime();
const PROFILE = readFileSync(new URL('../../assets/profiles/gia-lam.json', import.meta.url), 'utf8');
const form = getForm('certification-request')!;

let office: RunningOffice;
let dataDir: string;
let token: string;
let seq = 0;

const newDossier = (applicantName: string) =>
  dossierPayload({
    procedureCode: form.procedures[0],
    formId: form.id,
    formData: sampleValues(form, { 'requester.fullName': applicantName }),
    applicantName,
    receivedAt: '2026-11-23T08:40:00+07:00',
    dueAt: '2026-11-23T10:20:00+07:00',
  });

async function push(...payloads: Record<string, unknown>[]) {
  const res = await fetch(`${office.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      protocol: 1,
      appVersion: '0.1.0',
      waiting: payloads.length,
      items: payloads.map((p) => item('dossier', p, ++seq)),
    }),
  });
  expect(res.status).toBe(200);
}

/** An office on the given database with the profile, one enrolled kiosk and one dossier. */
async function openOffice(databaseUrl?: string) {
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-staff-'));
  seq = 0;
  office = await startOffice({
    host: '127.0.0.1',
    port: 0,
    dataDir: databaseUrl ? '' : dataDir,
    databaseUrl,
    adminPassword: PASSWORD,
    officeName: 'UBND xã Gia Lâm (e2e)',
    tls: { mode: 'insecure-http' },
    now: () => NOW,
    log: () => {},
  });
  const db = office.database.db;
  const admin = await db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
  await publishConfig(db, 'profile', PROFILE, Number(admin.id), NOW);
  const code = await createEnrolmentCode(db, Number(admin.id), Date.now());
  const enrolled = await fetch(`${office.url}/api/sync/enrol`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ protocol: 1, code, deviceName: 'Ki-ốt sảnh', appVersion: '0.1.0' }),
  });
  token = ((await enrolled.json()) as { token: string }).token;
  await push(newDossier('Nguyễn Thị Đào'));
}

async function closeOffice() {
  await office.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function signIn(page: Page) {
  await page.goto(`${office.url}/login?lang=vi`);
  expect(await seriousAxeViolations(page), 'sign-in page').toEqual([]);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hồ sơ hôm nay');
}

async function liveQueueAndDossierPage(page: Page) {
  await signIn(page);
  const rows = page.locator('#queue-results tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('còn 1 giờ 20 phút');
  expect(await seriousAxeViolations(page), 'queue').toEqual([]);

  const fresh = newDossier('Trần Văn Mới');
  const pushed = Date.now();
  await push(fresh);
  const row = rows.filter({ hasText: String(fresh.code) });
  await expect(row).toBeVisible({ timeout: 2000 });
  expect(Date.now() - pushed).toBeLessThan(2000);
  await expect(row.getByText('Mới', { exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Có 1 hồ sơ mới.');
  expect(await seriousAxeViolations(page), 'queue with a new dossier').toEqual([]);

  // Search without tone marks, then open the dossier.
  await page.getByLabel('Tìm hồ sơ').fill('tran van moi');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(rows).toHaveCount(1);
  await rows.getByRole('link', { name: String(fresh.code) }).click();

  await expect(page.getByRole('heading', { level: 3, name: form.sections[0]!.title.vi })).toBeVisible();
  const commune = findCommune(sampleValues(form)['requester.residence.commune']!)!.name;
  const declaration = page.locator('section.form-section').first();
  await expect(declaration).toContainText(commune);
  await expect(page.locator('main')).not.toContainText('requester.');
  expect(await seriousAxeViolations(page), 'dossier page').toEqual([]);

  const pdf = await page.request.get(
    await page
      .getByRole('link', { name: /Giấy tiếp nhận \(PDF/ })
      .getAttribute('href')
      .then((h) => office.url + h),
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  await page.goto(page.url() + '?lang=en');
  await expect(page.getByRole('heading', { level: 3, name: form.sections[0]!.title.en })).toBeVisible();
  expect(await seriousAxeViolations(page), 'dossier page (en)').toEqual([]);
}

async function axeOnEveryOtherPage(page: Page) {
  // A number printed offline that the office could not place: the counter pages list it.
  await office.tickets.configure(
    [{ id: 'A', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193'] }],
    [{ id: 'q1', number: 1, serviceIds: ['A'], open: true }],
  );
  const refused = await fetch(`${office.url}/api/tickets/offline`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      tickets: [
        {
          localId: 'r1',
          serviceId: 'A',
          number: 'B1-001',
          priority: 'elderly',
          issuedAt: vn('2026-11-23 08:30').toISOString(),
        },
      ],
    }),
  });
  expect(await refused.text()).toContain('"refused"');
  await signIn(page);
  const pages = [
    '/kiosks',
    '/config',
    '/config/profile/form',
    '/reports/weekly',
    '/accounts',
    '/account/password',
    '/desk',
    '/desk/q1',
    '/speech-clips',
  ];
  const findings: string[] = [];
  for (const path of pages) {
    await page.goto(`${office.url}${path}`);
    findings.push(...(await seriousAxeViolations(page)).map((f) => `${path}: ${f}`));
  }
  // A destructive action's confirmation page.
  await page.goto(`${office.url}/kiosks`);
  await page.getByRole('button', { name: 'Thu hồi' }).click();
  await expect(page.getByRole('button', { name: /Thu hồi/ })).toBeVisible();
  findings.push(...(await seriousAxeViolations(page)).map((f) => `confirm: ${f}`));
  // The refused offline number's confirmation, from the counter page that lists it.
  await page.goto(`${office.url}/desk/q1`);
  await expect(page.getByRole('heading', { name: /chưa vào hàng chờ \(1\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cho vào hàng chờ — B1-001' }).click();
  await expect(page.getByRole('alert')).toContainText('cầm số B1-001');
  findings.push(...(await seriousAxeViolations(page)).map((f) => `refused confirm: ${f}`));
  expect(findings).toEqual([]);
}

async function queuePages(page: Page) {
  // Later deadlines than the dossiers above: they fill the second page.
  await push(
    ...Array.from({ length: 60 }, (_, i) => ({
      ...newDossier(`Lê Văn Hậu ${i + 1}`),
      dueAt: '2026-11-27T16:00:00+07:00',
    })),
  );
  await signIn(page);
  const summary = page.locator('#queue-results > p').first();
  await expect(summary).toContainText(/Đang hiện hồ sơ 1–50 trong \d+ hồ sơ, hạn gần nhất trước\./);
  const total = Number(/trong (\d+) hồ sơ/.exec((await summary.textContent())!)![1]);
  await expect(summary).toContainText(`Còn ${total - 50} hồ sơ ở các trang sau`);
  expect(await seriousAxeViolations(page), 'queue, first page of two').toEqual([]);

  await page
    .getByRole('navigation', { name: 'Các trang của danh sách hồ sơ', exact: true })
    .getByRole('link', { name: 'Trang sau ›' })
    .click();
  await expect(page.locator('#queue-results tbody tr')).toHaveCount(total - 50);
  await expect(summary).toContainText(`Đang hiện hồ sơ 51–${total} trong ${total} hồ sơ`);
  await expect(page.getByText('Trang 2/2').first()).toBeVisible();
  expect(await seriousAxeViolations(page), 'queue, second page').toEqual([]);
}

/**
 * A status that owes the citizen a reason asks for it and keeps what was chosen and typed;
 * the queue's filters then find the dossier by its new status and by procedure name, and the
 * week's report counts it under the procedure's name, with the chart's legend and % signs.
 */
async function statusReasonFiltersAndReport(page: Page) {
  await signIn(page);
  // Staff see a procedure by its name; the code follows in brackets for those who search by it.
  const procedure = `${findProcedure(form.procedures[0]!)!.name.vi} (${form.procedures[0]})`;
  await page
    .locator('#queue-results tbody tr', { hasText: 'Nguyễn Thị Đào' })
    .getByRole('link')
    .first()
    .click();
  await page.getByLabel('Trạng thái').selectOption({ label: 'Cần bổ sung hồ sơ' });
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('alert')).toHaveText('Cần nhập lý do cho trạng thái này.');
  await expect(page.getByLabel('Trạng thái')).toHaveValue('needs-documents');
  expect(await seriousAxeViolations(page), 'dossier page, reason missing').toEqual([]);

  const reason = 'Thiếu bản chính giấy khai sinh để đối chiếu';
  await page.getByLabel('Lý do').fill(reason);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('dl.facts')).toContainText(`Cần bổ sung hồ sơ — ${reason}`);
  await expect(page.locator('table', { hasText: reason })).toBeVisible();

  // The queue's filters: by the new status, then by procedure (chosen by name) and model.
  await page.goto(`${office.url}/`);
  const rows = page.locator('#queue-results tbody tr');
  await page.getByLabel('Trạng thái').selectOption({ label: 'Cần bổ sung hồ sơ' });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Nguyễn Thị Đào');
  await expect(rows.first()).toContainText('Cần bổ sung hồ sơ');
  await page.getByLabel('Trạng thái').selectOption({ label: 'Từ chối' });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(rows).toHaveCount(0);
  await page.getByLabel('Trạng thái').selectOption({ label: 'Tất cả' });
  await page.getByLabel('Thủ tục').selectOption({ label: procedure });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(rows.filter({ hasText: 'Nguyễn Thị Đào' })).toHaveCount(1);
  await expect(page.locator('#queue-results tbody tr').first()).toContainText(procedure);

  // The week's report: the procedure by name, the chart with its legend, rates with % signs.
  await page.goto(`${office.url}/reports/weekly?from=23/11/2026&to=29/11/2026`);
  const table = page.locator('table.report.dossiers');
  await expect(table).toContainText(procedure);
  await expect(table).toContainText('%');
  const chart = page.locator('.chart-block svg');
  await expect(chart).toBeVisible();
  for (const part of ['Trước hạn', 'Đúng hạn', 'Quá hạn']) await expect(chart).toContainText(part);
  expect(await seriousAxeViolations(page), 'report').toEqual([]);
}

test.describe('on SQLite', () => {
  test.beforeAll(() => openOffice());
  test.afterAll(() => closeOffice());
  test('a dossier from a kiosk appears in the open queue within 2 s, marked new; its page reads as the form', ({
    page,
  }) => liveQueueAndDossierPage(page));
  test('every other staff page has no serious or critical axe finding', ({ page }) =>
    axeOnEveryOtherPage(page));
  test('a status that needs a reason asks for it; filters and the report find the dossier by name', ({
    page,
  }) => statusReasonFiltersAndReport(page));
  test('a queue longer than a page says how many more there are and reaches them', ({ page }) =>
    queuePages(page));
});

test.describe('on PostgreSQL', () => {
  const pg = postgresAvailability();
  let cluster: PgCluster | undefined;
  test.beforeAll(async () => {
    // As in the office's own suites: a machine without PostgreSQL skips with the reason, CI fails.
    if (!pg.available && process.env.CI === 'true') throw new Error(`PostgreSQL is missing: ${pg.reason}`);
    test.skip(!pg.available, pg.available ? '' : pg.reason);
    if (!pg.available) return;
    cluster = await startPostgres(pg.bin);
    await openOffice(await cluster.createDatabase('staff_desk_e2e'));
  });
  test.afterAll(async () => {
    if (!cluster) return;
    await closeOffice();
    await cluster.stop();
  });
  test('the same live queue, search and dossier page', ({ page }) => liveQueueAndDossierPage(page));
  test('the same status change with its reason, filters and report', ({ page }) =>
    statusReasonFiltersAndReport(page));
});
