import { waitingFor } from './ordering.ts';
import type { Counter, Ticket } from './ticket.ts';

export type TransitionResult =
  | { ok: true; ticket: Ticket }
  | { ok: false; reason: 'wrong-status' | 'nobody-waiting' | 'counter-closed' | 'wrong-counter' };

const iso = (now: Date) => now.toISOString();

/** The next ticket for a counter, called now; the first call's time is its wait's end. */
export function callNext(tickets: readonly Ticket[], counter: Counter, now: Date): TransitionResult {
  if (!counter.open) return { ok: false, reason: 'counter-closed' };
  const next = waitingFor(tickets, counter)[0];
  if (!next) return { ok: false, reason: 'nobody-waiting' };
  return {
    ok: true,
    ticket: {
      ...next,
      status: 'called',
      calledAt: next.calledAt ?? iso(now),
      counterId: counter.id,
      calls: next.calls + 1,
    },
  };
}

/** Announce the same ticket again (the citizen did not come yet). */
export function recall(ticket: Ticket, counterId: string): TransitionResult {
  if (ticket.status !== 'called') return { ok: false, reason: 'wrong-status' };
  if (ticket.counterId !== counterId) return { ok: false, reason: 'wrong-counter' };
  return { ok: true, ticket: { ...ticket, calls: ticket.calls + 1 } };
}

export function startServing(ticket: Ticket, counterId: string, now: Date): TransitionResult {
  if (ticket.status !== 'called') return { ok: false, reason: 'wrong-status' };
  if (ticket.counterId !== counterId) return { ok: false, reason: 'wrong-counter' };
  return { ok: true, ticket: { ...ticket, status: 'serving', startedAt: iso(now) } };
}

export function finish(ticket: Ticket, counterId: string, now: Date, dossierCode?: string): TransitionResult {
  if (ticket.status !== 'serving' && ticket.status !== 'called') return { ok: false, reason: 'wrong-status' };
  if (ticket.counterId !== counterId) return { ok: false, reason: 'wrong-counter' };
  return {
    ok: true,
    ticket: {
      ...ticket,
      status: 'done',
      startedAt: ticket.startedAt ?? iso(now),
      endedAt: iso(now),
      dossierCode: dossierCode ?? ticket.dossierCode,
    },
  };
}

/** Called and did not come (vắng mặt). */
export function markNoShow(ticket: Ticket, counterId: string, now: Date): TransitionResult {
  if (ticket.status !== 'called') return { ok: false, reason: 'wrong-status' };
  if (ticket.counterId !== counterId) return { ok: false, reason: 'wrong-counter' };
  return { ok: true, ticket: { ...ticket, status: 'no-show', endedAt: iso(now) } };
}

/**
 * Send a called or serving ticket to another counter: it waits there, keeping its arrival
 * time (so it is not sent to the back) and its first call time (so its wait is not counted twice).
 */
export function transfer(ticket: Ticket, to: Counter): TransitionResult {
  if (ticket.status !== 'called' && ticket.status !== 'serving') return { ok: false, reason: 'wrong-status' };
  if (ticket.counterId === to.id) return { ok: false, reason: 'wrong-counter' };
  return { ok: true, ticket: { ...ticket, status: 'issued', counterId: to.id, startedAt: null } };
}

export function cancel(ticket: Ticket, now: Date): TransitionResult {
  if (ticket.status !== 'issued' && ticket.status !== 'called') return { ok: false, reason: 'wrong-status' };
  return { ok: true, ticket: { ...ticket, status: 'cancelled', endedAt: iso(now) } };
}

/** The officer confirms or rejects the priority the citizen claimed. */
export function confirmPriority(ticket: Ticket, confirmed: boolean): TransitionResult {
  if (ticket.priority === null) return { ok: false, reason: 'wrong-status' };
  return { ok: true, ticket: { ...ticket, priorityConfirmed: confirmed } };
}
