import { z } from 'zod';
import { PriorityGroupSchema } from '../queue/ticket.ts';

/**
 * The ticket queue between a kiosk and the office (kiosk bearer token, as the sync API),
 * and the public calling board. Validated by the office on the way in and by the kiosk on
 * the way back.
 */

/** A kiosk asks the office for a number. */
export const IssueTicketRequestSchema = z.strictObject({
  serviceId: z.string().min(1).max(40),
  priority: PriorityGroupSchema.nullable(),
});
export type IssueTicketRequest = z.infer<typeof IssueTicketRequestSchema>;

/**
 * The services a kiosk may take numbers for, with the counters that serve each: the
 * kiosk keeps the last answer so that it can issue from its own range when the office is
 * unreachable (the prefix and counters are printed on those tickets too).
 */
export const KioskQueueServiceSchema = z.strictObject({
  id: z.string().min(1).max(40),
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  name: z.string().min(1).max(120),
  procedureCodes: z.array(z.string().min(1).max(40)).max(200),
  counters: z.array(z.number().int().min(1).max(99)).max(99),
});
export type KioskQueueService = z.infer<typeof KioskQueueServiceSchema>;
export const QueueServicesAnswerSchema = z.strictObject({
  services: z.array(KioskQueueServiceSchema).max(50),
});
export type QueueServicesAnswer = z.infer<typeof QueueServicesAnswerSchema>;

/** What the 80 mm ticket prints. */
export const IssuedTicketSchema = z.strictObject({
  id: z.string(),
  number: z.string(),
  serviceName: z.string(),
  counters: z.array(z.number().int()),
  peopleAhead: z.number().int().min(0),
  /** Minutes; null when no estimate can be made (an offline kiosk). */
  estimateMinutes: z.number().int().min(0).nullable(),
  issuedAt: z.iso.datetime({ offset: true }),
  priority: PriorityGroupSchema.nullable(),
});
export type IssuedTicket = z.infer<typeof IssuedTicketSchema>;

/** Tickets a kiosk issued from its own range while the office was unreachable. */
export const OfflineTicketsRequestSchema = z.strictObject({
  tickets: z
    .array(
      z.strictObject({
        /** The kiosk's own id for the ticket; with the kiosk's id it makes the ticket's id. */
        localId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
        serviceId: z.string().min(1).max(40),
        number: z.string().regex(/^[A-Z]{1,2}\d{1,2}-\d{3,4}$/),
        priority: PriorityGroupSchema.nullable(),
        issuedAt: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(500),
});
export type OfflineTicketsRequest = z.infer<typeof OfflineTicketsRequestSchema>;

export const OfflineTicketOutcomeSchema = z.strictObject({
  localId: z.string(),
  outcome: z.enum(['merged', 'duplicate', 'refused']),
  reason: z.string().optional(),
});
export const OfflineTicketsAnswerSchema = z.strictObject({ results: z.array(OfflineTicketOutcomeSchema) });
export type OfflineTicketsAnswer = z.infer<typeof OfflineTicketsAnswerSchema>;

/** The calling board (no names: numbers and counters only). */
export const BoardStateSchema = z.strictObject({
  counters: z.array(
    z.strictObject({ number: z.number().int(), open: z.boolean(), current: z.string().nullable() }),
  ),
  lastCalls: z.array(
    z.strictObject({ number: z.string(), counter: z.number().int(), at: z.iso.datetime({ offset: true }) }),
  ),
  waiting: z.array(z.strictObject({ prefix: z.string(), name: z.string(), count: z.number().int() })),
});
export type BoardState = z.infer<typeof BoardStateSchema>;

/** One announcement: the board plays a chime and speaks it. */
export const BoardCallSchema = z.strictObject({
  number: z.string(),
  counter: z.number().int(),
  at: z.iso.datetime({ offset: true }),
});
export type BoardCall = z.infer<typeof BoardCallSchema>;

/** A ticket's live position (the QR on the ticket opens it). */
export const TicketPositionSchema = z.strictObject({
  number: z.string(),
  status: z.enum(['issued', 'called', 'serving', 'done', 'no-show', 'cancelled']),
  peopleAhead: z.number().int().min(0),
  estimateMinutes: z.number().int().min(0).nullable(),
  counter: z.number().int().nullable(),
});
export type TicketPosition = z.infer<typeof TicketPositionSchema>;

/** The office range "A-023" or a kiosk's offline range "A1-007" (shared/queue/numbering.ts). */
export const TicketNumberSchema = z.string().regex(/^[A-Z]{1,2}\d{0,2}-\d{3,4}$/);

/**
 * A ticket as the kiosk prints and reads it: from the office, or from the kiosk's own range
 * while the office is unreachable (`offline`: no people-ahead or wait is known then, and
 * the ticket says so). Nothing personal: the priority claim prints only as "priority".
 */
export const KioskTicketSchema = z.strictObject({
  /** The office's ticket id (an offline ticket's is the one it will have once merged). */
  id: z.string().min(1).max(120),
  number: TicketNumberSchema,
  serviceName: z.string().min(1).max(120),
  counters: z.array(z.number().int().min(1).max(99)),
  peopleAhead: z.number().int().min(0).nullable(),
  estimateMinutes: z.number().int().min(0).nullable(),
  issuedAt: z.iso.datetime({ offset: true }),
  priority: PriorityGroupSchema.nullable(),
  offline: z.boolean(),
  /** The office's live position page for this ticket (the QR), when the office is known. */
  positionUrl: z.url().nullable(),
});
export type KioskTicket = z.infer<typeof KioskTicketSchema>;

/** Why the kiosk gave no ticket: it knows no such service (or none at all), or the day's range is used up. */
export const TAKE_TICKET_FAILURES = ['unknown-service', 'range-full'] as const;
