import type { OfficeProfile } from './office-profile.ts';
import type { Procedure } from './procedure.ts';
import { noAppointmentFor } from './schedule.ts';
import { fromVietnamWallClock, toVietnamWallClock } from './vietnam-time.ts';
import { addWorkingHours, closeOfDay, nextWorkingDay, type CalendarProfile } from './working-time.ts';

export type DeadlineRule =
  'within-working-hours' | 'same-day' | 'next-working-day' | 'statutory-working-days';

export interface Deadline {
  dueAt: Date;
  rule: DeadlineRule;
}

/** The common cut-off of the same-day rule (DOMAIN_FACTS: "next working day if received after 15:00"). */
const DEFAULT_CUTOFF = '15:00';

/**
 * When the result of a dossier received at `receivedAt` is due, in this order:
 * 1. a no-appointment day covering the procedure with "within N working hours"
 *    (Gia Lâm: 2), received before close of business → receipt + N working hours;
 * 2. a same-day procedure (sameDayCutoff), or any procedure on a no-appointment day
 *    covering it (cut-off 15:00 unless the procedure has its own): received on an open
 *    day before the cut-off (early morning and lunch included) → close of that day;
 *    at/after the cut-off, or on a closed day → close of the next open day;
 * 3. otherwise N statutory working days → close of the Nth working day after the day
 *    of receipt (Saturday-morning openings do not count).
 */
export function sameDayDeadline(
  profile: OfficeProfile | CalendarProfile,
  procedure: Pick<Procedure, 'code' | 'processingTime'>,
  receivedAt: Date,
): Deadline {
  const { date } = toVietnamWallClock(receivedAt);
  const t = receivedAt.getTime();
  const close = closeOfDay(profile, date);
  const noAppointment = noAppointmentFor(profile, date, procedure.code);
  const { statutoryWorkingDays } = procedure.processingTime;

  if (noAppointment?.returnWithinWorkingHours && close && t < close.getTime()) {
    return {
      dueAt: addWorkingHours(profile, receivedAt, noAppointment.returnWithinWorkingHours),
      rule: 'within-working-hours',
    };
  }

  if (noAppointment || statutoryWorkingDays === 0) {
    const until = sameDayReceiptEnd(profile, procedure, date);
    if (until && close && t < until.getTime()) {
      return { dueAt: close, rule: 'same-day' };
    }
    return { dueAt: closeOf(profile, nextWorkingDay(profile, date)), rule: 'next-working-day' };
  }

  let day: string | null = date;
  for (let i = 0; i < statutoryWorkingDays && day; i++) {
    day = nextWorkingDay(profile, day, { includeSaturdayMorning: false });
  }
  return { dueAt: closeOf(profile, day, false), rule: 'statutory-working-days' };
}

/**
 * For the same-day rule (2. above) on a date: the instant before which a dossier is still
 * returned that day — the cut-off or the close of business, whichever comes first; null
 * when the rule does not apply that day (closed, or the procedure is neither same-day by
 * law nor on the day's no-appointment list).
 */
export function sameDayReceiptEnd(
  profile: OfficeProfile | CalendarProfile,
  procedure: Pick<Procedure, 'code' | 'processingTime'>,
  date: string,
): Date | null {
  const close = closeOfDay(profile, date);
  const noAppointment = noAppointmentFor(profile, date, procedure.code);
  const { statutoryWorkingDays, sameDayCutoff } = procedure.processingTime;
  if (!close || (!noAppointment && statutoryWorkingDays !== 0)) return null;
  const cutoff = sameDayCutoff ?? (noAppointment ? DEFAULT_CUTOFF : null);
  const cutoffAt = cutoff ? fromVietnamWallClock(date, cutoff) : close;
  return cutoffAt.getTime() < close.getTime() ? cutoffAt : close;
}

function closeOf(profile: CalendarProfile, date: string | null, includeSaturdayMorning = true): Date {
  const close = date ? closeOfDay(profile, date, { includeSaturdayMorning }) : null;
  if (!close) throw new RangeError('the office has no working day within a year');
  return close;
}
