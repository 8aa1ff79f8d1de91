import { expect, test, type Page } from '@playwright/test';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { startKioskHost, TEST_OFFICE, vn, waitForKioskDb, type KioskHostHandle } from './helpers.ts';
import { expectNoSeriousAxe, setOfficerPinFirstRun } from './settings-helpers.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: TEST_OFFICE });
});
test.afterAll(async () => {
  await host.close();
});

const PROCEDURE = '2.000815';
const PROCEDURE_NAME = CATALOGUE.procedures.find((p) => p.code === PROCEDURE)!.name.vi;

interface Seed {
  id: string;
  code: string;
  receivedAt: string;
  applicantName: string;
  sync: 'pending' | 'sent';
  /** Stored as retention leaves it: no declaration answers, the name reduced to initials. */
  purged?: boolean;
}

/**
 * Stores dossiers and the outbox items of those still waiting straight into the kiosk's IndexedDB (the rows
 * the data layer's submitDossier writes), after the app has opened and upgraded it.
 */
async function seedDossiers(page: Page, seeds: Seed[]): Promise<void> {
  await waitForKioskDb(page);
  await page.evaluate(
    async ({ seeds, procedureCode }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('commune-kiosk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['dossiers', 'outbox'], 'readwrite');
      seeds.forEach((s, i) => {
        tx.objectStore('dossiers').put({
          id: s.id,
          code: s.code,
          kioskId: '00000000-0000-4000-8000-000000000001',
          procedureCode,
          models: ['no-appointment'],
          formId: 'certification-request',
          formData: s.purged ? {} : { applicantName: s.applicantName },
          applicantName: s.applicantName,
          // An acknowledged dossier has left the outbox and records when.
          ...(s.sync === 'sent' ? { acknowledgedAt: s.receivedAt } : {}),
          volunteerId: null,
          receivedAt: s.receivedAt,
          dueAt: null,
          attachmentHashes: [],
          createdAt: s.receivedAt,
        });
        if (s.sync === 'pending')
          tx.objectStore('outbox').put({
            id: s.id,
            kind: 'dossier',
            seq: 1000 + i,
            hash: 'a'.repeat(64),
            payload: {},
            dossierId: s.id,
            status: 'pending',
            attempts: 0,
            lastError: null,
            nextAttemptAt: s.receivedAt,
            createdAt: s.receivedAt,
          });
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { seeds, procedureCode: PROCEDURE },
  );
}

const id = (n: number) => `0b5e${String(n).padStart(4, '0')}-1111-4222-8333-444455556666`;

test('the dossier list shows today’s dossiers by initials with sync state, pages through all, and reprints', async ({
  page,
}) => {
  await page.clock.install({ time: vn('2026-11-24 10:00') });
  await page.goto(host.url);
  await setOfficerPinFirstRun(page);

  const today: Seed = {
    id: id(1),
    code: 'TEST.00565-261124-0101',
    receivedAt: '2026-11-24T09:15:00+07:00',
    applicantName: 'Nguyễn Văn An',
    sync: 'pending',
  };
  const older: Seed[] = Array.from({ length: 24 }, (_, i) => ({
    id: id(100 + i),
    code: `TEST.00565-261120-01${String(i + 1).padStart(2, '0')}`,
    receivedAt: `2026-11-20T${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 10).padStart(2, '0')}:00+07:00`,
    applicantName: 'Đặng Thị Ánh',
    sync: 'sent' as const,
  }));
  await seedDossiers(page, [today, ...older]);

  // A receipt was printed (and kept) for today's dossier when it was submitted.
  const printed = await page.evaluate(async (dossierId) => {
    const res = await fetch('./bridge/printDocument', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'receipt',
        paper: 'A5',
        html: '<!doctype html><html lang="vi"><body><h1>Biên nhận hồ sơ</h1></body></html>',
        title: 'Biên nhận',
        dossierId,
      }),
    });
    return (await res.json()) as { ok: boolean; value?: { pdfKept: boolean } };
  }, today.id);
  expect(printed.ok && printed.value?.pdfKept).toBe(true);

  await page.getByRole('button', { name: 'Danh sách hồ sơ' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('caption')).toHaveText('1 hồ sơ');
  const row = table.getByRole('row', { name: new RegExp(today.code) });
  await expect(row).toContainText(PROCEDURE_NAME);
  await expect(row).toContainText('09:15 24/11/2026');
  await expect(row).toContainText('N.V.A.');
  await expect(row).toContainText('Chờ gửi');
  // Only initials: the full name is nowhere on the screen.
  await expect(page.getByText('Nguyễn Văn An')).toHaveCount(0);
  await expectNoSeriousAxe(page);

  await row.getByRole('button', { name: `In lại giấy tiếp nhận hồ sơ ${today.code}` }).click();
  await expect(row.getByRole('status')).toHaveText('Đã gửi lệnh: In lại giấy tiếp nhận.');
  // No declaration was kept for it: the reason is shown with a retry.
  await row.getByRole('button', { name: `In lại tờ khai hồ sơ ${today.code}` }).click();
  const failure = row.getByRole('alert');
  await expect(failure).toContainText('Ki-ốt không còn giữ bản in này của hồ sơ.');
  await failure.getByRole('button', { name: 'Thử in lại' }).click();
  await expect(failure).toContainText('Ki-ốt không còn giữ bản in này của hồ sơ.');

  await page.getByRole('button', { name: 'Tất cả, mới nhất trước' }).click();
  await expect(table.getByRole('caption')).toHaveText('25 hồ sơ');
  await expect(page.getByText('Trang 1/2')).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toHaveAccessibleName(new RegExp(`^${today.code}`));
  await expect(table.getByRole('row')).toHaveCount(21);
  await page.getByRole('button', { name: 'Trang sau' }).click();
  await expect(page.getByText('Trang 2/2')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row').nth(1)).toContainText('Đ.T.Á.');
  await expect(table.getByRole('row').nth(1)).toContainText('Đã gửi');
  await expectNoSeriousAxe(page);
});

test('the dossier list offers no reprint for a dossier whose personal data retention removed', async ({
  page,
}) => {
  await page.clock.install({ time: vn('2026-11-24 10:00') });
  await page.goto(host.url);
  await setOfficerPinFirstRun(page);
  const whole: Seed = {
    id: id(1),
    code: 'TEST.00565-261124-0201',
    receivedAt: '2026-11-24T08:00:00+07:00',
    applicantName: 'Lê Văn Bình',
    sync: 'pending',
  };
  const purged: Seed = {
    id: id(2),
    code: 'TEST.00565-261020-0202',
    receivedAt: '2026-10-20T08:00:00+07:00',
    applicantName: 'T. T. C.',
    sync: 'sent',
    purged: true,
  };
  await seedDossiers(page, [whole, purged]);

  await page.getByRole('button', { name: 'Danh sách hồ sơ' }).click();
  await page.getByRole('button', { name: 'Tất cả, mới nhất trước' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('caption')).toHaveText('2 hồ sơ');
  const gone = table.getByRole('row', { name: new RegExp(purged.code) });
  await expect(gone).toContainText('Đã xoá dữ liệu cá nhân');
  await expect(gone).toContainText('T.T.C.');
  await expect(gone.getByRole('button')).toHaveCount(0);
  const kept = table.getByRole('row', { name: new RegExp(whole.code) });
  await expect(kept).not.toContainText('Đã xoá dữ liệu cá nhân');
  await expect(kept.getByRole('button', { name: `In lại giấy tiếp nhận hồ sơ ${whole.code}` })).toBeVisible();
  await expect(kept.getByRole('button', { name: `In lại tờ khai hồ sơ ${whole.code}` })).toBeVisible();
  await expectNoSeriousAxe(page);
});
