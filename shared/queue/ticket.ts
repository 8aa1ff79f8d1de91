import { z } from 'zod';

/**
 * The desk's numbered tickets (phiếu số thứ tự). The model follows NovoSGA, the open-source
 * queue system: per-service prefixes, a daily number range, a priority flag, counters,
 * and arrival / call / start / end timestamps.
 */

/** issued → called → serving → done; called may also end as no-show; any open ticket may be cancelled. */
export const TICKET_STATUSES = ['issued', 'called', 'serving', 'done', 'no-show', 'cancelled'] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/**
 * Who may be served first: the four groups issue 12 names. The kiosk records the claim and
 * the officer confirms it at the counter; a confirmed claim is called before ordinary tickets.
 * Rule followed, and how far the law backs it:
 * - elderly: Luật Người cao tuổi số 39/2009/QH12, Điều 3 khoản 1 (third right listed, điểm c):
 *   "Được ưu tiên khi sử dụng các dịch vụ theo quy định của Luật này và các quy định khác của
 *   pháp luật có liên quan" — a general right to priority in services, not a rule for the desk.
 *   Read in the consolidated text 16/VBHN-VPQH (2024) as published by thuviennhadat.vn and in
 *   thuvienphapluat.vn's summary of Điều 3; check the point letter against vbpl.vn.
 * - the other three groups: no national text that makes a one-stop desk serve them first was
 *   found in a source this project could read, so none is cited; serving them first is the
 *   office's own rule (nội quy of its one-stop desk).
 * Groups:
 * - elderly: người cao tuổi
 * - disability: người khuyết tật
 * - pregnant: phụ nữ mang thai
 * - revolution-contributor: người có công với cách mạng
 */
export const PRIORITY_GROUPS = ['elderly', 'disability', 'pregnant', 'revolution-contributor'] as const;
export const PriorityGroupSchema = z.enum(PRIORITY_GROUPS);
export type PriorityGroup = z.infer<typeof PriorityGroupSchema>;

/** A service (dịch vụ) groups procedures that the same counters serve, e.g. "A — Hộ tịch". */
export const QueueServiceSchema = z.object({
  id: z.string().min(1).max(40),
  /** One or two capital letters printed before the number: A-023. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  name: z.string().min(1).max(120),
  procedureCodes: z.array(z.string().min(1).max(40)).max(200),
});
export type QueueService = z.infer<typeof QueueServiceSchema>;

/** A counter (quầy) and the services it serves; `open` while an officer sits at it. */
export const CounterSchema = z.object({
  id: z.string().min(1).max(40),
  number: z.number().int().min(1).max(99),
  serviceIds: z.array(z.string().min(1).max(40)).min(1).max(50),
  open: z.boolean(),
});
export type Counter = z.infer<typeof CounterSchema>;

const Instant = z.iso.datetime({ offset: true });

export const TicketSchema = z.object({
  /** Unique for ever: the issuer's id and its own sequence (office or kiosk). */
  id: z.string().min(1).max(80),
  serviceId: z.string().min(1).max(40),
  /** The Vietnam calendar day the ticket belongs to (numbers restart every day). */
  day: z.iso.date(),
  /** The printed number, e.g. "A-023", or "A1-007" from kiosk 1's offline range. */
  number: z.string().regex(/^[A-Z]{1,2}\d{0,2}-\d{3,4}$/),
  /** Kiosk number when the kiosk issued it offline from its own range; null from the office. */
  offlineKiosk: z.number().int().min(1).max(99).nullable(),
  priority: PriorityGroupSchema.nullable(),
  /** null until an officer looks: true confirmed, false the claim was not accepted. */
  priorityConfirmed: z.boolean().nullable(),
  status: TicketStatusSchema,
  issuedAt: Instant,
  calledAt: Instant.nullable(),
  startedAt: Instant.nullable(),
  endedAt: Instant.nullable(),
  counterId: z.string().min(1).max(40).nullable(),
  /** How many times it was called (a recall announces it again). */
  calls: z.number().int().min(0),
  /** The dossier made from this ticket, at the kiosk or at the desk. */
  dossierCode: z.string().max(60).nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const OPEN_STATUSES: readonly TicketStatus[] = ['issued', 'called', 'serving'];
