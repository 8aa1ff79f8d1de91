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
 * Window functions (LAG) exist in SQLite ≥ 3.25 and PostgreSQL alike.
 */
export async function sequenceGaps(
  db: Kysely<Database>,
  kioskId: string,
  maxRanges = 10,
): Promise<SequenceGaps> {
  const rows = await sql<{ prev: number | null; seq: number }>`
    select prev, seq from (select lag(seq) over (order by seq) as prev, seq from (
      select seq from dossiers where kiosk_id = ${kioskId}
      union select seq from ratings where kiosk_id = ${kioskId}
      union select seq from attachment_meta where kiosk_id = ${kioskId}
    ) s) w where seq > coalesce(prev, 0) + 1 order by seq`.execute(db);
  const top = await sql<{ top: number | null }>`
    select max(seq) as top from (
      select max(seq) as seq from dossiers where kiosk_id = ${kioskId}
      union all select max(seq) from ratings where kiosk_id = ${kioskId}
      union all select max(seq) from attachment_meta where kiosk_id = ${kioskId}
    ) m`.execute(db);
  const ranges: [number, number][] = [];
  let missing = 0;
  const highest = Number(top.rows[0]?.top ?? 0);
  for (const r of rows.rows) {
    const seq = Number(r.seq);
    const prev = r.prev === null ? 0 : Number(r.prev);
    {
      missing += seq - prev - 1;
      if (ranges.length < maxRanges) ranges.push([prev + 1, seq - 1]);
    }
  }
  return { missing, ranges, highest };
}
