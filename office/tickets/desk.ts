import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DialectName } from '../db/migrations.ts';
import type { Clock } from '../time.ts';
import { vietnamDate, vietnamDayStart } from '../../shared/domain/vietnam-time.ts';
import {
  callNext,
  confirmPriority,
  estimateWaitMinutes,
  finish,
  formatTicketNumber,
  markNoShow,
  nextSequence,
  openCountersFor,
  parseTicketNumber,
  peopleAhead,
  recall,
  recentServiceMinutes,
  startServing,
  transfer,
  type Counter,
  type PriorityGroup,
  type QueueService,
  type Ticket,
  type TransitionResult,
} from '../../shared/queue/index.ts';
import type {
  BoardState,
  IssuedTicket,
  OfflineTicketsAnswer,
  OfflineTicketsRequest,
  TicketPosition,
} from '../../shared/contracts/tickets.ts';
import type { BoardHub } from './board-hub.ts';
import { counterFromRow, serviceFromRow, ticketChanges, ticketFromRow } from './rows.ts';
import {
  findRefused,
  openRefused,
  recordRefused,
  REFUSAL_WORDS,
  type RefusalReason,
  type RefusedTicket,
  type FoundRefusal,
} from './refused.ts';

/** The desk's ticket queue over the office database: the rules are shared/queue's. */
export interface TicketDesk {
  configure(services: QueueService[], counters: Counter[]): Promise<void>;
  services(): Promise<QueueService[]>;
  counters(): Promise<Counter[]>;
  issue(input: {
    serviceId: string;
    priority: PriorityGroup | null;
    kioskId: string | null;
  }): Promise<{ ok: true; ticket: IssuedTicket } | { ok: false; reason: 'unknown-service' }>;
  mergeOffline(kioskId: string, request: OfflineTicketsRequest): Promise<OfflineTicketsAnswer>;
  act(counterId: string, action: DeskAction): Promise<DeskOutcome>;
  board(): Promise<BoardState>;
  position(ticketId: string): Promise<TicketPosition | null>;
  today(): Promise<Ticket[]>;
  /** Today's refused offline tickets nobody has dealt with yet. */
  refusedToday(): Promise<RefusedTicket[]>;
  /** One refused offline ticket, and whether it still waits for an officer. */
  refused(id: string): Promise<FoundRefusal | null>;
  /**
   * An officer deals with a refused offline ticket: 'queue' issues the citizen a proper
   * number that keeps their place (arrival = when the kiosk printed theirs, not before
   * today's opening nor after now); 'dismiss' records the case as handled otherwise.
   */
  resolveRefused(
    id: string,
    action: 'queue' | 'dismiss',
    accountId: number,
  ): Promise<
    | { ok: true; ticket: IssuedTicket | null; oldNumber: string }
    | { ok: false; reason: 'not-found' | 'already-handled' | 'unknown-service' }
  >;
}

export type DeskAction =
  | { kind: 'call-next' }
  | { kind: 'recall' }
  | { kind: 'start' }
  | { kind: 'finish'; dossierCode?: string }
  | { kind: 'no-show' }
  | { kind: 'transfer'; toCounterId: string }
  | { kind: 'confirm-priority'; confirmed: boolean };

export type DeskOutcome =
  | { ok: true; ticket: Ticket }
  | {
      ok: false;
      reason: 'unknown-counter' | 'no-current-ticket' | Extract<TransitionResult, { ok: false }>['reason'];
    };

const ISSUE_ATTEMPTS = 5;

export function createTicketDesk(
  db: Kysely<Database>,
  dialect: DialectName,
  now: Clock,
  hub: BoardHub,
): TicketDesk {
  const day = () => vietnamDate(new Date(now()));

  async function dayTickets(trx: Kysely<Database> | Transaction<Database>, on = day()): Promise<Ticket[]> {
    const rows = await trx.selectFrom('tickets').selectAll().where('day', '=', on).execute();
    return rows.map(ticketFromRow);
  }
  async function loadCounters(trx: Kysely<Database> | Transaction<Database>): Promise<Counter[]> {
    return (await trx.selectFrom('queue_counters').selectAll().orderBy('number').execute()).map(
      counterFromRow,
    );
  }
  async function loadServices(trx: Kysely<Database> | Transaction<Database>): Promise<QueueService[]> {
    return (await trx.selectFrom('queue_services').selectAll().orderBy('prefix').execute()).map(
      serviceFromRow,
    );
  }

  /** The ticket a counter is dealing with now (called or serving there). */
  const currentAt = (tickets: Ticket[], counterId: string) =>
    tickets
      .filter((t) => t.counterId === counterId && (t.status === 'called' || t.status === 'serving'))
      .sort((a, b) => Date.parse(b.calledAt ?? b.issuedAt) - Date.parse(a.calledAt ?? a.issuedAt))[0];

  /** Issues the next number of a service in `trx`; arrival at `arrivedAt` (its place in the queue). */
  async function issueIn(
    trx: Transaction<Database>,
    input: { serviceId: string; priority: PriorityGroup | null; kioskId: string | null; arrivedAt: number },
  ): Promise<{ ok: true; ticket: IssuedTicket } | { ok: false; reason: 'unknown-service' }> {
    const { serviceId, priority, kioskId, arrivedAt } = input;
    // PostgreSQL: issuers of one service wait for each other here (SQLite runs one write transaction at a time).
    if (dialect === 'postgres')
      await trx.selectFrom('queue_services').select('id').where('id', '=', serviceId).forUpdate().execute();
    const service = (await loadServices(trx)).find((s) => s.id === serviceId);
    if (!service) return { ok: false as const, reason: 'unknown-service' as const };
    const at = now();
    const tickets = await dayTickets(trx);
    const counters = await loadCounters(trx);
    const number = formatTicketNumber(service.prefix, nextSequence(tickets, serviceId, day()));
    const ticket: Ticket = {
      id: randomUUID(),
      serviceId,
      day: day(),
      number,
      offlineKiosk: null,
      priority,
      priorityConfirmed: null,
      status: 'issued',
      issuedAt: new Date(arrivedAt).toISOString(),
      calledAt: null,
      startedAt: null,
      endedAt: null,
      counterId: null,
      calls: 0,
      dossierCode: null,
    };
    const ahead = peopleAhead([...tickets, ticket], ticket);
    const estimate = estimateWaitMinutes(
      ahead,
      recentServiceMinutes(tickets, serviceId),
      openCountersFor(counters, serviceId),
    );
    await trx
      .insertInto('tickets')
      .values({
        id: ticket.id,
        service_id: serviceId,
        day: ticket.day,
        number,
        offline_kiosk: null,
        kiosk_id: kioskId,
        priority,
        priority_confirmed: null,
        status: 'issued',
        issued_at: arrivedAt,
        received_at: at,
        called_at: null,
        started_at: null,
        ended_at: null,
        counter_id: null,
        calls: 0,
        dossier_code: null,
        estimate_minutes: estimate,
      })
      .execute();
    return {
      ok: true as const,
      ticket: {
        id: ticket.id,
        number,
        serviceName: service.name,
        counters: counters.filter((c) => c.serviceIds.includes(serviceId)).map((c) => c.number),
        peopleAhead: ahead,
        estimateMinutes: estimate,
        issuedAt: ticket.issuedAt,
        priority,
      },
    };
  }

  return {
    async configure(services, counters) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('queue_services').execute();
        await trx.deleteFrom('queue_counters').execute();
        for (const s of services)
          await trx
            .insertInto('queue_services')
            .values({
              id: s.id,
              prefix: s.prefix,
              name: s.name,
              procedure_codes: JSON.stringify(s.procedureCodes),
            })
            .execute();
        for (const c of counters)
          await trx
            .insertInto('queue_counters')
            .values({
              id: c.id,
              number: c.number,
              service_ids: JSON.stringify(c.serviceIds),
              open: c.open ? 1 : 0,
            })
            .execute();
      });
    },

    services: () => loadServices(db),
    counters: () => loadCounters(db),
    today: () => dayTickets(db),

    async issue({ serviceId, priority, kioskId }) {
      return withRetry(() =>
        db.transaction().execute((trx) => issueIn(trx, { serviceId, priority, kioskId, arrivedAt: now() })),
      );
    },

    refusedToday: () => openRefused(db, day()),
    refused: (id) => findRefused(db, id),

    async resolveRefused(id, action, accountId) {
      return withRetry(() =>
        db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom('refused_offline_tickets')
            .selectAll()
            .where('id', '=', id)
            .executeTakeFirst();
          if (!row) return { ok: false as const, reason: 'not-found' as const };
          if (row.status !== 'open') return { ok: false as const, reason: 'already-handled' as const };
          let issued: IssuedTicket | null = null;
          if (action === 'queue') {
            const arrivedAt = Math.min(Math.max(Number(row.issued_at), vietnamDayStart(now())), now());
            const result = await issueIn(trx, {
              serviceId: row.service_id,
              priority: row.priority as PriorityGroup | null,
              kioskId: row.kiosk_id,
              arrivedAt,
            });
            if (!result.ok) return result;
            issued = result.ticket;
          }
          // Only the first of two officers clicking at once wins; the other is told it is handled.
          const claimed = await trx
            .updateTable('refused_offline_tickets')
            .set({
              status: action === 'queue' ? 'queued' : 'dismissed',
              resolved_at: now(),
              resolved_by: accountId,
              ticket_id: issued?.id ?? null,
            })
            .where('id', '=', id)
            .where('status', '=', 'open')
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) !== 1) throw new AlreadyHandled();
          return { ok: true as const, ticket: issued, oldNumber: row.number };
        }),
      ).catch((error: unknown) => {
        if (error instanceof AlreadyHandled)
          return { ok: false as const, reason: 'already-handled' as const };
        throw error;
      });
    },

    async mergeOffline(kioskId, request) {
      const services = new Map((await loadServices(db)).map((s) => [s.id, s]));
      const results: OfflineTicketsAnswer['results'] = [];
      // Arrival order: the board and the call order see them as they came, whatever order they are sent in.
      const items = [...request.tickets].sort((a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt));
      // The citizen holds the printed number all the same: kept for the counters (refused.ts).
      const refuse = async (item: (typeof items)[number], reason: RefusalReason) => {
        await recordRefused(db, {
          id: `${kioskId}:${item.localId}`,
          kiosk_id: kioskId,
          service_id: item.serviceId,
          number: item.number,
          priority: item.priority,
          issued_at: Date.parse(item.issuedAt),
          received_at: now(),
          reason,
        });
        results.push({ localId: item.localId, outcome: 'refused', reason: REFUSAL_WORDS[reason] });
      };
      for (const item of items) {
        const id = `${kioskId}:${item.localId}`;
        const service = services.get(item.serviceId);
        const parsed = parseTicketNumber(item.number);
        const issuedAt = Date.parse(item.issuedAt);
        if (!service || !parsed || parsed.prefix !== service.prefix || parsed.offlineKiosk === null) {
          await refuse(item, 'no-range');
          continue;
        }
        if (issuedAt > now() + 5 * 60_000) {
          await refuse(item, 'future');
          continue;
        }
        const existing = await db
          .selectFrom('tickets')
          .select(['id', 'kiosk_id'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (existing) {
          results.push({ localId: item.localId, outcome: 'duplicate' });
          continue;
        }
        try {
          await db
            .insertInto('tickets')
            .values({
              id,
              service_id: item.serviceId,
              day: vietnamDate(new Date(issuedAt)),
              number: item.number,
              offline_kiosk: parsed.offlineKiosk,
              kiosk_id: kioskId,
              priority: item.priority,
              priority_confirmed: null,
              status: 'issued',
              issued_at: issuedAt,
              received_at: now(),
              called_at: null,
              started_at: null,
              ended_at: null,
              counter_id: null,
              calls: 0,
              dossier_code: null,
              estimate_minutes: null,
            })
            .execute();
          results.push({ localId: item.localId, outcome: 'merged' });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // Another kiosk already used this number today (two kiosks with one kiosk number).
          await refuse(item, 'number-taken');
        }
      }
      return { results };
    },

    async act(counterId, action) {
      const outcome = await db.transaction().execute(async (trx): Promise<DeskOutcome> => {
        const counter = (await loadCounters(trx)).find((c) => c.id === counterId);
        if (!counter) return { ok: false, reason: 'unknown-counter' };
        const tickets = await dayTickets(trx);
        const at = new Date(now());
        let result: TransitionResult;
        if (action.kind === 'call-next') {
          // Whoever the counter was still dealing with is finished first: one ticket per counter at a time.
          const current = currentAt(tickets, counterId);
          if (current) {
            const ended =
              current.status === 'called'
                ? markNoShow(current, counterId, at)
                : finish(current, counterId, at);
            if (ended.ok) await save(trx, ended.ticket);
          }
          result = callNext(tickets, counter, at);
        } else {
          const current = currentAt(tickets, counterId);
          if (!current) return { ok: false, reason: 'no-current-ticket' };
          switch (action.kind) {
            case 'recall':
              result = recall(current, counterId);
              break;
            case 'start':
              result = startServing(current, counterId, at);
              break;
            case 'finish':
              result = finish(current, counterId, at, action.dossierCode);
              break;
            case 'no-show':
              result = markNoShow(current, counterId, at);
              break;
            case 'confirm-priority':
              result = confirmPriority(current, action.confirmed);
              break;
            case 'transfer': {
              const to = (await loadCounters(trx)).find((c) => c.id === action.toCounterId);
              if (!to) return { ok: false, reason: 'unknown-counter' };
              result = transfer(current, to);
              break;
            }
          }
        }
        if (!result.ok) return result;
        await save(trx, result.ticket);
        if (action.kind === 'call-next' || action.kind === 'recall')
          await trx
            .insertInto('ticket_calls')
            .values({
              ticket_id: result.ticket.id,
              number: result.ticket.number,
              counter_number: counter.number,
              at: at.getTime(),
            })
            .execute();
        return { ok: true, ticket: result.ticket };
      });
      if (outcome.ok && (action.kind === 'call-next' || action.kind === 'recall')) {
        const counter = (await loadCounters(db)).find((c) => c.id === counterId)!;
        hub.publish({
          number: outcome.ticket.number,
          counter: counter.number,
          at: new Date(now()).toISOString(),
        });
      }
      return outcome;
    },

    async board() {
      const [tickets, counters, services] = await Promise.all([
        dayTickets(db),
        loadCounters(db),
        loadServices(db),
      ]);
      const dayStart = vietnamDayStart(now());
      const calls = await db
        .selectFrom('ticket_calls')
        .select(['number', 'counter_number', 'at'])
        .where('at', '>=', dayStart)
        .orderBy('id', 'desc')
        .limit(8)
        .execute();
      return {
        counters: counters.map((c) => ({
          number: c.number,
          open: c.open,
          current: currentAt(tickets, c.id)?.number ?? null,
        })),
        lastCalls: calls.map((c) => ({
          number: c.number,
          counter: Number(c.counter_number),
          at: new Date(Number(c.at)).toISOString(),
        })),
        waiting: services.map((s) => ({
          prefix: s.prefix,
          name: s.name,
          count: tickets.filter((t) => t.serviceId === s.id && t.status === 'issued').length,
        })),
      };
    },

    async position(ticketId) {
      const row = await db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
      if (!row) return null;
      const ticket = ticketFromRow(row);
      const tickets = await dayTickets(db, ticket.day);
      const counters = await loadCounters(db);
      const ahead = ticket.status === 'issued' ? peopleAhead(tickets, ticket) : 0;
      return {
        number: ticket.number,
        status: ticket.status,
        peopleAhead: ahead,
        estimateMinutes:
          ticket.status === 'issued'
            ? estimateWaitMinutes(
                ahead,
                recentServiceMinutes(tickets, ticket.serviceId),
                openCountersFor(counters, ticket.serviceId),
              )
            : null,
        counter: counters.find((c) => c.id === ticket.counterId)?.number ?? null,
      };
    },
  };
}

/** Two issuers may race for the same number; (day, number) is unique, so the loser tries the next one. */
async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ISSUE_ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Thrown to roll back a queueing another officer got to first. */
class AlreadyHandled extends Error {}

async function save(trx: Transaction<Database>, ticket: Ticket): Promise<void> {
  await trx.updateTable('tickets').set(ticketChanges(ticket)).where('id', '=', ticket.id).execute();
}

/** SQLite's and PostgreSQL's unique-constraint errors. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e.message ?? '')
  );
}
