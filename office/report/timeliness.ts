import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { vietnamDayNumber } from '../../shared/domain/vietnam-time.ts';

/** 0 pending, 1 early (resolved on a Vietnam day before the deadline's), 2 on time, 3 late. */
export type Timeliness = 0 | 1 | 2 | 3;

export function timeliness(resolvedMs: number | null, dueMs: number): Timeliness {
  if (resolvedMs === null) return 0;
  if (resolvedMs > dueMs) return 3;
  return vietnamDayNumber(resolvedMs) < vietnamDayNumber(dueMs) ? 1 : 2;
}

export interface ReportCell {
  day: number;
  procedure_code: string;
  model_mask: number;
  timeliness: Timeliness;
  channel: string;
  assisted: number;
}

/** Adds `delta` to each cell (summed per cell first), in the caller's transaction. */
export async function bumpReportCells(
  db: Kysely<Database> | Transaction<Database>,
  cells: readonly ReportCell[],
  delta: 1 | -1,
): Promise<void> {
  const merged = new Map<string, ReportCell & { n: number }>();
  for (const c of cells) {
    const key = `${c.day}|${c.procedure_code}|${c.model_mask}|${c.timeliness}|${c.channel}|${c.assisted}`;
    const m = merged.get(key);
    if (m) m.n += delta;
    else merged.set(key, { ...c, n: delta });
  }
  if (merged.size === 0) return;
  // Rows in one order (by key) in every transaction: two pushes at once (two kiosks, or one
  // kiosk's pipelined batches) then wait for each other on PostgreSQL, never deadlock.
  const rows = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  await db
    .insertInto('report_daily')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['day', 'procedure_code', 'model_mask', 'timeliness', 'channel', 'assisted'])
        .doUpdateSet({ n: sql`report_daily.n + excluded.n` }),
    )
    .execute();
}
