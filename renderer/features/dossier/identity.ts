/**
 * The kiosk's own identity, made once and kept in meta: a UUID (written into every
 * dossier) and the kiosk number of the office (1–99, folded into dossier codes so kiosks
 * of one office never collide offline; see shared/dossier/dossier-code.ts).
 */
import { META, newId } from '../../db/db.ts';
import { getMeta, putMeta } from '../../db/meta.ts';
import { dbOf, type DataContext } from '../../db/context.ts';

export interface KioskIdentity {
  kioskId: string;
  kioskNumber: number;
}

function checkKioskNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`kiosk number must be 1–99: ${n}`);
}

/**
 * Reads the identity, creating it on first use. `defaultKioskNumber` (from settings;
 * 1 when the office has one kiosk) is used only the first time.
 */
export async function getKioskIdentity(
  options: { defaultKioskNumber?: number } = {},
  ctx: DataContext = {},
): Promise<KioskIdentity> {
  const db = dbOf(ctx);
  const defaultKioskNumber = options.defaultKioskNumber ?? 1;
  checkKioskNumber(defaultKioskNumber);
  const existing = await getMeta<KioskIdentity>(db, META.kioskIdentity);
  if (existing) return existing;
  // Read again inside a write transaction: two first calls racing must agree on one UUID.
  return db.transaction('rw', db.meta, async () => {
    const again = await getMeta<KioskIdentity>(db, META.kioskIdentity);
    if (again) return again;
    const identity: KioskIdentity = { kioskId: newId(), kioskNumber: defaultKioskNumber };
    await putMeta(db, META.kioskIdentity, identity);
    return identity;
  });
}

/** Settings: this kiosk's number within the office. The kioskId never changes. */
export async function setKioskNumber(kioskNumber: number, ctx: DataContext = {}): Promise<KioskIdentity> {
  checkKioskNumber(kioskNumber);
  const db = dbOf(ctx);
  const current = await getKioskIdentity({}, ctx);
  return db.transaction('rw', db.meta, async () => {
    const next = { ...((await getMeta<KioskIdentity>(db, META.kioskIdentity)) ?? current), kioskNumber };
    await putMeta(db, META.kioskIdentity, next);
    return next;
  });
}
