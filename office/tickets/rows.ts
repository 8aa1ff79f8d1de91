import type { Selectable } from 'kysely';
import type { QueueCountersTable, QueueServicesTable, TicketsTable } from '../db/schema.ts';
import type { Counter, PriorityGroup, QueueService, Ticket, TicketStatus } from '../../shared/queue/index.ts';

/** Database rows ↔ the queue domain's types (shared/queue). Times: epoch ms ↔ ISO strings. */

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const ms = (value: string | null) => (value === null ? null : Date.parse(value));

export function ticketFromRow(row: Selectable<TicketsTable>): Ticket {
  return {
    id: row.id,
    serviceId: row.service_id,
    day: row.day,
    number: row.number,
    offlineKiosk: row.offline_kiosk === null ? null : Number(row.offline_kiosk),
    priority: row.priority as PriorityGroup | null,
    priorityConfirmed: row.priority_confirmed === null ? null : Number(row.priority_confirmed) === 1,
    status: row.status as TicketStatus,
    issuedAt: iso(row.issued_at)!,
    calledAt: iso(row.called_at),
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    counterId: row.counter_id,
    calls: Number(row.calls),
    dossierCode: row.dossier_code,
  };
}

/** The columns a transition changes. */
export function ticketChanges(ticket: Ticket) {
  return {
    status: ticket.status,
    priority_confirmed: ticket.priorityConfirmed === null ? null : ticket.priorityConfirmed ? 1 : 0,
    called_at: ms(ticket.calledAt),
    started_at: ms(ticket.startedAt),
    ended_at: ms(ticket.endedAt),
    counter_id: ticket.counterId,
    calls: ticket.calls,
    dossier_code: ticket.dossierCode,
  };
}

export function serviceFromRow(row: Selectable<QueueServicesTable>): QueueService {
  return { id: row.id, prefix: row.prefix, name: row.name, procedureCodes: JSON.parse(row.procedure_codes) };
}

export function counterFromRow(row: Selectable<QueueCountersTable>): Counter {
  return {
    id: row.id,
    number: Number(row.number),
    serviceIds: JSON.parse(row.service_ids),
    open: Number(row.open) === 1,
  };
}
