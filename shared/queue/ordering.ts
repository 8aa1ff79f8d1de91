import type { Counter, Ticket } from './ticket.ts';

/** A priority claim counts until an officer rejects it. */
export function hasPriority(ticket: Pick<Ticket, 'priority' | 'priorityConfirmed'>): boolean {
  return ticket.priority !== null && ticket.priorityConfirmed !== false;
}

/**
 * Call order: priority tickets first, then everyone else; within each, arrival order
 * (issuedAt, then id so the order is total). Offline tickets merged later slot in by
 * their own arrival time.
 */
export function compareCallOrder(a: Ticket, b: Ticket): number {
  const byPriority = Number(hasPriority(b)) - Number(hasPriority(a));
  if (byPriority !== 0) return byPriority;
  const byArrival = Date.parse(a.issuedAt) - Date.parse(b.issuedAt);
  if (byArrival !== 0) return byArrival;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** May this counter call this waiting ticket? A transferred ticket waits for its counter only. */
export function isCallableAt(ticket: Ticket, counter: Counter): boolean {
  if (ticket.status !== 'issued') return false;
  if (ticket.counterId !== null) return ticket.counterId === counter.id;
  return counter.serviceIds.includes(ticket.serviceId);
}

/** The waiting tickets a counter would call, in the order it would call them. */
export function waitingFor(tickets: readonly Ticket[], counter: Counter): Ticket[] {
  return tickets.filter((t) => isCallableAt(t, counter)).sort(compareCallOrder);
}

/** Tickets of the same service still waiting that would be called before this one. */
export function peopleAhead(tickets: readonly Ticket[], ticket: Ticket): number {
  let ahead = 0;
  for (const other of tickets) {
    if (other.id === ticket.id || other.status !== 'issued' || other.serviceId !== ticket.serviceId) continue;
    if (compareCallOrder(other, ticket) < 0) ahead++;
  }
  return ahead;
}
