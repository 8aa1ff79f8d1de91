/**
 * Across both systems: the office server (in this process, SQLite in a temp folder, on
 * 127.0.0.1, HTTPS with its generated certificate, which the kiosk pins at enrolment)
 * and the kiosk (headless host + real Chromium). A dossier made while the
 * office is down reaches the dashboard once it is back; staff mark it ready; the kiosk's
 * look-up shows it; the weekly report counts it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startOffice, type RunningOffice } from '../../office/server.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { pickUnit } from './declaration-helpers.ts';
import { startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { lockSettings, setOfficerPinFirstRun } from './settings-helpers.ts';

// Real printing (two Chromium renders, then a CUPS job followed until it completed) is slow
// on a loaded machine: three times the default test timeout.
test.beforeEach(() => test.slow());

const ADMIN_PASSWORD = 'e2e-admin-password';
// Monday 23/11/2026 09:10 in Pác Nặm: a no-appointment day for certification (2.000815).
const MONDAY = vn('2026-11-23 09:10');
const PROCEDURE = '2.000815';
const PROCEDURE_NAME = CATALOGUE.procedures.find((p) => p.code === PROCEDURE)!.name.vi;

let officeDir: string;
let office: RunningOffice | null = null;
let host: KioskHostHandle | null = null;

// Each run cleans up after itself (also under --repeat-each).
test.afterEach(async () => {
  await host?.close();
  await office?.close();
  host = null;
  office = null;
  if (officeDir) rmSync(officeDir, { recursive: true, force: true });
});

/** The office's clock starts at MONDAY and runs in real time, so the day and the report week are fixed. */
function officeClock(): () => number {
  const startedAt = Date.now();
  return () => MONDAY.getTime() + (Date.now() - startedAt);
}

function startTheOffice(port: number, now: () => number): Promise<RunningOffice> {
  return startOffice({
    host: '127.0.0.1',
    port,
    dataDir: officeDir,
    adminPassword: ADMIN_PASSWORD,
    officeName: 'UBND xã Pác Nặm (e2e)',
    now,
    log: () => {},
  });
}

/** A certification request through the wizard, as a citizen does it; returns the receipt's code. */
async function makeCertificationDossier(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^Khai tờ khai: Chứng thực bản sao từ bản chính/ }).click();
  await expect(page.getByRole('heading', { name: /Bước 1\/3: Người yêu cầu chứng thực/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' }).fill('Hoàng Thị Mai');
  const id = page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' });
  await id.click();
  const keypad = page.getByRole('group', { name: 'Bàn phím số' });
  for (const d of '004190001234') await keypad.getByRole('button', { name: d, exact: true }).click();
  await pickUnit(page, /^Tỉnh\/thành phố/, 'thai nguyen', 'Tỉnh Thái Nguyên');
  await pickUnit(page, /^Xã\/phường\/đặc khu/, 'bang thanh', 'Xã Bằng Thành');
  await page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' }).fill('Thôn Nà Phầy');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Bước 2\/3: Nội dung yêu cầu/ })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Tên giấy tờ, văn bản' })
    .fill('Bằng tốt nghiệp trung học phổ thông');
  await page.getByRole('textbox', { name: 'Số bản cần chứng thực' }).fill('2');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Bước 3\/3: Xem lại/ })).toBeVisible();
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
  // The citizen leaves with both papers printed (and no print job is left running).
  await expect(page.getByText('Đã in Tờ khai.')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('Đã in Giấy tiếp nhận hồ sơ.')).toBeVisible({ timeout: 90_000 });
  return (await page.locator('.dossier-code').textContent())!.trim();
}

/** What the receipt's QR holds for this kiosk's dossier `code`: the code and its check part. */
async function receiptQrText(page: Page, code: string): Promise<string> {
  const key = await page.evaluate(async (code) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('commune-kiosk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ code: string; lookupKey?: string }[]>((resolve, reject) => {
      const req = db.transaction('dossiers').objectStore('dossiers').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows.find((r) => r.code === code)?.lookupKey;
  }, code);
  expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  return `${code}-${key}`;
}

async function lookUp(page: Page, code: string) {
  const scanned = await receiptQrText(page, code);
  // "Tra cứu hồ sơ" is on Today, one tap from any screen.
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await page.getByRole('button', { name: 'Tra cứu hồ sơ' }).click();
  const field = page.getByRole('textbox', { name: 'Mã hồ sơ' });
  await field.fill(scanned);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
}

test('a dossier made while the office is down reaches the dashboard, is marked ready, shows at the kiosk and is counted', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  officeDir = mkdtempSync(join(tmpdir(), 'office-e2e-'));
  const now = officeClock();
  office = await startTheOffice(0, now);
  const officeUrl = office.url;
  const port = Number(new URL(officeUrl).port);

  // Staff: sign in on the dashboard and make a one-time enrolment code.
  // The office's certificate is self-signed (kiosks pin it); staff accept it in their browser.
  const staffContext = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ignoreHTTPSErrors: true,
  });
  const dash = await staffContext.newPage();
  await dash.goto(`${officeUrl}/login`);
  await dash.getByLabel('Tên đăng nhập').fill('admin');
  await dash.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
  await dash.getByRole('button', { name: 'Đăng nhập' }).click();
  await dash.getByRole('link', { name: 'Ki-ốt', exact: true }).click();
  await dash.getByRole('button', { name: 'Tạo mã đăng ký ki-ốt' }).click();
  const notice = (await dash.getByRole('status').textContent()) ?? '';
  const enrolmentCode = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(notice)?.[0];
  expect(enrolmentCode, notice).toBeTruthy();
  // The certificate's fingerprint is shown with the code, as the kiosk will pin it.
  const fingerprint = /(?:[0-9A-F]{4} ){15}[0-9A-F]{4}/.exec(notice)?.[0];
  expect(fingerprint?.replaceAll(' ', '').toLowerCase()).toBe(office.certificate!.fingerprint);
  await expect(dash.getByRole('img', { name: `Mã QR đăng ký ki-ốt với mã ${enrolmentCode}` })).toBeVisible();

  // The kiosk: enrolled by an officer in the PIN-protected settings.
  host = await startKioskHost({
    profile: 'pac-nam',
    officeUrl,
    syncTiming: { baseMs: 200, capMs: 1_000, idleMs: 1_000 },
    probeIntervalMs: 300,
    now: () => new Date(now()),
  });
  // The kiosk's clock starts at MONDAY 09:10 and runs (the sync engine's backoff needs time to pass).
  await page.clock.install({ time: MONDAY });
  await page.goto(host.url);
  await setOfficerPinFirstRun(page);
  await enrolKiosk(page, officeUrl, enrolmentCode!, fingerprint!);
  await lockSettings(page);

  // The office goes down; a citizen makes a dossier anyway.
  await office.close();
  office = null;
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  const code = await makeCertificationDossier(page);
  await lookUp(page, code);
  await expect(
    page.getByRole('heading', { name: 'Hồ sơ đang lưu trên ki-ốt này, chờ gửi về cơ quan', level: 2 }),
  ).toBeVisible();

  // Staff can read the kiosk's state in the top bar without opening the settings.
  const badge = page.getByRole('status', { name: 'Tình trạng đồng bộ' });
  await expect(badge).toContainText('Chưa kết nối cơ quan · 1 hồ sơ chờ gửi', { timeout: 15_000 });

  // The office comes back on the same address; the kiosk sends the dossier by itself.
  office = await startTheOffice(port, now);
  await expect(async () => {
    await dash.goto(`${officeUrl}/`);
    await expect(dash.getByRole('link', { name: code })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await expect(badge).toHaveText(/^Đã kết nối cơ quan · Đồng bộ lần cuối: \d\d\/11\/2026 \d\d:\d\d$/, {
    timeout: 15_000,
  });
  const queued = dash.getByRole('row').filter({ has: dash.getByRole('link', { name: code }) });
  await expect(queued).toContainText('Hoàng Thị Mai');
  await expect(queued).toContainText('Ngày không giấy hẹn');
  // Its receipt printed at once: the kiosk sends no receipt report, and the office shows none.
  await expect(queued).not.toContainText('Chưa in giấy tiếp nhận');

  // Staff mark the result ready.
  await dash.getByRole('link', { name: code }).click();
  const facts = dash.locator('dl.facts');
  await expect(facts).toContainText('Đã tiếp nhận');
  await expect(facts).toContainText('Hoàng Thị Mai');
  await expect(facts).not.toContainText('Chưa in giấy tiếp nhận');
  await dash.getByRole('combobox', { name: 'Trạng thái' }).selectOption('result-ready');
  await dash.getByRole('button', { name: 'Lưu' }).click();
  await expect(facts).toContainText('Đã có kết quả');

  // At the kiosk, the receipt code now says the result is ready, and when the office said so.
  await lookUp(page, code);
  await expect(page.getByRole('heading', { name: 'Có kết quả', level: 2 })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('section.lookup-result')).toContainText(
    /Thông tin cập nhật từ cơ quan lúc 09:1\d, 23\/11\/2026 — (vừa xong|\d+ phút trước)/,
  );

  // The weekly report for that week counts it under its procedure and model.
  await dash.goto(`${officeUrl}/reports/weekly?from=2026-11-23&to=2026-11-29`);
  const [download] = await Promise.all([
    dash.waitForEvent('download'),
    dash.getByRole('link', { name: 'Tải CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  const row = rows.find((r) => r[0] === `${PROCEDURE_NAME} (${PROCEDURE})` || r[0] === PROCEDURE_NAME);
  expect(row, csv).toBeTruthy();
  const col = (name: string) => row![header!.indexOf(name)];
  expect(col('Mô hình')).toBe('Ngày không giấy hẹn');
  expect(col('Tiếp nhận')).toBe('1');
  // Resolved the same morning, before the 17:00 deadline: early or on time, not late or pending.
  expect(Number(col('Trước hạn')) + Number(col('Đúng hạn'))).toBe(1);
  expect([col('Quá hạn'), col('Đang giải quyết')]).toEqual(['0', '0']);
  await staffContext.close();
});

/** In unlocked settings: the office address, the one-time code and the certificate fingerprint, then enrolled. */
async function enrolKiosk(page: Page, officeUrl: string, code: string, fingerprint: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Địa chỉ máy chủ của cơ quan' }).fill(officeUrl);
  await page.getByRole('textbox', { name: 'Mã đăng ký' }).fill(code);
  await page.getByRole('textbox', { name: 'Dấu vân tay chứng chỉ (SHA-256)' }).fill(fingerprint);
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expect(page.getByText(/^Đã đăng ký với /)).toBeVisible();
}

/** RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
