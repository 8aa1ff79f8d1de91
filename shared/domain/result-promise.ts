/**
 * What the kiosk may promise about a procedure at a given moment: the result date of a
 * dossier handed in now, and whether that is still today. It is the deadline rule itself
 * (./deadline.ts) applied to "now", so Today, the procedure page and the receipt can never
 * disagree: "giải quyết trong ngày" is said only while a dossier received now is due
 * today, and otherwise the date actually due is given, with the reason.
 */
import type { OfficeProfile } from './office-profile.ts';
import type { Procedure } from './procedure.ts';
import { sameDayDeadline, sameDayReceiptEnd, type DeadlineRule } from './deadline.ts';
import { noAppointmentFor } from './schedule.ts';
import { vietnamDate } from './vietnam-time.ts';
import { closeOfDay, latestStartEndingSameDay, type CalendarProfile } from './working-time.ts';

export type PromiseReason =
  /** Handed in now, the result comes today. */
  | 'same-day'
  /** Same-day today, but the cut-off (e.g. 15:00) or the last start for N working hours has passed. */
  | 'after-cutoff'
  /** The desk has closed for the day. */
  | 'after-close'
  /** The desk does not open today (weekend, holiday). */
  | 'closed-today'
  /** A procedure with a statutory time limit of N working days, not same-day today. */
  | 'working-days';

export interface ResultPromise {
  /** When the result of a dossier handed in now is due. */
  dueAt: Date;
  rule: DeadlineRule;
  /** True only while a dossier handed in now is due today (Vietnam date). */
  sameDay: boolean;
  /**
   * Today's last moment to hand in for a result today (the cut-off, or the last start for
   * N working hours), passed or not; null when nothing brings this procedure's result today.
   */
  sameDayUntil: Date | null;
  reason: PromiseReason;
}

type Proc = Pick<Procedure, 'code' | 'processingTime'>;

/** Throws RangeError, like the deadline, when the office has no working day within a year. */
export function resultPromise(
  profile: OfficeProfile | CalendarProfile,
  procedure: Proc,
  now: Date,
): ResultPromise {
  const { dueAt, rule } = sameDayDeadline(profile, procedure, now);
  const today = vietnamDate(now);
  const sameDay = vietnamDate(dueAt) === today;
  const until = sameDayUntil(profile, procedure, today);
  if (sameDay) return { dueAt, rule, sameDay, sameDayUntil: until, reason: 'same-day' };
  const close = closeOfDay(profile, today);
  let reason: PromiseReason;
  if (rule === 'statutory-working-days') reason = 'working-days';
  else if (!close) reason = 'closed-today';
  else if (now.getTime() >= close.getTime()) reason = 'after-close';
  else reason = 'after-cutoff';
  return { dueAt, rule, sameDay, sameDayUntil: until, reason };
}

/** The last instant today at which a dossier handed in is still due today (null: none today). */
function sameDayUntil(profile: OfficeProfile | CalendarProfile, procedure: Proc, today: string): Date | null {
  const hours = noAppointmentFor(profile, today, procedure.code)?.returnWithinWorkingHours;
  if (hours) return latestStartEndingSameDay(profile, today, hours);
  return sameDayReceiptEnd(profile, procedure, today);
}
