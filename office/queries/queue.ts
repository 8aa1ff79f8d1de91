import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Lang } from '../dashboard/i18n.ts';
import type { QueueRow } from '../dashboard/queue-page.ts';
import { DAY_MS, vietnamDayStart } from '../../shared/domain/vietnam-time.ts';
import { REFORM_MODEL_IDS } from '../../shared/domain/reform-model.ts';
import { fold } from '../../shared/forms/text.ts';
import type { QueueFilters } from '../../shared/contracts/office.ts';
import { procedureNames, type ProcedureNames } from './procedure-names.ts';
import { currentProfile } from '../published-config.ts';
import { formatRemaining, remainingFrom, timelinessAt } from '../report/timeliness-rule.ts';
import { receiptPrintStates } from '../sync/receipt-prints.ts';

/** Rows one page shows: the nearest deadlines first; filters and search reach the rest. */
export const QUEUE_PAGE_ROWS = 200;

export interface QueueResult {
  rows: QueueRow[];
  /** How many dossiers match, of which `rows` are the first QUEUE_PAGE_ROWS. */
  total: number;
  procedures: ProcedureNames['list'];
}

/**
 * Today's arrivals plus anything still open from earlier days, nearest deadline first,
 * narrowed by status, procedure, reform model and a search for a dossier code, a name
 * (without tone marks too) or an ID number (any 9–12 digit answer of the declaration).
 */
export async function queueRows(
  db: Kysely<Database>,
  now: number,
  lang: Lang,
  filters: QueueFilters = {},
): Promise<QueueResult> {
  const start = vietnamDayStart(now);
  const search = (filters.q ?? '').trim();
  let query = db
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
    );
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.procedure) query = query.where('procedure_code', '=', filters.procedure);
  if (filters.model) {
    const bit = 1 << REFORM_MODEL_IDS.indexOf(filters.model);
    query = query.where(sql<boolean>`(model_mask & ${bit}) <> 0`);
  }
  const ordered = query.orderBy('due_at_ms').orderBy('code');
  let page;
  let total;
  if (search) {
    // Names and ID numbers are matched here, not in SQL: without tone marks, on both databases.
    const match = searchMatcher(search);
    const found = (await ordered.select('form_data').execute()).filter(match);
    total = found.length;
    page = found.slice(0, QUEUE_PAGE_ROWS);
  } else {
    const counted = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    total = Number(counted.n);
    page = await ordered.limit(QUEUE_PAGE_ROWS).execute();
  }
  const [profile, names, receipts] = await Promise.all([
    currentProfile(db),
    procedureNames(db, lang),
    receiptPrintStates(
      db,
      page.map((r) => r.id),
    ),
  ]);
  const remaining = remainingFrom(profile, now);
  const rows = page.map((r): QueueRow => {
    const resolvedMs = r.resolved_at_ms === null ? null : Number(r.resolved_at_ms);
    const dueMs = Number(r.due_at_ms);
    return {
      id: r.id,
      code: r.code,
      applicant: r.applicant_name,
      procedure: names.nameOf(r.procedure_code),
      models: JSON.parse(r.models) as string[],
      receivedMs: Number(r.received_at_ms),
      dueMs,
      status: r.status,
      resolved: resolvedMs !== null,
      timeliness: timelinessAt(resolvedMs, dueMs, now),
      remaining: formatRemaining(remaining(dueMs), lang),
      receipt: receipts.get(r.id) ?? 'unknown',
    };
  });
  return { rows, total, procedures: names.list };
}

interface Searchable {
  code: string;
  applicant_name: string;
  form_data: string;
}

/**
 * A dossier code matches from any part ("0012" finds "UBX-261123-0012"); a name without
 * tone marks and in any case ("nguyen van a"); an ID number only whole, as it is read off
 * the card, so a few digits never list strangers' dossiers.
 */
function searchMatcher(search: string): (d: Searchable) => boolean {
  const digits = /^\d{9,12}$/.test(search) ? search : null;
  const folded = fold(search);
  const code = search.toUpperCase();
  return (d) => {
    if (d.code.toUpperCase().includes(code)) return true;
    if (fold(d.applicant_name).includes(folded)) return true;
    if (!digits || !d.form_data.includes(digits)) return false;
    const answers = Object.values(JSON.parse(d.form_data) as Record<string, string>);
    return answers.some((v) => v.trim() === digits);
  };
}
