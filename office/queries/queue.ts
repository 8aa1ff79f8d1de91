import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
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

/**
 * Rows one page shows, nearest deadline first: about two screens, so a page is quick to
 * build, send and read; the pages after it, filters and search reach the rest.
 */
export const QUEUE_PAGE_ROWS = 50;

export interface QueueResult {
  rows: QueueRow[];
  /** How many dossiers match the filters, on every page. */
  total: number;
  /** The page shown (1-based): the one asked for, or the last there is. */
  page: number;
  pageSize: number;
  procedures: ProcedureNames['list'];
}

const COLUMNS = [
  'id',
  'code',
  'applicant_name',
  'procedure_code',
  'models',
  'received_at_ms',
  'due_at_ms',
  'status',
  'resolved_at_ms',
] as const;

type Dossiers = SelectQueryBuilder<Database, 'dossiers', object>;

/**
 * Every open dossier, whatever day it came, plus today's arrivals already resolved,
 * nearest deadline first, narrowed by status, procedure, reform model and a search for a
 * dossier code, a name (without tone marks too) or an ID number (any 9–12 digit answer
 * of the declaration); `page` QUEUE_PAGE_ROWS at a time.
 *
 * The two sets are two queries joined by UNION ALL rather than one OR, so the open ones
 * come from their own index (migration 0012): counts and pages never read the resolved
 * dossiers of earlier days, and SQLite reads the first page in deadline order and stops.
 */
export async function queueRows(
  db: Kysely<Database>,
  now: number,
  lang: Lang,
  filters: QueueFilters = {},
  page = 1,
): Promise<QueueResult> {
  const start = vietnamDayStart(now);
  const narrow = (q: Dossiers): Dossiers => {
    if (filters.status) q = q.where('status', '=', filters.status);
    if (filters.procedure) q = q.where('procedure_code', '=', filters.procedure);
    if (filters.model) {
      const bit = 1 << REFORM_MODEL_IDS.indexOf(filters.model);
      q = q.where(sql<boolean>`(model_mask & ${bit}) <> 0`);
    }
    return q;
  };
  const open = narrow(db.selectFrom('dossiers').where('resolved_at_ms', 'is', null));
  const resolvedToday = narrow(
    db
      .selectFrom('dossiers')
      .where('resolved_at_ms', 'is not', null)
      .where('received_at_ms', '>=', start)
      .where('received_at_ms', '<', start + DAY_MS),
  );

  const search = (filters.q ?? '').trim();
  const { total, shown, found } = search
    ? await searchedPage(db, open, resolvedToday, search, page)
    : await filteredPage(open, resolvedToday, page);
  const [profile, names, receipts] = await Promise.all([
    currentProfile(db),
    procedureNames(db, lang),
    receiptPrintStates(
      db,
      found.map((r) => r.id),
    ),
  ]);
  const remaining = remainingFrom(profile, now);
  const rows = found.map((r): QueueRow => {
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
  return { rows, total, page: shown, pageSize: QUEUE_PAGE_ROWS, procedures: names.list };
}

type DossierRow = Pick<Database['dossiers'], (typeof COLUMNS)[number]>;
interface Page {
  total: number;
  shown: number;
  found: DossierRow[];
}

/** Counted, then the page read in deadline order from the index: no dossier read twice. */
async function filteredPage(open: Dossiers, resolvedToday: Dossiers, page: number): Promise<Page> {
  const count = async (q: Dossiers) =>
    Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const total = (await count(open)) + (await count(resolvedToday));
  const shown = pageWithin(page, total);
  const found = await open
    .select(COLUMNS)
    .unionAll(resolvedToday.select(COLUMNS))
    .orderBy('due_at_ms')
    .orderBy('code')
    .limit(QUEUE_PAGE_ROWS)
    .offset((shown - 1) * QUEUE_PAGE_ROWS)
    .execute();
  return { total, shown, found };
}

/**
 * Names and ID numbers are matched here, not in SQL: without tone marks, on both databases.
 * Only what the match reads comes back for every dossier; the page's rows are read after.
 */
async function searchedPage(
  db: Kysely<Database>,
  open: Dossiers,
  resolvedToday: Dossiers,
  search: string,
  page: number,
): Promise<Page> {
  const match = searchMatcher(search);
  const read = (q: Dossiers) =>
    q
      .select(['id', 'code', 'applicant_name', 'due_at_ms'])
      .select((match.readsForm ? sql<string>`form_data` : sql<string>`''`).as('form_data'));
  const candidates = await read(open)
    .unionAll(read(resolvedToday))
    .orderBy('due_at_ms')
    .orderBy('code')
    .execute();
  const ids = candidates.filter(match).map((c) => c.id);
  const shown = pageWithin(page, ids.length);
  const chosen = ids.slice((shown - 1) * QUEUE_PAGE_ROWS, shown * QUEUE_PAGE_ROWS);
  const found = chosen.length
    ? await db
        .selectFrom('dossiers')
        .select(COLUMNS)
        .where('id', 'in', chosen)
        .orderBy('due_at_ms')
        .orderBy('code')
        .execute()
    : [];
  return { total: ids.length, shown, found };
}

/** A page past the end (dossiers resolved since the link was made) shows the last one. */
function pageWithin(page: number, total: number): number {
  return Math.max(1, Math.min(page, Math.ceil(total / QUEUE_PAGE_ROWS)));
}

interface Searchable {
  code: string;
  applicant_name: string;
  form_data: string;
}

/**
 * A dossier code matches from any part ("0012" finds "UBX-261123-0012"); a name without
 * tone marks and in any case ("nguyen van a"); an ID number only whole, as it is read off
 * the card, so a few digits never list strangers' dossiers. `readsForm`: only an ID number
 * needs the declaration's answers.
 */
function searchMatcher(search: string): ((d: Searchable) => boolean) & { readsForm: boolean } {
  const digits = /^\d{9,12}$/.test(search) ? search : null;
  const folded = fold(search);
  const code = search.toUpperCase();
  const match = (d: Searchable) => {
    if (d.code.toUpperCase().includes(code)) return true;
    if (foldedName(d.applicant_name).includes(folded)) return true;
    if (!digits || !d.form_data.includes(digits)) return false;
    const answers = Object.values(JSON.parse(d.form_data) as Record<string, string>);
    return answers.some((v) => v.trim() === digits);
  };
  return Object.assign(match, { readsForm: digits !== null });
}

/**
 * fold() for the names a search reads: every search reads every open dossier's name, and
 * folding thousands of names costs more than the query. The same names come back on each
 * search, so each is folded once; the bound keeps the memory small on a long-running office.
 */
const foldedNames = new Map<string, string>();
function foldedName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    if (foldedNames.size >= 50_000) foldedNames.clear();
    folded = fold(name);
    foldedNames.set(name, folded);
  }
  return folded;
}
