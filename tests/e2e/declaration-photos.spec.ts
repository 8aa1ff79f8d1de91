import { expect, test, type Page } from '@playwright/test';
import { openKioskAt, startKioskHost, vn, type KioskHostHandle } from './helpers.ts';
import { readKioskDb } from './declaration-helpers.ts';
import { fillCertificationRequest, readStoredAttachments } from './certification-helpers.ts';
import { expectNoSeriousAxe, kioskWithVolunteers, signInVolunteer } from './settings-helpers.ts';

let host: KioskHostHandle;
test.beforeAll(async () => {
  host = await startKioskHost({ profile: 'pac-nam' });
});
test.afterAll(async () => {
  await host.close();
});

// Monday 23/11/2026 09:10 in Pác Nặm: a no-appointment day for certification.
const MONDAY = vn('2026-11-23 09:10');

/**
 * A 3000×2000 PNG like a phone photo of a paper: off-white page with grain and dark text
 * lines. Drawn and encoded by the browser's own canvas, so no image library is needed.
 */
async function bigPaperPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 2000;
    const ctx = canvas.getContext('2d')!;
    const image = ctx.createImageData(3000, 2000);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = 230 + (seed % 20);
      image.data[i] = grain;
      image.data[i + 1] = grain - 4;
      image.data[i + 2] = grain - 12;
      image.data[i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    ctx.fillStyle = '#222';
    for (let y = 200; y < 1900; y += 90) ctx.fillRect(250, y, 2500 - ((y * 7) % 900), 28);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** Photos kept with drafts in the kiosk's IndexedDB (table draftPhotos). */
function countDraftPhotos(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('commune-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('draftPhotos').objectStore('draftPhotos').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

test('a document photo attached on the review step is downscaled, shown, kept through a reload and stored with the dossier', async ({
  page,
}) => {
  // The officer and volunteer set-up comes first (PIN hashing): allow for a loaded machine.
  test.slow();
  await openKioskAt(page, host.url, MONDAY);
  // Picking files is for staff (a citizen alone only photographs): a volunteer helps here.
  await kioskWithVolunteers(page, [['Lò Văn Tình', '2580']]);
  await signInVolunteer(page, 'Lò Văn Tình', '2580');
  const png = await bigPaperPng(page);
  await fillCertificationRequest(page);

  const photos = page.getByRole('region', { name: 'Giấy tờ kèm theo' });
  await expect(photos).toBeVisible();
  await expect(photos.getByRole('button', { name: 'Chụp giấy tờ' })).toBeVisible();
  await expect(photos.getByRole('button', { name: 'Chọn tệp' })).toBeVisible();
  const file = { name: 'giay-khai-sinh.png', mimeType: 'image/png', buffer: png };
  await photos.getByLabel('Tệp ảnh hoặc PDF của giấy tờ').setInputFiles(file);

  // The thumbnail: a JPEG whose long side is 1600 px, aspect kept (3000×2000 → 1600×1067).
  const thumb = photos
    .getByRole('list', { name: 'Giấy tờ đã đính kèm' })
    .getByRole('listitem', { name: 'Giấy tờ 1: giay-khai-sinh.jpg' });
  await expect(thumb).toBeVisible({ timeout: 20_000 });
  await expect(thumb).toContainText('1600×1067 điểm ảnh');
  const img = thumb.getByRole('img', { name: 'Giấy tờ 1: giay-khai-sinh.jpg' });
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1600);
  await expect(photos).toContainText(
    /Đã kèm 1 giấy tờ\. Còn khoảng \d+% chỗ cho ảnh giấy tờ của hồ sơ này\./,
  );
  await expectNoSeriousAxe(page);

  // The same paper twice is refused and the list stays as it was.
  await photos.getByLabel('Tệp ảnh hoặc PDF của giấy tờ').setInputFiles(file);
  await expect(photos.getByRole('alert')).toContainText('đã có trong hồ sơ', { timeout: 20_000 });
  await expect(photos.getByRole('listitem')).toHaveCount(1);

  // A reload (or a crash) before submitting keeps the photo with the draft's answers.
  await expect.poll(() => countDraftPhotos(page)).toBe(1);
  await page.reload();
  const prompt = page.getByRole('alertdialog', { name: 'Tiếp tục tờ khai đang làm?' });
  await prompt.getByRole('button', { name: 'Tiếp tục khai' }).click();
  await expect(thumb).toBeVisible();
  await expect(thumb).toContainText('1600×1067 điểm ảnh');

  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();

  const { dossiers, outbox } = await readKioskDb(page);
  expect(dossiers).toHaveLength(1);
  const dossier = dossiers[0]!;
  const stored = await readStoredAttachments(page);
  expect(stored).toHaveLength(1);
  const row = stored[0]!;
  expect(row).toMatchObject({
    dossierId: dossier.id,
    mediaType: 'image/jpeg',
    fileName: 'giay-khai-sinh.jpg',
    width: 1600,
    height: 1067,
  });
  expect(Math.max(row.width, row.height)).toBeLessThanOrEqual(1600);
  expect(row.size).toBe(row.byteLength);
  // Recompressed: far smaller than the file that was picked.
  expect(row.byteLength).toBeLessThan(png.length / 4);
  // The office learns of the file through the outbox, after the dossier itself.
  expect(outbox.filter((o) => o.kind === 'attachment-meta' && o.dossierId === dossier.id)).toEqual([
    expect.objectContaining({ id: row.id }),
  ]);
  // Submitted: the draft's copy of the photo went with the draft.
  expect(await countDraftPhotos(page)).toBe(0);
  // Printing runs on; let it finish before the host closes.
  await expect(page.getByText('Đã in Giấy tiếp nhận hồ sơ.')).toBeVisible({ timeout: 30_000 });
});
