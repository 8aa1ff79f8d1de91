import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { redeemLaunch } from '../../main/test-support/bridge-cookie.ts';

/** A chip ID card QR (Hà Nội 001, male born 1995: century/sex digit 0, year 95). */
export const CCCD_QR =
  '001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 1 ngõ 2, Xã Gia Lâm, Thành phố Hà Nội|01012022';

/** Stored dossiers and outbox items, read straight from the kiosk's IndexedDB. */
export async function readKioskDb(page: Page): Promise<{
  dossiers: {
    id: string;
    code: string;
    applicantName: string;
    volunteerId: string | null;
    dueAt: string;
    receivedAt: string;
  }[];
  outbox: { id: string; kind: string; dossierId: string | null }[];
  drafts: { id: string; formData: Record<string, string>; step: number }[];
  ratings: { dossierId: string | null; level?: string }[];
}> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('commune-kiosk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const out = {
      dossiers: (await all('dossiers')) as never,
      outbox: (await all('outbox')) as never,
      drafts: (await all('drafts')) as never,
      ratings: (await all('ratings')) as never,
    };
    db.close();
    return out;
  });
}

/** The PDF the host kept for a dossier's document, as text (pdftotext, NFC). `hostUrl`: a launch address. */
export async function printedPdfText(
  hostUrl: string,
  dossierId: string,
  kind: 'declaration' | 'receipt',
): Promise<string> {
  const res = await fetch(new URL(`bridge/getPrintedPdf`, hostUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await redeemLaunch(hostUrl) },
    body: JSON.stringify({ kind, dossierId }),
  });
  const body = (await res.json()) as { ok: boolean; value?: { pdfBase64: string }; error?: unknown };
  if (!body.ok || !body.value) throw new Error(`getPrintedPdf: ${JSON.stringify(body.error)}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-pdf-'));
  try {
    const file = path.join(dir, `${kind}.pdf`);
    writeFileSync(file, Buffer.from(body.value.pdfBase64, 'base64'));
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize(
      'NFC',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Picks a province and then a commune through the searchable pickers. */
export async function pickUnit(
  page: Page,
  fieldLabel: RegExp,
  search: string,
  option: string,
): Promise<void> {
  await page.getByRole('button', { name: fieldLabel }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('searchbox').fill(search);
  // The button may add the unit's former names after its current one.
  const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await dialog.getByRole('button', { name: new RegExp(`^${escaped}( \\(|$)`) }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Vietnamese text compared the way it is printed: NFC, whitespace runs collapsed. */
export function squash(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ');
}
