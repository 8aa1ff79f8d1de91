import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { REFORM_MODEL_IDS, type ReformModelId } from '../../shared/domain/reform-model.ts';
import { DAY_MS, vietnamDayNumber } from '../../shared/domain/vietnam-time.ts';
import type { WaitStats } from '../../shared/queue/index.ts';
import type { WaitRow } from './wait-times.ts';

export type ReportModel = ReformModelId | 'none';

export interface ReportRow {
  /** Empty for a queue service's own row (report/wait-times.ts, rule 3). */
  procedureCode: string;
  model: ReportModel;
  /** Set on a queue service's row: its tickets could not be tied to one procedure. */
  service?: { id: string; name: string };
  /** The desk's tickets counted in this row (report/wait-times.ts); absent when none. */
  wait?: WaitStats;
  received: number;
  early: number;
  onTime: number;
  late: number;
  pending: number;
  portal: number;
  volunteer: number;
  ratings: number;
  satisfied: number;
  scoreSum: number;
}

const COUNTS = [
  'received',
  'early',
  'onTime',
  'late',
  'pending',
  'portal',
  'volunteer',
  'ratings',
  'satisfied',
  'scoreSum',
] as const;

/** A row with every count at zero. */
export function emptyReportRow(procedureCode: string, model: ReportModel): ReportRow {
  const row = { procedureCode, model } as ReportRow;
  for (const key of COUNTS) row[key] = 0;
  return row;
}

/**
 * The table the reform reports publish, per procedure × model of the day, for dossiers
 * received on Vietnam days in [fromMs, toMs) (both at Vietnam midnight). A dossier
 * counts under every model it was received under. Resolved (result ready / returned /
 * refused) after its deadline → late; on an earlier Vietnam day than the deadline →
 * early; otherwise on time (report/timeliness.ts).
 *
 * Reads the per-day summary (report_daily), kept in the same transactions that store
 * dossiers and change their status, so its cost depends on days × cells, not on the
 * number of dossiers. Bit masks are spread to models here.
 */
export async function weeklyReport(
  db: Kysely<Database>,
  fromMs: number,
  toMs: number,
  /** When given, open dossiers past their deadline count as late (report/timeliness-rule.ts). */
  now?: number,
): Promise<ReportRow[]> {
  return reportRowsOf(await reportCounts(db, fromMs, toMs, now));
}

/** The period's counts per procedure and stored model mask: what the rows and the total are made of. */
export interface ReportCounts {
  procedureCode: string;
  modelMask: number;
  counts: ReportRow;
}

/** The report's rows: each mask's counts under every model it holds. */
export function reportRowsOf(groups: readonly ReportCounts[]): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  for (const g of groups)
    for (const model of modelsOfMask(g.modelMask)) {
      const key = `${g.procedureCode}|${model}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = emptyReportRow(g.procedureCode, model)));
      for (const k of COUNTS) row[k] += g.counts[k];
    }
  return [...rows.values()].sort(
    (a, b) => a.procedureCode.localeCompare(b.procedureCode) || a.model.localeCompare(b.model),
  );
}

/**
 * The report's total line: every dossier once, although the rows count one under each of
 * its models (so the rows can add up to more than were received).
 */
export function reportTotalOf(groups: readonly ReportCounts[], label: string): ReportRow {
  const total = emptyReportRow(label, 'none');
  for (const g of groups) for (const k of COUNTS) total[k] += g.counts[k];
  return total;
}

/**
 * Counts per procedure × stored model mask for dossiers received in [fromMs, toMs); with
 * `now`, open dossiers past their deadline count as late.
 */
export async function reportCounts(
  db: Kysely<Database>,
  fromMs: number,
  toMs: number,
  now?: number,
): Promise<ReportCounts[]> {
  const groups = await db
    .selectFrom('report_daily')
    .select([
      'procedure_code',
      'model_mask',
      sql<number>`sum(n)`.as('received'),
      sql<number>`sum(case when timeliness = 1 then n else 0 end)`.as('early'),
      sql<number>`sum(case when timeliness = 2 then n else 0 end)`.as('on_time'),
      sql<number>`sum(case when timeliness = 3 then n else 0 end)`.as('late'),
      sql<number>`sum(case when timeliness = 0 then n else 0 end)`.as('pending'),
      sql<number>`sum(case when channel = 'portal' then n else 0 end)`.as('portal'),
      sql<number>`sum(case when assisted = 1 then n else 0 end)`.as('volunteer'),
    ])
    .where('day', '>=', vietnamDayNumber(fromMs))
    .where('day', '<', vietnamDayNumber(toMs))
    .groupBy(['procedure_code', 'model_mask'])
    .execute();
  // Ratings of the dossiers received in the period (a rating is given at the visit).
  const ratingGroups = await db
    .selectFrom('ratings as r')
    .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
    .select([
      'd.procedure_code',
      'd.model_mask',
      sql<number>`count(*)`.as('ratings'),
      sql<number>`sum(case when r.score >= 4 then 1 else 0 end)`.as('satisfied'),
      sql<number>`sum(r.score)`.as('score_sum'),
    ])
    .where('r.rated_at_ms', '>=', fromMs - DAY_MS)
    .where('r.rated_at_ms', '<', toMs + 60 * DAY_MS)
    .where('d.received_at_ms', '>=', fromMs)
    .where('d.received_at_ms', '<', toMs)
    .groupBy(['d.procedure_code', 'd.model_mask'])
    .execute();

  const byMask = new Map<string, ReportCounts>();
  const countsFor = (procedureCode: string, modelMask: number) => {
    const key = `${procedureCode}|${Number(modelMask)}`;
    let group = byMask.get(key);
    if (!group) {
      group = { procedureCode, modelMask: Number(modelMask), counts: emptyReportRow(procedureCode, 'none') };
      byMask.set(key, group);
    }
    return group.counts;
  };
  for (const g of groups) {
    const row = countsFor(g.procedure_code, g.model_mask);
    row.received += Number(g.received);
    row.early += Number(g.early);
    row.onTime += Number(g.on_time);
    row.late += Number(g.late);
    row.pending += Number(g.pending);
    row.portal += Number(g.portal);
    row.volunteer += Number(g.volunteer);
  }
  if (now !== undefined) {
    // The summary counts open dossiers as pending; those whose deadline has passed are late
    // by the rule the queue and the dossier page use. Only open dossiers are read.
    const overdue = await db
      .selectFrom('dossiers')
      .select(['procedure_code', 'model_mask', sql<number>`count(*)`.as('n')])
      .where('resolved_at_ms', 'is', null)
      .where('due_at_ms', '<', now)
      .where('received_at_ms', '>=', fromMs)
      .where('received_at_ms', '<', toMs)
      .groupBy(['procedure_code', 'model_mask'])
      .execute();
    for (const g of overdue) {
      const row = countsFor(g.procedure_code, g.model_mask);
      row.pending -= Number(g.n);
      row.late += Number(g.n);
    }
  }
  for (const g of ratingGroups) {
    const row = countsFor(g.procedure_code, g.model_mask);
    row.ratings += Number(g.ratings);
    row.satisfied += Number(g.satisfied);
    row.scoreSum += Number(g.score_sum);
  }
  return [...byMask.values()];
}

/** The models of a stored bit mask (sync/push.ts modelMask); 'none' for none. */
export function modelsOfMask(mask: number): ReportModel[] {
  const list = REFORM_MODEL_IDS.filter((_, i) => (Number(mask) & (1 << i)) !== 0);
  return list.length ? list : ['none'];
}

/**
 * The dossier rows with the queue's wait times joined in: a procedure × model with both
 * dossiers and tickets is one row; tickets alone (or a service's tickets) make a row of
 * their own with zero dossiers. Procedures by code, then the services' rows.
 */
export function withWaitTimes(rows: readonly ReportRow[], waits: readonly WaitRow[]): ReportRow[] {
  const keyOf = (code: string, serviceId: string | undefined, model: ReportModel) =>
    `${code}|${serviceId ?? ''}|${model}`;
  const merged = new Map(rows.map((r) => [keyOf(r.procedureCode, r.service?.id, r.model), { ...r }]));
  for (const w of waits) {
    const key = keyOf(w.procedureCode ?? '', w.service?.id, w.model);
    let row = merged.get(key);
    if (!row) {
      row = emptyReportRow(w.procedureCode ?? '', w.model);
      if (w.service) row.service = w.service;
      merged.set(key, row);
    }
    row.wait = w.stats;
  }
  return [...merged.values()].sort(
    (a, b) =>
      Number(a.service !== undefined) - Number(b.service !== undefined) ||
      (a.service?.name ?? a.procedureCode).localeCompare(b.service?.name ?? b.procedureCode) ||
      a.model.localeCompare(b.model),
  );
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
