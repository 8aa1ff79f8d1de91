import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { OfficeProfile } from '../../shared/domain/office-profile.ts';
import type { ReformModelId } from '../../shared/domain/reform-model.ts';
import { scheduledModelsOn } from '../../shared/domain/schedule.ts';
import { waitStats, type QueueService, type Ticket, type WaitStats } from '../../shared/queue/index.ts';
import { currentProfile } from '../published-config.ts';
import { serviceFromRow, ticketFromRow } from '../tickets/rows.ts';
import { vietnamDate } from '../../shared/domain/vietnam-time.ts';
import { modelsOfMask, type ReportModel } from './weekly.ts';

/**
 * Wait (arrival → first call) and service (first call → done) times of the desk's tickets,
 * per procedure × model, for the weekly report.
 *
 * Which procedure and models a ticket counts under — the rule, in this order:
 * 1. The dossier made from it. A ticket carries the code of the dossier made from it (typed
 *    at the desk when the officer finishes the ticket, or set when the kiosk links them).
 *    When the office holds a dossier with that code, the ticket counts under that dossier's
 *    procedure and under every model the dossier was received under — exactly the row the
 *    dossier itself is counted in.
 * 2. Otherwise its service, when the service serves a single procedure: that procedure,
 *    under the models the office's published profile runs that day for it (a model with no
 *    procedure list covers the whole desk, as for dossiers: shared/dossier/build-dossier.ts).
 * 3. Otherwise the service itself, in a row of its own: spreading one visit over the
 *    service's procedures would count it several times, and picking one would be a guess.
 *    It counts under the models that day that cover every procedure of the service.
 * Without a published profile, a ticket without a dossier counts outside any model.
 */
export interface WaitRow {
  /** Null for a service's row (rule 3). */
  procedureCode: string | null;
  service: { id: string; name: string } | null;
  model: ReportModel;
  stats: WaitStats;
}

export interface WaitTimes {
  rows: WaitRow[];
  /** Every ticket of the period once (a ticket under two models is in two rows). */
  total: WaitStats;
}

/** Tickets of the Vietnam days in [fromMs, toMs) (both at Vietnam midnight). */
export async function waitTimes(
  db: Kysely<Database>,
  fromMs: number,
  toMs: number,
  now: number,
): Promise<WaitTimes> {
  const rows = await db
    .selectFrom('tickets as t')
    .leftJoin('dossiers as d', 'd.code', 't.dossier_code')
    .selectAll('t')
    .select(['d.procedure_code as dossier_procedure', 'd.model_mask as dossier_model_mask'])
    .where('t.day', '>=', vietnamDate(fromMs))
    .where('t.day', '<', vietnamDate(toMs))
    .execute();
  if (rows.length === 0) return { rows: [], total: waitStats([], now) };
  const services = new Map(
    (await db.selectFrom('queue_services').selectAll().execute()).map((r) => {
      const s = serviceFromRow(r);
      return [s.id, s];
    }),
  );
  const profile = await currentProfile(db);

  const groups = new Map<string, { row: Omit<WaitRow, 'stats'>; tickets: Ticket[] }>();
  const add = (row: Omit<WaitRow, 'stats'>, ticket: Ticket) => {
    const key = `${row.procedureCode ?? ''}|${row.service?.id ?? ''}|${row.model}`;
    const group = groups.get(key) ?? { row, tickets: [] };
    group.tickets.push(ticket);
    groups.set(key, group);
  };
  const all: Ticket[] = [];
  for (const r of rows) {
    const ticket = ticketFromRow(r);
    all.push(ticket);
    const service = services.get(ticket.serviceId);
    if (r.dossier_procedure !== null) {
      for (const model of modelsOfMask(Number(r.dossier_model_mask)))
        add({ procedureCode: r.dossier_procedure, service: null, model }, ticket);
    } else if (service?.procedureCodes.length === 1) {
      const code = service.procedureCodes[0]!;
      for (const model of modelsCovering(profile, ticket.day, [code]))
        add({ procedureCode: code, service: null, model }, ticket);
    } else {
      const named = { id: ticket.serviceId, name: service?.name ?? ticket.serviceId };
      for (const model of modelsCovering(profile, ticket.day, service?.procedureCodes ?? []))
        add({ procedureCode: null, service: named, model }, ticket);
    }
  }
  const out = [...groups.values()].map(({ row, tickets }) => ({ ...row, stats: waitStats(tickets, now) }));
  return { rows: out, total: waitStats(all, now) };
}

/** The models running on the day that cover all the given procedures; 'none' when no model does. */
function modelsCovering(
  profile: OfficeProfile | null,
  day: string,
  procedureCodes: QueueService['procedureCodes'],
): ReportModel[] {
  if (!profile) return ['none'];
  const models = new Set<ReformModelId>();
  for (const m of scheduledModelsOn(profile, day))
    if (
      m.procedures.length === 0 ||
      (procedureCodes.length > 0 && procedureCodes.every((c) => m.procedures.includes(c)))
    )
      models.add(m.model);
  return models.size ? [...models] : ['none'];
}
