import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, RefusedOfflineTicketsTable } from '../db/schema.ts';
import { vietnamDate } from '../../shared/domain/vietnam-time.ts';
import type { PriorityGroup } from '../../shared/queue/index.ts';

/**
 * Offline tickets the office refused to merge (số phát khi mất kết nối không được nhận).
 * The kiosk printed them, so a citizen holds a number no counter will ever call: the office
 * keeps them and lists them at the counters until an officer deals with that citizen.
 */

/** Why a ticket was refused; the kiosk's answer keeps its words (shared/contracts/tickets.ts). */
export type RefusalReason = RefusedOfflineTicketsTable['reason'];
export const REFUSAL_WORDS: Record<RefusalReason, string> = {
  'no-range': 'number does not match a service range',
  future: 'issued in the future',
  'number-taken': 'number already issued today',
};

export interface RefusedTicket {
  id: string;
  kioskId: string;
  kioskName: string | null;
  serviceId: string;
  number: string;
  priority: PriorityGroup | null;
  issuedAt: string;
  receivedAt: string;
  reason: RefusalReason;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Keeps one refusal; the same ticket sent again (a lost answer) is kept once. It is listed on
 * the day it was printed, as a merged ticket is: a kiosk back the next morning does not fill
 * today's list with yesterday's citizens. A time in the future is the kiosk's clock, not the
 * citizen's: that one is listed on the day the office heard of it.
 */
export async function recordRefused(
  db: Db,
  row: Omit<
    Selectable<RefusedOfflineTicketsTable>,
    'day' | 'status' | 'resolved_at' | 'resolved_by' | 'ticket_id'
  >,
): Promise<void> {
  await db
    .insertInto('refused_offline_tickets')
    .values({
      ...row,
      day: vietnamDate(new Date(row.reason === 'future' ? row.received_at : row.issued_at)),
      status: 'open',
      resolved_at: null,
      resolved_by: null,
      ticket_id: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

const selectRefused = (db: Db) =>
  db
    .selectFrom('refused_offline_tickets as r')
    .leftJoin('kiosks as k', 'k.id', 'r.kiosk_id')
    .select([
      'r.id',
      'r.kiosk_id',
      'k.name as kiosk_name',
      'r.service_id',
      'r.number',
      'r.priority',
      'r.issued_at',
      'r.received_at',
      'r.reason',
      'r.status',
      'r.ticket_id',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof selectRefused>['executeTakeFirstOrThrow']>>;

const fromRow = (r: Row): RefusedTicket => ({
  id: r.id,
  kioskId: r.kiosk_id,
  kioskName: r.kiosk_name,
  serviceId: r.service_id,
  number: r.number,
  priority: r.priority as PriorityGroup | null,
  issuedAt: new Date(Number(r.issued_at)).toISOString(),
  receivedAt: new Date(Number(r.received_at)).toISOString(),
  reason: r.reason,
});

/** The refusals of a day that nobody has dealt with, oldest printed first. */
export async function openRefused(db: Db, day: string): Promise<RefusedTicket[]> {
  const rows = await selectRefused(db)
    .where('r.day', '=', day)
    .where('r.status', '=', 'open')
    .orderBy('r.issued_at')
    .orderBy('r.id')
    .execute();
  return rows.map(fromRow);
}

/** What became of a refusal: still open, queued under a new ticket, or dismissed. */
export type RefusalOutcome =
  { status: 'open' } | { status: 'queued'; ticketId: string } | { status: 'dismissed' };

export interface FoundRefusal {
  ticket: RefusedTicket;
  open: boolean;
  outcome: RefusalOutcome;
}

/** One refusal, whatever became of it (the confirmation page names what it is about). */
export async function findRefused(db: Db, id: string): Promise<FoundRefusal | null> {
  const row = await selectRefused(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const outcome: RefusalOutcome =
    row.status === 'open'
      ? { status: 'open' }
      : row.status === 'queued' && row.ticket_id !== null
        ? { status: 'queued', ticketId: row.ticket_id }
        : { status: 'dismissed' };
  return { ticket: fromRow(row), open: row.status === 'open', outcome };
}
