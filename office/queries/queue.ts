import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Lang } from '../dashboard/i18n.ts';
import type { QueueRow } from '../dashboard/pages.ts';
import { DAY_MS, vnDayStart } from '../time.ts';
import { procedureName } from './procedure-names.ts';

/** Today's arrivals plus anything still open from earlier days, by arrival. */
export async function queueRows(db: Kysely<Database>, now: number, lang: Lang): Promise<QueueRow[]> {
  const start = vnDayStart(now);
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
    .orderBy('received_at_ms')
    .limit(1000)
    .execute();
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
    });
  }
  return out;
}
