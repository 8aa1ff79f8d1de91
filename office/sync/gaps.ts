import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface SequenceGaps {
  missing: number;
  /** Up to `maxRanges` missing ranges [first, last], oldest first. */
  ranges: [number, number][];
  highest: number;
}

/**
 * Missing per-install sequence numbers below the highest one received, over every item
 * kind. A gap means an item the kiosk numbered never arrived (yet): its outbox still
 * holds it, or it was lost on the kiosk — which staff must chase.
 *
 * Counting starts at the kiosk's `first_seq` (what it told us at enrolment), not at 1:
 * the per-install counter carries on across re-enrolment, and the numbers below it were
 * sent under the kiosk's previous identity. Items below the base are not gaps.
 * Window functions (LAG) exist in SQLite ≥ 3.25 and PostgreSQL alike.
 */
export async function sequenceGaps(
  db: Kysely<Database>,
  kioskId: string,
  maxRanges = 10,
): Promise<SequenceGaps> {
  const kiosk = await db
    .selectFrom('kiosks')
    .select('first_seq')
    .where('id', '=', kioskId)
    .executeTakeFirst();
  // bigint comes back as a string from PostgreSQL.
  const base = Number(kiosk?.first_seq ?? 1);
  const rows = await sql<{ prev: number | string | null; seq: number | string }>`
    select prev, seq from (select lag(seq) over (order by seq) as prev, seq from (
      select seq from dossiers where kiosk_id = ${kioskId} and seq >= ${base}
      union select seq from ratings where kiosk_id = ${kioskId} and seq >= ${base}
      union select seq from attachment_meta where kiosk_id = ${kioskId} and seq >= ${base}
      union select seq from receipt_prints where kiosk_id = ${kioskId} and seq >= ${base}
    ) s) w where prev is null or seq > prev + 1 order by seq`.execute(db);
  const top = await sql<{ top: number | string | null }>`
    select max(seq) as top from (
      select max(seq) as seq from dossiers where kiosk_id = ${kioskId}
      union all select max(seq) from ratings where kiosk_id = ${kioskId}
      union all select max(seq) from attachment_meta where kiosk_id = ${kioskId}
      union all select max(seq) from receipt_prints where kiosk_id = ${kioskId}
    ) m`.execute(db);
  const ranges: [number, number][] = [];
  let missing = 0;
  const highest = Number(top.rows[0]?.top ?? 0);
  for (const r of rows.rows) {
    const seq = Number(r.seq);
    // The lowest received number is compared with the base: base itself is no gap.
    const prev = r.prev === null ? base - 1 : Number(r.prev);
    if (seq <= prev + 1) continue;
    missing += seq - prev - 1;
    if (ranges.length < maxRanges) ranges.push([prev + 1, seq - 1]);
  }
  return { missing, ranges, highest };
}
