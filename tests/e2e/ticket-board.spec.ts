/**
 * The desk's queue in real browsers: an officer sets up services and counters on the
 * dashboard, a kiosk takes numbers (its sync token), the officer calls at the counter page,
 * and the TV's calling board shows the number and asks for its spoken call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startOffice, type RunningOffice } from '../../office/server.ts';
import { enrol } from '../../office/test-support/office.ts';
import { vn } from './helpers.ts';

const ADMIN_PASSWORD = 'admin-test-password';
let office: RunningOffice | null = null;
let dir = '';

test.afterEach(async () => {
  await office?.close();
  office = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('kiosk ticket → counter call → the board shows it and speaks it; priority first, absent and transfer', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  dir = mkdtempSync(join(tmpdir(), 'office-board-'));
  const opening = vn('2026-11-23 07:30').getTime();
  const started = Date.now();
  office = await startOffice({
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    adminPassword: ADMIN_PASSWORD,
    officeName: 'UBND xã Pác Nặm (e2e)',
    now: () => opening + (Date.now() - started),
    log: () => {},
    // The queue pages, not the transport, are under test: plain HTTP through the development switch.
    tls: { mode: 'insecure-http' },
  });
  const url = office.url;

  const staff = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const dash = await staff.newPage();
  await dash.goto(`${url}/login`);
  await dash.getByLabel('Tên đăng nhập').fill('admin');
  await dash.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
  await dash.getByRole('button', { name: 'Đăng nhập' }).click();

  // Services and counters, with a typo first: refused next to the form, what was typed kept.
  await dash.goto(`${url}/desk/setup`);
  const services = dash.getByRole('textbox', { name: /^Dịch vụ:/ });
  const counters = dash.getByRole('textbox', { name: /^Quầy:/ });
  await services.fill('A | Hộ tịch | 1.001193\nB | Chứng thực | 2.000815');
  await counters.fill('1 | A\n2 | A, C');
  await dash.getByRole('button', { name: 'Lưu dịch vụ và quầy' }).click();
  await expect(dash.getByRole('alert')).toContainText('Dòng 2 chưa đúng');
  await expect(counters).toHaveValue('1 | A\n2 | A, C');
  await counters.fill('1 | A\n2 | A, B');
  await dash.getByRole('button', { name: 'Lưu dịch vụ và quầy' }).click();
  await expect(dash.getByRole('status')).toHaveText('Đã lưu dịch vụ và quầy.');

  // A kiosk takes three numbers; the third for an elderly citizen.
  const kiosk = await enrol(office);
  const take = async (priority: string | null) =>
    (
      (await (
        await fetch(`${url}/api/tickets`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${kiosk.token}` },
          body: JSON.stringify({ serviceId: 'A', priority }),
        })
      ).json()) as { number: string }
    ).number;
  expect([await take(null), await take(null), await take('elderly')]).toEqual(['A-001', 'A-002', 'A-003']);

  // The TV.
  const tv = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
  await tv.goto(`${url}/board`);
  await expect(tv.getByRole('heading', { name: 'Bảng gọi số thứ tự' })).toBeVisible();
  await expect(tv.getByText('A — Hộ tịch: 3 người')).toBeVisible();

  // Counter 1 calls: the elderly citizen first, heard on the board with the spoken call.
  await dash.goto(`${url}/desk/q1`);
  await expect(dash.getByText('Đang chờ: 3')).toBeVisible();
  const announced = tv.waitForResponse((r) => r.url().includes('/board/announce.wav?number=A-003&counter=1'));
  await dash.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(dash.locator('.ticket-number')).toHaveText('A-003');
  await expect(dash.getByText('Người cao tuổi')).toBeVisible();
  await expect(tv.locator('[data-counter="1"] .number')).toHaveText('A-003', { timeout: 2_000 });
  await expect(tv.getByRole('list').filter({ hasText: 'Mời công dân' }).first()).toContainText(
    'Mời công dân có số thứ tự A-003 đến quầy số 1',
  );
  const audio = await announced;
  expect(audio.status()).toBe(200);
  expect(audio.headers()['content-type']).toBe('audio/wav');
  await dash.getByRole('button', { name: 'Xác nhận ưu tiên' }).click();
  await dash.getByRole('button', { name: 'Xong' }).click();

  // Next: A-001 does not come (absent); A-002 is sent to counter 2 and called there.
  await dash.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(dash.locator('.ticket-number')).toHaveText('A-001');
  await dash.getByRole('button', { name: 'Vắng mặt' }).click();
  await dash.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(dash.locator('.ticket-number')).toHaveText('A-002');
  await dash.getByRole('combobox', { name: 'Chuyển sang quầy' }).selectOption('q2');
  await dash.getByRole('button', { name: 'Chuyển sang quầy' }).click();
  await dash.goto(`${url}/desk/q2`);
  await dash.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(dash.locator('.ticket-number')).toHaveText('A-002');
  await expect(tv.locator('[data-counter="2"] .number')).toHaveText('A-002', { timeout: 2_000 });
  const statuses = (await office.tickets.today()).map((t) => [t.number, t.status]).sort();
  expect(statuses).toEqual([
    ['A-001', 'no-show'],
    ['A-002', 'called'],
    ['A-003', 'done'],
  ]);
  await staff.close();
});
