import { expect, test, type Page } from '@playwright/test';
import { startKioskHost, TEST_OFFICE, vn, type KioskHostHandle } from './helpers.ts';
import { readKioskDb } from './declaration-helpers.ts';

// The test office: idle reset after 15 s with a 5 s warning; Monday is a no-appointment
// day for certification, whose request form opens straight from Today.
const MONDAY = vn('2026-11-23 09:00');
const IDLE_MS = 15_000;
const CERT = /^Khai tờ khai: Chứng thực bản sao từ bản chính/;
const FIRST = { name: 'Hoàng Thị Mai', id: '004190001234' };

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: TEST_OFFICE });
});
test.afterAll(async () => {
  await host.close();
});

const nameBox = (page: Page) => page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' });
const idBox = (page: Page) => page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' });
const leaveDialog = (page: Page) => page.getByRole('alertdialog', { name: 'Rời khỏi tờ khai?' });
const resumePrompt = (page: Page) => page.getByRole('alertdialog', { name: 'Tiếp tục tờ khai đang làm?' });

/**
 * The page clock is installed and paused: the idle timers run only when a test moves the
 * clock on, never because a slow machine took more than the timeout between two steps.
 */
async function open(page: Page) {
  await page.clock.install({ time: new Date(MONDAY.getTime() - 60_000) });
  await page.clock.pauseAt(MONDAY);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại / })).toBeVisible();
}

/** The first citizen opens the certification request from Today and types name and ID. */
async function firstCitizenTypes(page: Page) {
  await page.getByRole('button', { name: CERT }).click();
  await nameBox(page).fill(FIRST.name);
  await idBox(page).fill(FIRST.id);
  await expect
    .poll(async () => (await readKioskDb(page)).drafts[0]?.formData['requester.personalId'])
    .toBe(FIRST.id);
}

/** What the second citizen finds: the same form opens empty, and no draft of the first is stored. */
async function secondCitizenSeesNothing(page: Page) {
  await expect(page.getByText(FIRST.name)).toHaveCount(0);
  await expect
    .poll(async () => (await readKioskDb(page)).drafts.map((d) => d.formData['requester.fullName']))
    .not.toContain(FIRST.name);
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await page.getByRole('button', { name: CERT }).click();
  await expect(page.getByRole('heading', { name: /Bước 1\/3: Người yêu cầu chứng thực/ })).toBeVisible();
  await expect(nameBox(page)).toHaveValue('');
  await expect(idBox(page)).toHaveValue('');
  await expect(page.getByText(FIRST.name)).toHaveCount(0);
  const { drafts } = await readKioskDb(page);
  expect(drafts.map((d) => d.formData['requester.fullName'] ?? '')).toEqual(drafts.map(() => ''));
}

test('Home: leaving a form asks first; staying keeps it, leaving ends the session', async ({ page }) => {
  await open(page);
  // A form nobody typed in is left without a question.
  await page.getByRole('button', { name: CERT }).click();
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await expect(leaveDialog(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại / })).toBeVisible();
  await expect.poll(async () => (await readKioskDb(page)).drafts).toHaveLength(0);

  await firstCitizenTypes(page);
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await expect(leaveDialog(page)).toContainText('Những gì đã khai sẽ bị xoá');
  await leaveDialog(page).getByRole('button', { name: 'Ở lại khai tiếp' }).click();
  await expect(leaveDialog(page)).toHaveCount(0);
  await expect(nameBox(page)).toHaveValue(FIRST.name);

  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await leaveDialog(page).getByRole('button', { name: 'Rời đi và xoá tờ khai' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại / })).toBeVisible();
  await expect.poll(async () => (await readKioskDb(page)).drafts).toHaveLength(0);
  await secondCitizenSeesNothing(page);
});

test('Back: the form is left, and "Back" never returns to it', async ({ page }) => {
  await open(page);
  await firstCitizenTypes(page);
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await leaveDialog(page).getByRole('button', { name: 'Rời đi và xoá tờ khai' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại / })).toBeVisible();
  await secondCitizenSeesNothing(page);
});

test('Find: leaving for the catalogue ends the session; Back then goes to Today, not the form', async ({
  page,
}) => {
  await open(page);
  await firstCitizenTypes(page);
  await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
  await leaveDialog(page).getByRole('button', { name: 'Rời đi và xoá tờ khai' }).click();
  await expect(page.getByRole('searchbox', { name: 'Tìm thủ tục' })).toBeVisible();
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại / })).toBeVisible();
  await secondCitizenSeesNothing(page);
});

test('idle reset: the warning, then the form and its draft are gone', async ({ page }) => {
  await open(page);
  await firstCitizenTypes(page);
  await page.clock.fastForward(IDLE_MS - 4_000);
  await expect(page.getByRole('alertdialog', { name: 'Ông/bà còn đang sử dụng không?' })).toBeVisible();
  await page.clock.fastForward(5_000);
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại / })).toBeVisible();
  await expect(leaveDialog(page)).toHaveCount(0);
  await expect.poll(async () => (await readKioskDb(page)).drafts).toHaveLength(0);
  await secondCitizenSeesNothing(page);
});

test('reload: the draft is offered only within the idle timeout, then discarded unasked', async ({
  page,
}) => {
  await open(page);
  await firstCitizenTypes(page);
  await page.reload();
  // Offered to the person who was filling it, with the time it stays on offer.
  await expect(resumePrompt(page)).toBeVisible();
  await expect(resumePrompt(page)).toContainText(/tự xoá sau \d+ giây/);
  await expect(resumePrompt(page)).not.toContainText(FIRST.name);
  // Nobody answers: the offer goes, and the draft with it.
  await page.clock.fastForward(IDLE_MS + 1_000);
  await expect(resumePrompt(page)).toHaveCount(0);
  await expect.poll(async () => (await readKioskDb(page)).drafts).toHaveLength(0);
  await secondCitizenSeesNothing(page);
});

test('reload within the idle timeout: "Continue" brings back what was typed', async ({ page }) => {
  await open(page);
  await firstCitizenTypes(page);
  await page.reload();
  await page.clock.fastForward(IDLE_MS - 5_000);
  await resumePrompt(page).getByRole('button', { name: 'Tiếp tục khai' }).click();
  await expect(nameBox(page)).toHaveValue(FIRST.name);
  await expect(idBox(page)).toHaveValue(FIRST.id);
});

test('restart after the idle timeout: the old draft is discarded at start, nothing is offered', async ({
  page,
}) => {
  await open(page);
  await firstCitizenTypes(page);
  // The kiosk is down (no page running) for longer than the idle timeout.
  await page.goto('about:blank');
  await page.clock.fastForward(IDLE_MS + 5_000);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại / })).toBeVisible();
  await expect.poll(async () => (await readKioskDb(page)).drafts).toHaveLength(0);
  await expect(resumePrompt(page)).toHaveCount(0);
  await secondCitizenSeesNothing(page);
});
