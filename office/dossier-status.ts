import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { DossierStatus } from '../shared/domain/dossier.ts';
import { bumpReportCells } from './report/timeliness.ts';
import { reportCell } from './sync/push.ts';

/** Statuses that end the office's processing, for early / on time / late. */
const RESOLVING: readonly DossierStatus[] = ['result-ready', 'returned', 'refused'];
/** A refusal must say why (the citizen is owed a written reason). */
export const REASON_REQUIRED: readonly DossierStatus[] = ['refused', 'needs-documents'];

export async function changeStatus(
  db: Kysely<Database>,
  dossierId: string,
  status: DossierStatus,
  reason: string | null,
  accountId: number,
  now: number,
): Promise<'ok' | 'not-found' | 'reason-required'> {
  const trimmed = reason?.trim() || null;
  if (REASON_REQUIRED.includes(status) && !trimmed) return 'reason-required';
  return db.transaction().execute(async (trx) => {
    const d = await trx
      .selectFrom('dossiers')
      .select([
        'id',
        'resolved_at_ms',
        'received_at_ms',
        'procedure_code',
        'model_mask',
        'channel',
        'volunteer_id',
        'due_at_ms',
      ])
      .where('id', '=', dossierId)
      .executeTakeFirst();
    if (!d) return 'not-found' as const;
    if (d.resolved_at_ms === null && RESOLVING.includes(status)) {
      // First resolution: the dossier moves from "pending" to early/on time/late in the report.
      await bumpReportCells(trx, [reportCell(d)], -1);
      await bumpReportCells(trx, [reportCell({ ...d, resolved_at_ms: now })], 1);
    }
    await trx
      .updateTable('dossiers')
      .set({
        status,
        status_reason: trimmed,
        status_changed_at_ms: now,
        ...(d.resolved_at_ms === null && RESOLVING.includes(status) ? { resolved_at_ms: now } : {}),
      })
      .where('id', '=', dossierId)
      .execute();
    await trx
      .insertInto('dossier_events')
      .values({ dossier_id: dossierId, status, reason: trimmed, account_id: accountId, at_ms: now })
      .execute();
    return 'ok' as const;
  });
}
