import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { redeemLaunch } from '../../main/test-support/bridge-cookie.ts';
import { waitForKioskDb } from './helpers.ts';

/** A chip ID card QR (Hà Nội 001, male born 1995: century/sex digit 0, year 95). */
export const CCCD_QR =
  '001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 1 ngõ 2, Xã Gia Lâm, Thành phố Hà Nội|01012022';

/**
 * The kiosk's rows as the app reads them: personal fields sealed at rest
 * (renderer/features/dossier/at-rest.ts) are opened here the same way, with the day key
 * asked of the host's bridge; a row whose key is gone reads as stored.
 */
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
  await waitForKioskDb(page);
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('commune-kiosk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error);
      });
    type Sealed = { day: string; iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> };
    const keys = new Map<string, Promise<CryptoKey | null>>();
    const keyOf = (day: string) => {
      if (!keys.has(day))
        keys.set(
          day,
          fetch('./bridge/atRestKey', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ day, create: false }),
          })
            .then((r) => r.json())
            .then((r: { ok: boolean; value?: { key: { keyBase64: string } | null } }) =>
              r.ok && r.value?.key
                ? crypto.subtle.importKey(
                    'raw',
                    Uint8Array.from(atob(r.value.key.keyBase64), (c) => c.charCodeAt(0)),
                    'AES-GCM',
                    false,
                    ['decrypt'],
                  )
                : null,
            ),
        );
      return keys.get(day)!;
    };
    const open = async (row: Record<string, unknown>): Promise<unknown> => {
      const sealed = row.sealed as Sealed | undefined;
      if (!sealed) return null;
      const key = await keyOf(sealed.day);
      if (!key) return null;
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: sealed.iv, additionalData: new TextEncoder().encode(String(row.id)) },
        key,
        sealed.data,
      );
      return JSON.parse(new TextDecoder().decode(plain));
    };
    const opened = (
      rows: Record<string, unknown>[],
      put: (row: Record<string, unknown>, v: unknown) => object,
    ) => Promise.all(rows.map(async (row) => (row.sealed ? put(row, await open(row)) : row)));
    const out = {
      dossiers: (await opened(await all('dossiers'), (row, v) => ({ ...row, ...(v as object) }))) as never,
      outbox: (await all('outbox')) as never,
      drafts: (await opened(await all('drafts'), (row, v) => ({ ...row, formData: v ?? {} }))) as never,
      ratings: (await all('ratings')) as never,
    };
    db.close();
    return out;
  });
}

/**
 * Everything the kiosk's IndexedDB holds, as the disk would show it: every store's rows
 * with strings, and the bytes of Blobs and byte arrays decoded, NFC-normalised.
 */
export async function rawKioskDbText(page: Page): Promise<string> {
  await waitForKioskDb(page);
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('commune-kiosk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const parts: string[] = [];
    const walk = async (v: unknown): Promise<void> => {
      if (v instanceof Blob) parts.push(await v.text());
      else if (v instanceof Uint8Array || v instanceof ArrayBuffer) parts.push(new TextDecoder().decode(v));
      else if (Array.isArray(v)) for (const x of v) await walk(x);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          parts.push(k);
          await walk(x);
        }
      else parts.push(String(v));
    };
    for (const store of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await walk(rows);
    }
    db.close();
    return parts.join('\n').normalize('NFC');
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
