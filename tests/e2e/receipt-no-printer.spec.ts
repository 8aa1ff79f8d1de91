import { expect, test } from '@playwright/test';
import { decodeQrImage, openKioskAt, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { printedPdfText, readKioskDb, squash } from './declaration-helpers.ts';
import { fillCertificationRequest } from './certification-helpers.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  // A CUPS with no printer the kiosk could use: what a thin client with its printer unplugged sees.
  host = await startKioskHost({ profile: 'pac-nam', printer: 'none' });
});
test.afterAll(async () => {
  await host.close();
});

// Monday 23/11/2026 09:10 in Pác Nặm: certification is served today.
const MONDAY = vn('2026-11-23 09:10');

test('with no printer the kiosk never says "Đã in": it says why, shows the receipt and its QR, keeps the PDF', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openKioskAt(page, host.url, MONDAY);
  await fillCertificationRequest(page);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
  const code = (await page.locator('.dossier-code').textContent())!.trim();

  const failed = page.getByRole('alert').filter({ hasText: 'Chưa in được Giấy tiếp nhận hồ sơ.' });
  await expect(failed).toBeVisible({ timeout: 60_000 });
  await expect(failed).toContainText('Máy chưa nối máy in.');
  await expect(failed).toContainText('Hồ sơ vẫn được lưu an toàn.');
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa in được Tờ khai.' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/^Đã in/)).toHaveCount(0);

  // The way on: the receipt on screen, its QR readable by a phone, the PDF kept for the desk.
  const wayOn = page.getByRole('note');
  await expect(wayOn).toContainText(`Giấy tiếp nhận đang hiện trên màn hình này: mã hồ sơ ${code}`);
  await expect(wayOn).toContainText('Bản giấy tiếp nhận đã được lưu trên máy để cán bộ in tại quầy.');
  expect(await decodeQrImage(page.getByRole('img', { name: `Mã QR của hồ sơ ${code}` }))).toBe(code);
  await expect(page.getByRole('button', { name: 'Thử in lại Giấy tiếp nhận hồ sơ' })).toBeVisible();

  const db = await readKioskDb(page);
  const dossier = db.dossiers[0]!;
  expect(squash(await printedPdfText(host.url, dossier.id, 'receipt'))).toContain(code);
  // The dossier carries the fact, and the office will hear of it.
  const marks = await page.evaluate(async (id) => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('commune-kiosk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const get = <T>(store: string, key?: string) =>
      new Promise<T>((resolve, reject) => {
        const os = idb.transaction(store).objectStore(store);
        const req = key ? os.get(key) : os.getAll();
        req.onsuccess = () => resolve(req.result as T);
        req.onerror = () => reject(req.error);
      });
    const row = await get<{ receiptUnprinted?: number }>('dossiers', id);
    const outbox = await get<{ kind: string; payloadJson: string }[]>('outbox');
    idb.close();
    return {
      unprinted: row.receiptUnprinted,
      items: outbox
        .filter((o) => o.kind === 'receipt-print')
        .map((o) => JSON.parse(o.payloadJson) as unknown),
    };
  }, dossier.id);
  expect(marks.unprinted).toBe(1);
  expect(marks.items).toEqual([expect.objectContaining({ dossierId: dossier.id, printed: false })]);

  // The next person sees only that a receipt is waiting, not whose.
  await page.getByRole('button', { name: 'Xong, đánh giá dịch vụ' }).click();
  await openKioskAt(page, host.url, MONDAY);
  const notice = page.getByRole('region', { name: 'Có 1 giấy tiếp nhận chưa in được' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).not.toContainText(code);
  await expect(notice).not.toContainText('Hoàng');
});
