import { randomUUID } from 'node:crypto';
import {
  IssuedTicketSchema,
  OfflineTicketsAnswerSchema,
  QueueServicesAnswerSchema,
  type KioskQueueService,
  type KioskTicket,
} from '../../../shared/contracts/tickets.ts';
import { formatTicketNumber, parseTicketNumber } from '../../../shared/queue/numbering.ts';
import type { PriorityGroup } from '../../../shared/queue/ticket.ts';
import { vietnamDate } from '../../../shared/domain/vietnam-time.ts';
import { createOfficeCaller, type OfficeCall, type TransportFailure } from '../sync-transport.ts';
import type { Logger } from '../logger.ts';
import type { DeviceState } from '../sync/device-identity-store.ts';
import type { OfflineTicket, TicketState, TicketStore } from './ticket-store.ts';

/**
 * The kiosk's side of the desk queue ("Lấy số thứ tự"), in main because main holds the
 * office token. A number comes from the office when it answers; otherwise from this
 * kiosk's own range ("A1-007", shared/queue/numbering.ts), written to the data folder before
 * it is printed, and handed to the office (POST /api/tickets/offline) as soon as it answers
 * again — before the next ticket it issues, and on a timer — where it joins the queue in
 * arrival order.
 */
export interface TicketService {
  services(input: { refresh: boolean }): Promise<{ services: KioskQueueService[]; fetchedAt: string | null }>;
  take(input: {
    serviceId: string;
    priority: PriorityGroup | null;
    kioskNumber: number;
  }): Promise<{ ok: true; ticket: KioskTicket } | { ok: false; reason: 'unknown-service' | 'range-full' }>;
  /** Hands the offline tickets to the office; resolves to how many still wait. */
  flush(): Promise<{ waiting: number }>;
  start(): void;
  close(): void;
}

type TakeOutcome = Awaited<ReturnType<TicketService['take']>>;

export interface TicketServiceDeps {
  store: TicketStore;
  /** The enrolment (office address, kiosk id) and the token, as sync keeps them. */
  identity: { state(): Promise<Pick<DeviceState, 'kioskId' | 'officeUrl'>>; token(): Promise<string | null> };
  logger: Logger;
  now?: () => Date;
  /** Injected in tests; default the sync transport's caller with `timeoutMs`. */
  caller?: (baseUrl: string, getToken: () => Promise<string | null>) => OfficeCall;
  /** A citizen waits at the screen: an office that does not answer within this is treated as away. */
  timeoutMs?: number;
  /** How often waiting offline tickets are offered to the office. */
  flushIntervalMs?: number;
  newId?: () => string;
}

export const TICKET_REQUEST_TIMEOUT_MS = 5_000;
export const TICKET_FLUSH_INTERVAL_MS = 20_000;
const MAX_MERGE_BATCH = 500;
const KEPT_REFUSED = 100;

const markKey = (day: string, prefix: string, kioskNumber: number) => `${day}|${prefix}${kioskNumber}`;

/**
 * The next sequence of a kiosk's offline range for a day: after the stored mark and after
 * every ticket still waiting in it (whichever is higher), so neither a lost mark nor a lost
 * list can make a number come round again.
 */
export function nextOfflineSequence(
  state: Pick<TicketState, 'marks' | 'pending'>,
  day: string,
  prefix: string,
  kioskNumber: number,
): number {
  let highest = state.marks[markKey(day, prefix, kioskNumber)] ?? 0;
  for (const t of state.pending) {
    const parsed = parseTicketNumber(t.number);
    if (
      parsed &&
      parsed.prefix === prefix &&
      parsed.offlineKiosk === kioskNumber &&
      vietnamDate(new Date(t.issuedAt)) === day
    )
      highest = Math.max(highest, parsed.sequence);
  }
  return highest + 1;
}

/** Failures that mean "the office is not there now" (issue offline); others mean the request itself is wrong. */
const AWAY: ReadonlySet<TransportFailure['kind']> = new Set([
  'network',
  'timeout',
  'invalid-answer',
  'rate-limited',
  'server',
  'unauthorised',
  'revoked',
]);

export function createTicketService(deps: TicketServiceDeps): TicketService {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => randomUUID());
  const timeoutMs = deps.timeoutMs ?? TICKET_REQUEST_TIMEOUT_MS;
  const makeCaller =
    deps.caller ??
    ((baseUrl: string, getToken: () => Promise<string | null>) =>
      createOfficeCaller({ baseUrl, getToken, timeoutMs }));
  const { store, logger } = deps;
  let timer: ReturnType<typeof setInterval> | null = null;
  let flushing: Promise<{ reached: boolean; waiting: number }> | null = null;

  async function office(): Promise<{ call: OfficeCall; officeUrl: string; kioskId: string } | null> {
    const state = await deps.identity.state();
    if (!state.kioskId || !state.officeUrl) return null;
    return {
      call: makeCaller(state.officeUrl, () => deps.identity.token()),
      officeUrl: state.officeUrl.replace(/\/+$/, ''),
      kioskId: state.kioskId,
    };
  }

  const positionUrl = (officeUrl: string, id: string) => `${officeUrl}/tickets/${encodeURIComponent(id)}`;

  async function refreshServices(): Promise<boolean> {
    const conn = await office();
    if (!conn) return false;
    const result = await conn.call(
      '/api/tickets/services',
      { method: 'GET', auth: true },
      QueueServicesAnswerSchema,
    );
    if (!result.ok) {
      logger.info('tickets-services-not-refreshed', { kind: result.failure.kind });
      return false;
    }
    const fetchedAt = now().toISOString();
    await store.update((state) => ({
      state: { ...state, services: result.value.services, servicesFetchedAt: fetchedAt },
      result: undefined,
    }));
    return true;
  }

  /** One hand-over of the waiting offline tickets; false when the office could not be reached. */
  async function flushOnce(): Promise<{ reached: boolean; waiting: number }> {
    const { pending } = await store.read();
    if (pending.length === 0) return { reached: true, waiting: 0 };
    const conn = await office();
    if (!conn) return { reached: false, waiting: pending.length };
    const batch = pending.slice(0, MAX_MERGE_BATCH);
    const result = await conn.call(
      '/api/tickets/offline',
      { method: 'POST', json: { tickets: batch }, auth: true },
      OfflineTicketsAnswerSchema,
    );
    if (!result.ok) {
      logger.info('tickets-offline-not-merged', { kind: result.failure.kind, waiting: pending.length });
      return { reached: false, waiting: pending.length };
    }
    const outcomes = new Map(result.value.results.map((r) => [r.localId, r]));
    const waiting = await store.update((state) => {
      const refused: TicketState['refused'] = [];
      const still: OfflineTicket[] = [];
      for (const t of state.pending) {
        const outcome = outcomes.get(t.localId);
        if (!outcome) still.push(t);
        else if (outcome.outcome === 'refused') refused.push({ ...t, reason: outcome.reason ?? 'refused' });
      }
      return {
        state: { ...state, pending: still, refused: [...state.refused, ...refused].slice(-KEPT_REFUSED) },
        result: still.length,
      };
    });
    const refusedNow = result.value.results.filter((r) => r.outcome === 'refused');
    if (refusedNow.length) logger.warn('tickets-offline-refused', { results: refusedNow });
    logger.info('tickets-offline-merged', { sent: batch.length, waiting });
    return { reached: true, waiting };
  }

  function flush(): Promise<{ reached: boolean; waiting: number }> {
    const run = flushing ?? flushOnce().finally(() => (flushing = null));
    flushing = run;
    return run;
  }

  async function issueOffline(
    input: { serviceId: string; priority: PriorityGroup | null; kioskNumber: number },
    conn: { officeUrl: string; kioskId: string } | null,
  ): Promise<TakeOutcome> {
    const at = now();
    const day = vietnamDate(at);
    const localId = newId();
    return store.update<TakeOutcome>((state) => {
      const service = state.services.find((s) => s.id === input.serviceId);
      if (!service) return { state, result: { ok: false as const, reason: 'unknown-service' as const } };
      const sequence = nextOfflineSequence(state, day, service.prefix, input.kioskNumber);
      let number: string;
      try {
        number = formatTicketNumber(service.prefix, sequence, input.kioskNumber);
      } catch {
        return { state, result: { ok: false as const, reason: 'range-full' as const } };
      }
      const ticket: OfflineTicket = {
        localId,
        serviceId: service.id,
        number,
        priority: input.priority,
        issuedAt: at.toISOString(),
      };
      // Only this day's marks matter: numbers restart every day.
      const marks = Object.fromEntries(Object.entries(state.marks).filter(([k]) => k.startsWith(`${day}|`)));
      marks[markKey(day, service.prefix, input.kioskNumber)] = sequence;
      // The id the office gives it when merged (office/tickets/desk.ts), so the QR works from then on.
      const officeId = conn ? `${conn.kioskId}:${localId}` : localId;
      return {
        state: { ...state, marks, pending: [...state.pending, ticket] },
        result: {
          ok: true as const,
          ticket: {
            id: officeId,
            number,
            serviceName: service.name,
            counters: service.counters,
            peopleAhead: null,
            estimateMinutes: null,
            issuedAt: ticket.issuedAt,
            priority: input.priority,
            offline: true,
            positionUrl: conn ? positionUrl(conn.officeUrl, officeId) : null,
          },
        },
      };
    });
  }

  return {
    async services({ refresh }) {
      if (refresh) await refreshServices();
      const state = await store.read();
      return { services: state.services, fetchedAt: state.servicesFetchedAt };
    },

    async take(input) {
      const conn = await office();
      if (conn) {
        // Tickets issued while the office was away go first, so the queue sees them as they came.
        const handed = await flush();
        if (handed.reached) {
          const result = await conn.call(
            '/api/tickets',
            { method: 'POST', json: { serviceId: input.serviceId, priority: input.priority }, auth: true },
            IssuedTicketSchema,
          );
          if (result.ok) {
            const t = result.value;
            return {
              ok: true,
              ticket: { ...t, offline: false, positionUrl: positionUrl(conn.officeUrl, t.id) },
            };
          }
          if (!AWAY.has(result.failure.kind)) {
            // The office no longer has this service: learn its list again; the screen asks anew.
            logger.warn('tickets-issue-refused', {
              serviceId: input.serviceId,
              reasons: result.failure.reasons,
            });
            await refreshServices();
            return { ok: false, reason: 'unknown-service' };
          }
          logger.info('tickets-office-away', { kind: result.failure.kind });
        }
      }
      const issued = await issueOffline(input, conn);
      if (issued.ok) logger.info('tickets-issued-offline', { number: issued.ticket.number });
      return issued;
    },

    async flush() {
      const { waiting } = await flush();
      return { waiting };
    },

    start() {
      if (timer) return;
      void refreshServices().catch((error: unknown) => logger.warn('tickets-services-failed', { error }));
      timer = setInterval(() => {
        void flush().catch((error: unknown) => logger.warn('tickets-flush-failed', { error }));
      }, deps.flushIntervalMs ?? TICKET_FLUSH_INTERVAL_MS);
      timer.unref?.();
    },

    close() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
