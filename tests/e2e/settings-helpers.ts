import { expect, type Page } from '@playwright/test';

export const OFFICER_PIN = '258046';

/** Types a PIN on the on-screen keypad of the form labelled by `field`. */
export async function typePin(page: Page, field: string, pin: string): Promise<void> {
  const input = page.getByLabel(field, { exact: true });
  await expect(input).toBeVisible();
  // The keypad buttons follow the field; press the digits as a person would.
  const pad = input.locator('xpath=..').getByRole('group', { name: 'Bàn phím số' });
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await expect(input).toHaveValue(pin);
}

/** The header's one staff entry ("Cán bộ"): volunteer sign-in, dossiers and settings are behind it. */
export async function openStaff(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('button', { name: 'Cán bộ' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Dành cho cán bộ và tình nguyện viên', level: 1 }),
  ).toBeVisible();
}

export async function openSettings(page: Page): Promise<void> {
  await openStaff(page);
  await page.getByRole('button', { name: 'Cài đặt' }).click();
}

/**
 * The officer opens settings: on a fresh kiosk (no setupCode in the test profile) the PIN is
 * set on first run. Main keeps the PIN in the host's data folder, so a later test on the same
 * host (a new browser context, the same kiosk) finds it set and types it instead.
 */
export async function setOfficerPinFirstRun(page: Page, pin = OFFICER_PIN): Promise<void> {
  await openSettings(page);
  const firstRun = page.getByRole('heading', { name: 'Đặt mã PIN cán bộ lần đầu' });
  const enter = page.getByRole('button', { name: 'Mở cài đặt' });
  await expect(firstRun.or(enter)).toBeVisible();
  if (await enter.isVisible()) {
    await typePin(page, 'Mã PIN cán bộ', pin);
    await enter.click();
    await expect(page.getByRole('heading', { name: 'Tình nguyện viên', level: 2 })).toBeVisible();
    return;
  }
  await expect(page.getByRole('note')).toContainText('ai đặt trước sẽ giữ quyền vào cài đặt');
  await typePin(page, 'Mã PIN cán bộ mới', pin);
  await typePin(page, 'Nhập lại mã PIN cán bộ', pin);
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Tình nguyện viên', level: 2 })).toBeVisible();
}

/** In unlocked settings: adds a volunteer with the PIN typed twice. */
export async function addVolunteer(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Thêm tình nguyện viên' }).click();
  await page.getByLabel('Họ và tên').fill(name);
  await typePin(page, 'Mã PIN của tình nguyện viên', pin);
  await typePin(page, 'Nhập lại mã PIN', pin);
  await page.getByRole('button', { name: 'Lưu tình nguyện viên' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Đã thêm tình nguyện viên ${name}.` }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tình nguyện viên đang hoạt động' })).toContainText(name);
}

export async function lockSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Khoá cài đặt' }).click();
}

/** A fresh kiosk with the officer PIN set and the given volunteers; ends on Today, settings locked. */
export async function kioskWithVolunteers(page: Page, volunteers: [string, string][]): Promise<void> {
  await setOfficerPinFirstRun(page);
  for (const [name, pin] of volunteers) await addVolunteer(page, name, pin);
  await lockSettings(page);
}

export async function signInVolunteer(page: Page, name: string, pin: string): Promise<void> {
  await openStaff(page);
  await page.getByRole('button', { name: 'Tình nguyện viên', exact: true }).click();
  await page.getByRole('button', { name }).click();
  await typePin(page, 'Mã PIN', pin);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export { expectNoSeriousAxe } from './axe.ts';
