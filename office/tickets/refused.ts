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

/** Keeps one refusal; the same ticket sent again (a lost answer) is kept once. */
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
      day: vietnamDate(new Date(row.received_at)),
      status: 'open',
      resolved_at: null,
      resolved_by: null,
      ticket_id: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** The refusals received on a day that nobody has dealt with, oldest issued first. */
export async function openRefused(db: Db, day: string): Promise<RefusedTicket[]> {
  const rows = await db
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
    ])
    .where('r.day', '=', day)
    .where('r.status', '=', 'open')
    .orderBy('r.issued_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kioskId: r.kiosk_id,
    kioskName: r.kiosk_name,
    serviceId: r.service_id,
    number: r.number,
    priority: r.priority as PriorityGroup | null,
    issuedAt: new Date(Number(r.issued_at)).toISOString(),
    receivedAt: new Date(Number(r.received_at)).toISOString(),
    reason: r.reason,
  }));
}
