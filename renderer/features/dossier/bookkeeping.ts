/**
 * The only updates a submitted dossier accepts: local bookkeeping. The content is frozen
 * (the database's updating hook refuses anything else, see renderer/db/db.ts).
 */
import type { DossierRow } from '../../db/db.ts';
import { dayKeysOf } from './at-rest.ts';
import { dbOf, nowOf, type DataContext } from '../../db/context.ts';
import { sealOfficeStatus } from './sealed-rows.ts';

/** After a declaration or receipt printed (or its PDF was made) for this dossier. */
export async function recordPrinted(
  dossierId: string,
  document: 'declaration' | 'receipt',
  pdfRef: string | null,
  ctx: DataContext = {},
): Promise<boolean> {
  const db = dbOf(ctx);
  return db.transaction('rw', db.dossiers, async () => {
    const row = await db.dossiers.get(dossierId);
    if (!row) return false;
    const printed: NonNullable<DossierRow['printed']> = {
      ...row.printed,
      [document]: { at: nowOf(ctx).toISOString(), pdfRef },
    };
    await db.dossiers.update(dossierId, { printed });
    return true;
  });
}

/** The status the office last reported for this dossier (from a pull or a receipt-QR look-up). */
export async function recordOfficeStatus(
  dossierId: string,
  status: NonNullable<DossierRow['officeStatus']>,
  ctx: DataContext = {},
): Promise<boolean> {
  const db = dbOf(ctx);
  const row = await db.dossiers.get(dossierId);
  if (!row) return false;
  // Sealed before the write: WebCrypto cannot run inside an IndexedDB transaction.
  const stored = await sealOfficeStatus(dayKeysOf(db), row, status);
  return (await db.dossiers.update(dossierId, stored)) === 1;
}
