import { expect, type Page } from '@playwright/test';
import { pickUnit } from './declaration-helpers.ts';

/**
 * The shortest declaration (Pác Nặm's certification request): opens it from Today and fills
 * both steps with plain `fill` (the keyboards are covered by declaration-citizen.spec.ts),
 * ending on the review step.
 */
export async function fillCertificationRequest(
  page: Page,
  applicant = { name: 'Hoàng Thị Mai', id: '004190001234' },
): Promise<void> {
  await page.getByRole('button', { name: /^Khai tờ khai: Chứng thực bản sao từ bản chính/ }).click();
  await expect(page.getByRole('heading', { name: /Bước 1\/3: Người yêu cầu chứng thực/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' }).fill(applicant.name);
  await page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' }).fill(applicant.id);
  await pickUnit(page, /^Tỉnh\/thành phố/, 'thai nguyen', 'Tỉnh Thái Nguyên');
  await pickUnit(page, /^Xã\/phường\/đặc khu/, 'bang thanh', 'Xã Bằng Thành');
  await page.getByRole('textbox', { name: 'Số nhà, đường, thôn/xóm/tổ' }).fill('Thôn Nà Phầy');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Bước 2\/3: Nội dung yêu cầu/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Tên giấy tờ, văn bản' }).fill('Giấy khai sinh');
  await page.getByRole('textbox', { name: 'Số bản cần chứng thực' }).fill('2');
  await page.getByRole('button', { name: 'Tiếp theo', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Bước 3\/3: Xem lại/ })).toBeVisible();
}

/**
 * Stored attachment rows with the pixel size of their bytes, decoded by the browser. The
 * bytes and file name are sealed at rest (renderer/features/dossier/at-rest.ts): opened here with the day
 * key asked of the host's bridge, as the app does.
 */
export async function readStoredAttachments(page: Page): Promise<
  {
    id: string;
    dossierId: string;
    hash: string;
    mediaType: string;
    fileName: string;
    size: number;
    byteLength: number;
    width: number;
    height: number;
  }[]
> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('commune-kiosk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      if (!db.objectStoreNames.contains('attachments')) return [];
      const rows = await new Promise<
        {
          id: string;
          dossierId: string;
          hash: string;
          mediaType: string;
          fileName: string;
          size: number;
          bytes: Blob;
          sealed?: { day: string; iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> };
          sealedFields?: {
            fileName?: { day: string; iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> };
          };
        }[]
      >((resolve, reject) => {
        const req = db.transaction('attachments').objectStore('attachments').getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const open = async (id: string, sealed: NonNullable<(typeof rows)[number]['sealed']>) => {
        const answer = (await (
          await fetch('./bridge/atRestKey', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ day: sealed.day, create: false }),
          })
        ).json()) as { value: { key: { keyBase64: string } } };
        const raw = Uint8Array.from(atob(answer.value.key.keyBase64), (c) => c.charCodeAt(0));
        const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
        const aad = new TextEncoder().encode(id);
        return new Blob([
          await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: sealed.iv, additionalData: aad },
            key,
            sealed.data,
          ),
        ]);
      };
      return Promise.all(
        rows.map(async ({ bytes: stored, sealed, sealedFields, ...row }) => {
          const bytes = sealed ? await open(row.id, sealed) : stored;
          // The file name is sealed on its own, bound to `${id}#fileName` (sealed-rows.ts sealFields).
          if (sealedFields?.fileName) {
            row.fileName = JSON.parse(
              await (await open(`${row.id}#fileName`, sealedFields.fileName)).text(),
            ) as string;
          }
          const bitmap = await createImageBitmap(bytes);
          const out = { ...row, byteLength: bytes.size, width: bitmap.width, height: bitmap.height };
          bitmap.close();
          return out;
        }),
      );
    } finally {
      db.close();
    }
  });
}
