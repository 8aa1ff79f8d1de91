import type { Ticket } from './ticket.ts';

/** Nearest-rank percentile of sorted-or-not values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The median as the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

/** Arrival → first call, in minutes; null while not called. */
export function waitMinutes(ticket: Pick<Ticket, 'issuedAt' | 'calledAt'>): number | null {
  return ticket.calledAt ? minutesBetween(ticket.issuedAt, ticket.calledAt) : null;
}

/** First call → done, in minutes; null unless done. */
export function serviceMinutes(ticket: Pick<Ticket, 'status' | 'calledAt' | 'endedAt'>): number | null {
  return ticket.status === 'done' && ticket.calledAt && ticket.endedAt
    ? minutesBetween(ticket.calledAt, ticket.endedAt)
    : null;
}

/** "Không chờ": called within this many minutes of arrival. */
export const NO_WAIT_MINUTES = 15;

export interface WaitStats {
  tickets: number;
  called: number;
  waitMedian: number | null;
  waitP90: number | null;
  serviceMedian: number | null;
  serviceP90: number | null;
  /**
   * Share (0–1) of tickets called within NO_WAIT_MINUTES of arrival, out of those called and,
   * when `now` is given, those still waiting that have already waited longer (they can no
   * longer be called in time); null when there is no such ticket.
   */
  calledWithinNoWait: number | null;
}

export function waitStats(tickets: readonly Ticket[], now?: number): WaitStats {
  const waits = tickets.map(waitMinutes).filter((m): m is number => m !== null);
  const services = tickets.map(serviceMinutes).filter((m): m is number => m !== null);
  const overdue =
    now === undefined
      ? 0
      : tickets.filter(
          (t) =>
            t.status === 'issued' &&
            t.calledAt === null &&
            (now - Date.parse(t.issuedAt)) / 60_000 > NO_WAIT_MINUTES,
        ).length;
  const judged = waits.length + overdue;
  return {
    tickets: tickets.length,
    called: waits.length,
    waitMedian: median(waits),
    waitP90: percentile(waits, 90),
    serviceMedian: median(services),
    serviceP90: percentile(services, 90),
    calledWithinNoWait: judged ? waits.filter((m) => m <= NO_WAIT_MINUTES).length / judged : null,
  };
}
