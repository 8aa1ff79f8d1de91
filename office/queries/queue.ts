import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Lang } from '../dashboard/i18n.ts';
import type { QueueRow } from '../dashboard/pages.ts';
import { DAY_MS, vietnamDayStart } from '../../shared/domain/vietnam-time.ts';
import { procedureName } from './procedure-names.ts';
import { currentProfile } from '../published-config.ts';
import { formatRemaining, remainingMs, timelinessAt } from '../report/timeliness-rule.ts';
import { receiptPrintStates } from '../sync/receipt-prints.ts';

/** Today's arrivals plus anything still open from earlier days, nearest deadline first. */
export async function queueRows(db: Kysely<Database>, now: number, lang: Lang): Promise<QueueRow[]> {
  const start = vietnamDayStart(now);
  const rows = await db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'applicant_name',
      'procedure_code',
      'models',
      'received_at_ms',
      'due_at_ms',
      'status',
      'resolved_at_ms',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('received_at_ms', '>=', start), eb('received_at_ms', '<', start + DAY_MS)]),
        eb.and([eb('resolved_at_ms', 'is', null), eb('received_at_ms', '<', start)]),
      ]),
    )
    .orderBy('due_at_ms')
    .limit(1000)
    .execute();
  const profile = await currentProfile(db);
  const receipts = await receiptPrintStates(
    db,
    rows.map((r) => r.id),
  );
  const out: QueueRow[] = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      code: r.code,
      applicant: r.applicant_name,
      procedure: await procedureName(db, r.procedure_code, lang),
      models: JSON.parse(r.models) as string[],
      receivedMs: Number(r.received_at_ms),
      dueMs: Number(r.due_at_ms),
      status: r.status,
      resolved: r.resolved_at_ms !== null,
      timeliness: timelinessAt(
        r.resolved_at_ms === null ? null : Number(r.resolved_at_ms),
        Number(r.due_at_ms),
        now,
      ),
      remaining: formatRemaining(remainingMs(profile, now, Number(r.due_at_ms)), lang),
      receipt: receipts.get(r.id) ?? 'unknown',
    });
  }
  return out;
}
