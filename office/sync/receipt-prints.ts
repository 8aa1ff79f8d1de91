import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Whether each dossier's receipt reached the citizen, from its kiosk's 'receipt-print'
 * items and the desk: 'printed' once the kiosk's printer or an officer at the desk
 * printed it, 'unprinted' while only not-printed items arrived, 'unknown' with none (a
 * kiosk older than the item kind).
 */
export type ReceiptPrintState = 'printed' | 'unprinted' | 'unknown';

export async function receiptPrintStates(
  db: Kysely<Database>,
  dossierIds: readonly string[],
): Promise<Map<string, ReceiptPrintState>> {
  const states = new Map<string, ReceiptPrintState>(dossierIds.map((id) => [id, 'unknown']));
  if (dossierIds.length === 0) return states;
  const rows = await db
    .selectFrom('receipt_prints')
    .select(['dossier_id'])
    .select((eb) => eb.fn.max('printed').as('printed'))
    .where('dossier_id', 'in', [...dossierIds])
    .groupBy('dossier_id')
    .execute();
  for (const r of rows) states.set(r.dossier_id, Number(r.printed) === 1 ? 'printed' : 'unprinted');
  const atDesk = await db
    .selectFrom('desk_receipt_prints')
    .select('dossier_id')
    .distinct()
    .where('dossier_id', 'in', [...dossierIds])
    .execute();
  for (const r of atDesk) states.set(r.dossier_id, 'printed');
  return states;
}

/** The officer printed the receipt at the desk and handed it over; false for no such dossier. */
export async function recordDeskReceiptPrint(
  db: Kysely<Database>,
  dossierId: string,
  accountId: number,
  atMs: number,
): Promise<boolean> {
  const dossier = await db.selectFrom('dossiers').select('id').where('id', '=', dossierId).executeTakeFirst();
  if (!dossier) return false;
  await db
    .insertInto('desk_receipt_prints')
    .values({ dossier_id: dossierId, account_id: accountId, at_ms: atMs })
    .execute();
  return true;
}
