import { expect, test, type Page } from '@playwright/test';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { formForProcedure } from '../../shared/forms/registry.ts';
import { REFORM_MODELS } from '../../shared/domain/reform-models.ts';
import { openKioskAt, readProfile, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';

const nameOf = (code: string) => CATALOGUE.procedures.find((p) => p.code === code)!.name.vi;

/** The procedure codes a profile file schedules for one model on one weekday. */
function scheduled(profile: string, weekday: number, model: string): string[] {
  const day = readProfile(profile).schedule.find((d) => d.weekday === weekday);
  return day?.models.find((m) => m.model === model)?.procedures ?? [];
}

/**
 * Today lists each procedure served today once, named by the procedure, with a badge for
 * every model serving it, as a card with exactly one button: "Khai tờ khai" when the kiosk
 * has its form, otherwise "Xem chi tiết" under what to bring to the desk (the catalogue's
 * documents).
 */
async function expectServed(page: Page, served: Record<string, string[]>) {
  const list = page.getByRole('list', { name: 'Thủ tục được phục vụ hôm nay' });
  const codes = Object.keys(served);
  await expect(list.getByRole('listitem').filter({ has: page.getByRole('button') })).toHaveCount(
    codes.length,
  );
  for (const [code, models] of Object.entries(served)) {
    const name = nameOf(code);
    const card = list.getByRole('listitem', { name: new RegExp(`^${escape(name)} —`) });
    await expect(card.locator('.badge')).toHaveText(models);
    await expect(card.getByRole('button')).toHaveCount(1);
    if (formForProcedure(code)) {
      await expect(card.getByRole('button', { name: `Khai tờ khai: ${name}`, exact: true })).toBeVisible();
      await expect(card.getByRole('list')).toHaveCount(0);
    } else {
      await expect(card.getByRole('button', { name: `Xem chi tiết: ${name}`, exact: true })).toBeVisible();
      const bring = card.getByRole('list', { name: 'Làm tại quầy. Mang theo:' });
      const documents = CATALOGUE.procedures.find((p) => p.code === code)!.documents;
      expect(documents.length).toBeGreaterThan(0);
      await expect(bring.getByRole('listitem')).toHaveText(
        documents.map((d) => new RegExp(`^${escape(d.name.vi)} \\(`)),
      );
    }
  }
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const profile of ['pac-nam', 'gia-lam'] as const) {
  test.describe(profile, () => {
    let host: KioskHostHandle;
    test.beforeAll(async () => {
      host = await startKioskHost({ profile });
    });
    test.afterAll(async () => {
      await host.close();
    });

    test(`Monday 23/11/2026 at ${profile}`, async ({ page }) => {
      await openKioskAt(page, host.url, vn('2026-11-23 09:00'));
      await expect(page.getByText('Thứ Hai, 23/11/2026')).toBeVisible();
      await expect(page.getByText('Đang mở cửa, làm việc đến 11:30')).toBeVisible();
      if (profile === 'pac-nam') {
        // Pác Nặm: Monday is the no-appointment day for the certification procedures.
        await expect(page.getByRole('heading', { name: 'Ngày không giấy hẹn' })).toBeVisible();
        await expectServed(
          page,
          Object.fromEntries(
            scheduled(profile, 1, 'no-appointment').map((c) => [c, ['Ngày không giấy hẹn']]),
          ),
        );
        await expect(page.getByText('Ngày dịch vụ công trực tuyến: Thứ Năm, ngày 26/11/2026')).toBeVisible();
      } else {
        // Gia Lâm runs its models on Tuesday only: nothing today, and it says when.
        await expect(page.getByText(/Hôm nay không có ngày cải cách nào/)).toBeVisible();
        await expect(page.getByText('Ngày không giấy hẹn: Thứ Ba, ngày 24/11/2026')).toBeVisible();
        await expect(page.getByText('Ngày không viết: Thứ Ba, ngày 24/11/2026')).toBeVisible();
      }
    });

    test(`Tuesday 24/11/2026 at ${profile}`, async ({ page }) => {
      await openKioskAt(page, host.url, vn('2026-11-24 09:00'));
      await expect(page.getByText('Thứ Ba, 24/11/2026')).toBeVisible();
      if (profile === 'pac-nam') {
        await expect(page.getByText(/Hôm nay không có ngày cải cách nào/)).toBeVisible();
        await expect(page.getByRole('heading', { name: 'Ngày không giấy hẹn' })).toHaveCount(0);
        await expect(page.getByText('Ngày không giấy hẹn: Thứ Hai, ngày 30/11/2026')).toBeVisible();
        await expect(page.getByText('Ngày dịch vụ công trực tuyến: Thứ Năm, ngày 26/11/2026')).toBeVisible();
      } else {
        // Gia Lâm: Tuesday is no-writing and no-appointment, results within 2 working hours.
        await expect(page.getByRole('heading', { name: 'Ngày không giấy hẹn' })).toBeVisible();
        await expect(page.getByRole('heading', { name: 'Ngày không viết' })).toBeVisible();
        await expect(page.getByText('Trả kết quả trong vòng 2 giờ làm việc.')).toBeVisible();
        // The same procedures under both models: each listed once, with both badges.
        const noAppointment = scheduled(profile, 2, 'no-appointment');
        const noWriting = scheduled(profile, 2, 'no-writing');
        expect(noWriting.length).toBeGreaterThan(0);
        const served: Record<string, string[]> = {};
        for (const c of noAppointment) served[c] = ['Ngày không giấy hẹn'];
        for (const c of noWriting) served[c] = [...(served[c] ?? []), 'Ngày không viết'];
        await expectServed(page, served);
        // A procedure without a form: its card opens the procedure, same-day today with the
        // 2-working-hour deadline.
        await page.getByRole('button', { name: `Xem chi tiết: ${nameOf('2.000908')}` }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(nameOf('2.000908'));
        await expect(
          page.getByText('Hôm nay thủ tục này được giải quyết trong ngày nếu nộp trước 15:00.'),
        ).toBeVisible();
        await expect(
          page.getByText('Nếu nộp bây giờ, hẹn trả kết quả trước 11:00 ngày 24/11/2026.'),
        ).toBeVisible();
      }
    });
  });
}

test('at lunch: says the desk is on its lunch break and when it opens again', async ({ page }) => {
  const host = await startKioskHost({ profile: 'pac-nam' });
  try {
    await openKioskAt(page, host.url, vn('2026-11-23 12:00'));
    await expect(page.getByText('Đang nghỉ trưa, mở lại lúc 13:30')).toBeVisible();
    await expect(page.getByText('Đang đóng cửa')).toHaveCount(0);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByText('Lunch break, open again at 13:30')).toBeVisible();
  } finally {
    await host.close();
  }
});

/** Every weekday an example profile schedules procedures on, in the week of Monday 23/11/2026. */
function scheduledDays(profile: string): { date: string; served: Record<string, string[]> }[] {
  const modelName = (id: string) => REFORM_MODELS[id as keyof typeof REFORM_MODELS].name.vi;
  return readProfile(profile)
    .schedule.map((day) => {
      const served: Record<string, string[]> = {};
      for (const m of day.models)
        for (const c of m.procedures) served[c] = [...(served[c] ?? []), modelName(m.model)];
      return { date: `2026-11-${String(22 + day.weekday).padStart(2, '0')}`, served };
    })
    .filter((d) => Object.keys(d.served).length > 0);
}

test('every example profile: each procedure served today has a form or says what to bring, one button per card', async ({
  page,
}) => {
  test.slow();
  for (const profile of ['pac-nam', 'gia-lam', 'cho-don', 'dak-nong', 'huong-son']) {
    const host = await startKioskHost({ profile, printer: 'none' });
    try {
      for (const day of scheduledDays(profile)) {
        await openKioskAt(page, host.url, vn(`${day.date} 09:00`));
        await expect(page.getByRole('heading', { name: 'Thủ tục được phục vụ hôm nay' })).toBeVisible();
        await expectServed(page, day.served);
      }
    } finally {
      await host.close();
    }
  }
});

test('a tap anywhere on a card does its one thing', async ({ page }) => {
  const host = await startKioskHost({ profile: 'pac-nam', printer: 'none' });
  try {
    await openKioskAt(page, host.url, vn('2026-11-23 09:00'));
    const list = page.getByRole('list', { name: 'Thủ tục được phục vụ hôm nay' });
    // On the papers to bring, for a procedure without a form: the procedure.
    const copyFromRegister = list.getByRole('listitem', {
      name: new RegExp(`^${escape(nameOf('2.000908'))} —`),
    });
    await copyFromRegister.getByRole('list').getByRole('listitem').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(nameOf('2.000908'));
    await page.getByRole('navigation').getByRole('button', { name: 'Hôm nay' }).click();
    // On the name of a procedure with a form: its declaration.
    await list.getByText(nameOf('2.000815'), { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Phiếu yêu cầu chứng thực' })).toBeVisible();
  } finally {
    await host.close();
  }
});
