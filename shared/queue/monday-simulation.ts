import { compareCallOrder, hasPriority, peopleAhead } from './ordering.ts';
import { formatTicketNumber, nextSequence } from './numbering.ts';
import { estimateWaitMinutes, openCountersFor, recentServiceMinutes } from './estimate.ts';
import { callNext, finish, markNoShow, recall, startServing } from './transitions.ts';
import { PRIORITY_GROUPS, type Counter, type QueueService, type Ticket } from './ticket.ts';

/**
 * A Monday morning at the desk, simulated: citizens take tickets at two kiosks (one cut off
 * from the office for a while, issuing from its own range and merged when it returns) and
 * three counters call them. Pure and seeded, so tests and the benchmark replay it exactly.
 */

export interface SimulationOptions {
  citizens: number;
  seed: number;
  /** Kiosk 2 cannot reach the office from `from` to `to` (minutes after opening). */
  offline: { from: number; to: number };
  /** Share of citizens who claim priority, and of claims the officer rejects. */
  priorityShare: number;
  rejectedClaimShare: number;
  /** Share of called citizens who never come to the counter. */
  noShowShare: number;
  /** The morning's length in minutes over which citizens arrive. */
  arrivalWindowMinutes: number;
}

export const MONDAY_MORNING: SimulationOptions = {
  citizens: 300,
  seed: 20261123,
  offline: { from: 60, to: 90 },
  priorityShare: 0.12,
  rejectedClaimShare: 0.1,
  noShowShare: 0.03,
  arrivalWindowMinutes: 240,
};

export const SIMULATED_SERVICES: readonly QueueService[] = [
  { id: 'civil-status', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193', '1.000894', '1.000656'] },
  { id: 'certification', prefix: 'B', name: 'Chứng thực', procedureCodes: ['2.000815', '2.000884'] },
];

export interface TicketOutcome {
  ticket: Ticket;
  /** When the office learned of the ticket (later than issuedAt for offline tickets). */
  receivedAt: number;
  /** The wait printed on the ticket, in minutes; null when the kiosk could not estimate. */
  printedEstimate: number | null;
  /** What the estimate was made of (null when none was printed). */
  aheadAtIssue: number | null;
  openCountersAtIssue: number;
}

export interface SimulationResult {
  outcomes: TicketOutcome[];
  /** Every ticket id returned by a call, once per call (recalls excluded). */
  firstCalls: string[];
  /** Announcements (calls and recalls) with the counter, in order. */
  announcements: { ticketId: string; number: string; counter: number; at: number }[];
  endedAt: number;
}

/** mulberry32: a small seeded generator, enough for a reproducible simulation. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEP_SECONDS = 10;

export function simulateMondayMorning(
  opening: Date,
  options: SimulationOptions = MONDAY_MORNING,
): SimulationResult {
  const rand = random(options.seed);
  const day = new Date(opening.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const at = (minute: number) => new Date(opening.getTime() + minute * 60_000);
  const counters: Counter[] = [
    { id: 'c1', number: 1, serviceIds: ['civil-status'], open: true },
    { id: 'c2', number: 2, serviceIds: ['civil-status', 'certification'], open: true },
    { id: 'c3', number: 3, serviceIds: ['certification'], open: true },
  ];

  // Arrivals: uniform over the window, each with a service, a kiosk and a priority claim.
  const arrivals = Array.from({ length: options.citizens }, (_, i) => ({
    i,
    minute: rand() * options.arrivalWindowMinutes,
    service: SIMULATED_SERVICES[rand() < 0.55 ? 0 : 1]!,
    kiosk: rand() < 0.5 ? 1 : 2,
    priority:
      rand() < options.priorityShare ? PRIORITY_GROUPS[Math.floor(rand() * PRIORITY_GROUPS.length)]! : null,
    rejectClaim: rand() < options.rejectedClaimShare,
    noShow: rand() < options.noShowShare,
    serviceMinutes: 0.8 + -Math.log(1 - rand()) * 1.6,
  })).sort((a, b) => a.minute - b.minute);

  const office: Ticket[] = [];
  const pendingOffline: TicketOutcome[] = [];
  const offlineRange: Ticket[] = [];
  const outcomes = new Map<string, TicketOutcome>();
  const plan = new Map(arrivals.map((a) => [`t${a.i}`, a]));
  const firstCalls: string[] = [];
  const announcements: SimulationResult['announcements'] = [];
  const busyUntil = new Map<string, { ticketId: string; until: number; noShow: boolean }>();
  let next = 0;
  let minute = 0;

  const store = (ticket: Ticket) => {
    const index = office.findIndex((t) => t.id === ticket.id);
    if (index >= 0) office[index] = ticket;
    else office.push(ticket);
    const outcome = outcomes.get(ticket.id);
    if (outcome) outcome.ticket = ticket;
  };

  while (minute < 24 * 60) {
    const now = at(minute);
    const kioskOnline = minute < options.offline.from || minute >= options.offline.to;

    // The offline kiosk is back: its tickets join the office's queue in arrival order.
    if (kioskOnline && pendingOffline.length) {
      for (const outcome of pendingOffline.splice(0)) {
        outcome.receivedAt = minute;
        store(outcome.ticket);
      }
    }

    while (next < arrivals.length && arrivals[next]!.minute <= minute) {
      const a = arrivals[next++]!;
      const offline = a.kiosk === 2 && !kioskOnline;
      const range = offline ? offlineRange : office;
      const sequence = nextSequence(range, a.service.id, day, offline ? a.kiosk : null);
      const ticket: Ticket = {
        id: `t${a.i}`,
        serviceId: a.service.id,
        day,
        number: formatTicketNumber(a.service.prefix, sequence, offline ? a.kiosk : null),
        offlineKiosk: offline ? a.kiosk : null,
        priority: a.priority,
        priorityConfirmed: null,
        status: 'issued',
        issuedAt: at(a.minute).toISOString(),
        calledAt: null,
        startedAt: null,
        endedAt: null,
        counterId: null,
        calls: 0,
        dossierCode: null,
      };
      let printedEstimate: number | null = null;
      let aheadAtIssue: number | null = null;
      const openCountersAtIssue = openCountersFor(counters, ticket.serviceId);
      if (!offline) {
        aheadAtIssue = peopleAhead([...office, ticket], ticket);
        printedEstimate = estimateWaitMinutes(
          aheadAtIssue,
          recentServiceMinutes(office, ticket.serviceId),
          openCountersAtIssue,
        );
      }
      const outcome: TicketOutcome = {
        ticket,
        receivedAt: offline ? Number.NaN : a.minute,
        printedEstimate,
        aheadAtIssue,
        openCountersAtIssue,
      };
      outcomes.set(ticket.id, outcome);
      if (offline) {
        offlineRange.push(ticket);
        pendingOffline.push(outcome);
      } else store(ticket);
    }

    for (const counter of counters) {
      const busy = busyUntil.get(counter.id);
      if (busy && busy.until > minute) continue;
      if (busy) {
        const ticket = office.find((t) => t.id === busy.ticketId)!;
        const ended = busy.noShow ? markNoShow(ticket, counter.id, now) : finish(ticket, counter.id, now);
        if (!ended.ok) throw new Error(`cannot end ${ticket.number}: ${ended.reason}`);
        store(ended.ticket);
        busyUntil.delete(counter.id);
      }
      const called = callNext(office, counter, now);
      if (!called.ok) continue;
      let ticket = called.ticket;
      firstCalls.push(ticket.id);
      announcements.push({ ticketId: ticket.id, number: ticket.number, counter: counter.number, at: minute });
      const citizen = plan.get(ticket.id)!;
      if (ticket.priority) ticket = { ...ticket, priorityConfirmed: !citizen.rejectClaim };
      store(ticket);
      if (citizen.noShow) {
        // Called twice more, then marked absent after two minutes.
        for (let r = 0; r < 2; r++) {
          const again = recall(ticket, counter.id);
          if (!again.ok) throw new Error(again.reason);
          ticket = again.ticket;
          announcements.push({
            ticketId: ticket.id,
            number: ticket.number,
            counter: counter.number,
            at: minute,
          });
        }
        store(ticket);
        busyUntil.set(counter.id, { ticketId: ticket.id, until: minute + 2, noShow: true });
      } else {
        const started = startServing(ticket, counter.id, now);
        if (!started.ok) throw new Error(started.reason);
        store(started.ticket);
        busyUntil.set(counter.id, {
          ticketId: ticket.id,
          until: minute + citizen.serviceMinutes,
          noShow: false,
        });
      }
    }

    const allArrived = next >= arrivals.length && pendingOffline.length === 0;
    const open = office.some((t) => t.status === 'issued' || t.status === 'called' || t.status === 'serving');
    if (allArrived && !open && busyUntil.size === 0) break;
    minute += STEP_SECONDS / 60;
  }

  const all = [...outcomes.values()].sort((a, b) => compareCallOrder(a.ticket, b.ticket));
  return { outcomes: all, firstCalls, announcements, endedAt: minute };
}

/**
 * Did every priority ticket get called before every ordinary ticket of its service that the
 * office learned of after it? (An offline kiosk's ticket is known from its merge on.)
 */
export function priorityViolations(result: SimulationResult): string[] {
  const violations: string[] = [];
  const calledAt = (o: TicketOutcome) => Date.parse(o.ticket.calledAt!);
  const priority = result.outcomes.filter((o) => hasPriority(o.ticket) && o.ticket.calledAt);
  const ordinary = result.outcomes.filter((o) => !hasPriority(o.ticket) && o.ticket.calledAt);
  for (const p of priority) {
    for (const o of ordinary) {
      if (o.ticket.serviceId !== p.ticket.serviceId) continue;
      if (o.receivedAt > p.receivedAt && calledAt(o) < calledAt(p))
        violations.push(`${o.ticket.number} called before priority ${p.ticket.number}`);
    }
  }
  return violations;
}
