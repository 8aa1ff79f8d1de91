/**
 * Tickets at the kiosk, across both systems: the office server (in this process) and the
 * kiosk (headless host + real Chromium, printing through a private CUPS to PDF). A citizen
 * takes a number on Today; the ticket comes out of the printer (its PDF read back with
 * pdftotext, its QR decoded from the rendered page); the officer calls it at the counter
 * and the calling board shows it and asks for its spoken call. Then the office goes away:
 * the kiosk issues from its own range, says so on the ticket, and the office merges those
 * tickets in arrival order when it is back, with no number twice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { startOffice, type RunningOffice } from '../../office/server.ts';
import { createEnrolmentCode } from '../../office/sync/enrol.ts';
import { openProcedurePage, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';

test.beforeEach(() => test.slow());

const ADMIN_PASSWORD = 'e2e-admin-password';
const MONDAY = vn('2026-11-23 09:10');
let officeDir = '';
let office: RunningOffice | null = null;
let host: KioskHostHandle | null = null;

test.afterEach(async () => {
  await host?.close();
  await office?.close();
  host = null;
  office = null;
  if (officeDir) rmSync(officeDir, { recursive: true, force: true });
});

function startTheOffice(port: number, now: () => number): Promise<RunningOffice> {
  return startOffice({
    host: '127.0.0.1',
    port,
    dataDir: officeDir,
    adminPassword: ADMIN_PASSWORD,
    officeName: 'UBND xã Pác Nặm (e2e)',
    // The queue and the clips are under test here, not the transport: the development switch.
    tls: { mode: 'insecure-http' },
    now,
    log: () => {},
  });
}

/** The last ticket the test printer printed: its text (pdftotext) and the QR on its rendered page. */
async function lastPrintedTicket(count: number): Promise<{ text: string; qr: string | null }> {
  let pdfs: Uint8Array[] = [];
  await expect(async () => {
    pdfs = await host!.printer!.printed();
    expect(pdfs.length).toBeGreaterThanOrEqual(count);
  }).toPass({ timeout: 30_000 });
  const dir = mkdtempSync(join(tmpdir(), 'e2e-ticket-'));
  try {
    const file = join(dir, 'ticket.pdf');
    writeFileSync(file, pdfs[count - 1]!);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).normalize('NFC');
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-singlefile', file, join(dir, 'page')]);
    const page = readPgm(readFileSync(join(dir, 'page.pgm')));
    const qr = jsQR(page.rgba, page.width, page.height)?.data ?? null;
    return { text, qr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A binary PGM (P5, what pdftoppm -gray writes) as the RGBA pixels jsQR reads. */
function readPgm(bytes: Buffer): { width: number; height: number; rgba: Uint8ClampedArray } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const grey = bytes.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.fill(grey[i]!, i * 4, i * 4 + 3);
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

async function takeNumber(page: Page, priority: string | null) {
  const dialog = page.getByRole('dialog', { name: 'Lấy số thứ tự' });
  await expect(dialog.getByText('Ông/bà có thuộc nhóm được ưu tiên không?')).toBeVisible();
  await dialog.getByRole('button', { name: priority ?? 'Không thuộc nhóm ưu tiên' }).click();
  await expect(dialog.getByText('Đã in phiếu. Mời ông/bà lấy phiếu ở khe máy in.')).toBeVisible({
    timeout: 60_000,
  });
  const number = (await dialog.locator('.ticket-number').textContent())!.trim();
  return { dialog, number };
}

test('kiosk ticket printed → called at the counter → on the board with its spoken call; offline tickets merged in arrival order', async ({
  page,
  browser,
}) => {
  officeDir = mkdtempSync(join(tmpdir(), 'office-ticket-'));
  const startedAt = Date.now();
  const now = () => MONDAY.getTime() + (Date.now() - startedAt);
  office = await startTheOffice(0, now);
  const officeUrl = office.url;
  const port = Number(new URL(officeUrl).port);
  await office.tickets.configure(
    [
      { id: 'A', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193'] },
      { id: 'B', prefix: 'B', name: 'Chứng thực', procedureCodes: ['2.000815'] },
    ],
    [
      { id: 'q1', number: 1, serviceIds: ['A'], open: true },
      { id: 'q2', number: 2, serviceIds: ['B'], open: true },
    ],
  );
  const admin = await office.database.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  host = await startKioskHost({
    profile: 'pac-nam',
    officeUrl,
    allowInsecureHttp: true,
    enrolmentCode: await createEnrolmentCode(office.database.db, Number(admin.id), now()),
    now: () => new Date(now()),
    probeIntervalMs: 300,
    ticketFlushIntervalMs: 500,
  });

  // Today: the citizen takes a number for civil status, no priority.
  await page.clock.install({ time: MONDAY });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Lấy số thứ tự' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lấy số thứ tự' });
  await dialog.getByRole('button', { name: 'Hộ tịch' }).click();
  const first = await takeNumber(page, null);
  expect(first.number).toBe('A-001');
  await expect(first.dialog).toContainText('Mời đến quầy số 1 khi được gọi');
  await expect(first.dialog).toContainText('Số người chờ trước: 0');
  const printed = await lastPrintedTicket(1);
  expect(printed.text).toContain('PHIẾU SỐ THỨ TỰ');
  expect(printed.text).toContain('A-001');
  expect(printed.text).toContain('Hộ tịch');
  expect(printed.text).toContain('Mời đến quầy số: 1');
  expect(printed.text).toContain('Số người chờ trước: 0');
  expect(printed.text).toMatch(/Lấy số lúc 09 giờ 1\d phút, ngày 23\/11\/2026/);
  expect(printed.text).not.toContain('mất kết nối');
  const [ticketId] = (await office.tickets.today()).map((t) => t.id);
  expect(printed.qr).toBe(`${officeUrl}/tickets/${ticketId}`);
  expect(await (await fetch(printed.qr!)).json()).toMatchObject({ number: 'A-001', status: 'issued' });
  await first.dialog.getByRole('button', { name: 'Xong' }).click();
  await expect(dialog).toBeHidden();

  // The TV, and the officer at counter 1 calls: the board shows it and fetches its spoken call.
  const tv = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
  await tv.goto(`${officeUrl}/board`);
  await expect(tv.getByText('A — Hộ tịch: 1 người')).toBeVisible();
  const staff = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const dash = await staff.newPage();
  await dash.goto(`${officeUrl}/login`);
  await dash.getByLabel('Tên đăng nhập').fill('admin');
  await dash.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
  await dash.getByRole('button', { name: 'Đăng nhập' }).click();
  await dash.goto(`${officeUrl}/desk/q1`);
  const announced = tv.waitForResponse((r) => r.url().includes('/board/announce.wav?number=A-001&counter=1'));
  await dash.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(tv.locator('[data-counter="1"] .number')).toHaveText('A-001', { timeout: 5_000 });
  const audio = await announced;
  expect(audio.status()).toBe(200);
  expect(audio.headers()['content-type']).toBe('audio/wav');

  // The office goes away. On the birth registration page (desk A only), two more numbers:
  // from the kiosk's own range, printed saying so.
  await office.close();
  office = null;
  await openProcedurePage(page, 'dang ky khai sinh');
  await expect(page.getByRole('heading', { name: 'Đăng ký khai sinh', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Lấy số thứ tự' }).click();
  const offlineOne = await takeNumber(page, 'Người cao tuổi');
  expect(offlineOne.number).toBe('A1-001');
  await expect(offlineOne.dialog).toContainText('Số phát khi mất kết nối với cơ quan');
  await expect(offlineOne.dialog).toContainText('Số người chờ trước: chưa biết');
  const offlinePrinted = await lastPrintedTicket(2);
  expect(offlinePrinted.text).toContain('A1-001');
  expect(offlinePrinted.text).toContain('Số phát khi mất kết nối');
  expect(offlinePrinted.text).toContain('Ưu tiên');
  expect(offlinePrinted.text).not.toContain('cao tuổi');
  await offlineOne.dialog.getByRole('button', { name: 'Xong' }).click();
  await page.getByRole('button', { name: 'Lấy số thứ tự' }).click();
  const offlineTwo = await takeNumber(page, null);
  expect(offlineTwo.number).toBe('A1-002');
  await offlineTwo.dialog.getByRole('button', { name: 'Xong' }).click();

  // The office is back on the same address: the kiosk hands its tickets over by itself.
  office = await startTheOffice(port, now);
  const back = office;
  await expect(async () => {
    expect((await back.tickets.today()).map((t) => t.number)).toContain('A1-002');
  }).toPass({ timeout: 30_000 });
  // A new number comes from the office again, after the merged ones.
  await page.getByRole('button', { name: 'Lấy số thứ tự' }).click();
  const online = await takeNumber(page, null);
  expect(online.number).toBe('A-002');
  await expect(online.dialog).toContainText('Số người chờ trước: 2');
  const tickets = (await back.tickets.today()).sort(
    (a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt),
  );
  expect(tickets.map((t) => [t.number, t.offlineKiosk, t.priority])).toEqual([
    ['A-001', null, null],
    ['A1-001', 1, 'elderly'],
    ['A1-002', 1, null],
    ['A-002', null, null],
  ]);
  expect(new Set(tickets.map((t) => t.number)).size).toBe(tickets.length);
  // The board's count now holds the merged tickets (the state it reloads after the office's restart).
  await tv.reload();
  await expect(tv.getByText('A — Hộ tịch: 3 người')).toBeVisible();
  await staff.close();
});
