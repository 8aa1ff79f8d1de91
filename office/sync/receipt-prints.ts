import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Whether each dossier's receipt came out of the kiosk's printer, from its
 * 'receipt-print' items: 'printed' once any says so, 'unprinted' while only
 * not-printed ones arrived, 'unknown' with none (a kiosk older than the item kind).
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
  return states;
}
