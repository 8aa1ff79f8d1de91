import { median, serviceMinutes } from './stats.ts';
import type { Counter, Ticket } from './ticket.ts';

/** Used until a service has finished tickets of its own today. */
export const DEFAULT_SERVICE_MINUTES = 8;
/** How many of the service's latest finished tickets make its "recent" service time. */
export const RECENT_SERVICE_WINDOW = 20;

/** The median service time of the service's latest finished tickets. */
export function recentServiceMinutes(tickets: readonly Ticket[], serviceId: string): number {
  const recent = tickets
    .filter((t) => t.serviceId === serviceId && serviceMinutes(t) !== null)
    .sort((a, b) => Date.parse(b.endedAt!) - Date.parse(a.endedAt!))
    .slice(0, RECENT_SERVICE_WINDOW)
    .map((t) => serviceMinutes(t)!);
  return median(recent) ?? DEFAULT_SERVICE_MINUTES;
}

/** Open counters that serve the service; at least one, so a closed desk still gets an estimate. */
export function openCountersFor(counters: readonly Counter[], serviceId: string): number {
  return Math.max(1, counters.filter((c) => c.open && c.serviceIds.includes(serviceId)).length);
}

/**
 * Estimated wait in whole minutes: people ahead × the service's recent median service time
 * ÷ open counters. Printed on the ticket and compared with the real wait in the report.
 */
export function estimateWaitMinutes(ahead: number, recentMinutes: number, openCounters: number): number {
  return Math.round((ahead * recentMinutes) / Math.max(1, openCounters));
}
