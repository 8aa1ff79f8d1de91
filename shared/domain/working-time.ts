/**
 * Working days and working hours of an office, in Vietnam time.
 *
 * Two notions of "day" matter:
 * - an *open* day: the desk receives dossiers and returns results. That is a regular
 *   working day (`workingHours.workingDays`) that is not a public holiday, plus
 *   Saturday when the office runs "Sáng thứ Bảy vì dân" (a `saturday-morning` model on
 *   weekday 6), using `saturdayPeriods`. Same-day results, "within N working hours" and
 *   "the next working day" are counted on open days, since that is when a citizen can
 *   actually come back for the result.
 * - a *statutory* working day (ngày làm việc): regular working days only; a Saturday
 *   opening does not shorten a legal time limit. Used for "N working days".
 */
import type { OfficeProfile, WorkingPeriod } from './office-profile.ts';
import { EXTRA_HALF_HOUR_MINUTES } from './reform-model.ts';
import {
  addDays,
  fromVietnamWallClock,
  parseClockTime,
  toVietnamWallClock,
  weekdayOf,
} from './vietnam-time.ts';

export type CalendarProfile = Pick<OfficeProfile, 'workingHours' | 'holidays' | 'schedule'>;

export interface DayOptions {
  /** Count Saturday-morning openings as days (default true); false for statutory days. */
  includeSaturdayMorning?: boolean;
}

/** How far ahead we look for the next open day before deciding there is none. */
const SEARCH_DAYS = 400;

export function isHoliday(profile: CalendarProfile, date: string): boolean {
  return profile.holidays[date.slice(0, 4)]?.includes(date) ?? false;
}

/** True when the schedule runs "Sáng thứ Bảy vì dân" on Saturday. */
export function opensSaturdayMorning(profile: CalendarProfile): boolean {
  return profile.schedule.some(
    (d) => d.weekday === 6 && d.models.some((m) => m.model === 'saturday-morning'),
  );
}

/** True when the schedule runs "30 phút tăng thêm vì dân" on this weekday. */
export function staysOpenExtraHalfHour(profile: CalendarProfile, weekday: number): boolean {
  return profile.schedule.some(
    (d) => d.weekday === weekday && d.models.some((m) => m.model === 'extra-half-hour'),
  );
}

/** On an extra-half-hour day the last period ends 30 minutes later (the desk's closing, and every deadline with it). */
function withExtraHalfHour(
  profile: CalendarProfile,
  weekday: number,
  periods: WorkingPeriod[],
): WorkingPeriod[] {
  if (periods.length === 0 || !staysOpenExtraHalfHour(profile, weekday)) return periods;
  const last = periods.at(-1)!;
  const end = Math.min(parseClockTime(last.end) + EXTRA_HALF_HOUR_MINUTES, 23 * 60 + 59);
  const hhmm = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
  return [...periods.slice(0, -1), { ...last, end: hhmm }];
}

/** The periods the desk is open on a date, in order; empty when closed all day. */
export function workingPeriodsOn(
  profile: CalendarProfile,
  date: string,
  options: DayOptions = {},
): WorkingPeriod[] {
  if (isHoliday(profile, date)) return [];
  const weekday = weekdayOf(date);
  const { workingDays, periods, saturdayPeriods } = profile.workingHours;
  if (workingDays.includes(weekday)) return withExtraHalfHour(profile, weekday, sortPeriods(periods));
  if (weekday === 6 && (options.includeSaturdayMorning ?? true) && opensSaturdayMorning(profile)) {
    return sortPeriods(saturdayPeriods ?? []);
  }
  return [];
}

export function isWorkingDay(profile: CalendarProfile, date: string, options: DayOptions = {}): boolean {
  return workingPeriodsOn(profile, date, options).length > 0;
}

/** The first working day strictly after `date`, or null if none within a year. */
export function nextWorkingDay(
  profile: CalendarProfile,
  date: string,
  options: DayOptions = {},
): string | null {
  let d = date;
  for (let i = 0; i < SEARCH_DAYS; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(profile, d, options)) return d;
  }
  return null;
}

/** Instants [start, end) of each period on a date. */
export function periodInstants(profile: CalendarProfile, date: string, options: DayOptions = {}) {
  return workingPeriodsOn(profile, date, options).map((p) => ({
    start: fromVietnamWallClock(date, p.start),
    end: fromVietnamWallClock(date, p.end),
  }));
}

/** The end of the last working period on a date (the close of business), or null when closed. */
export function closeOfDay(profile: CalendarProfile, date: string, options: DayOptions = {}): Date | null {
  const periods = periodInstants(profile, date, options);
  return periods.at(-1)?.end ?? null;
}

/** True when the desk is open at this instant (start inclusive, end exclusive). */
export function isOpenAt(profile: CalendarProfile, instant: Date): boolean {
  const { date } = toVietnamWallClock(instant);
  const t = instant.getTime();
  return periodInstants(profile, date).some((p) => p.start.getTime() <= t && t < p.end.getTime());
}

/** The start of the next working period strictly after `instant`, or null if none within a year. */
export function nextOpening(profile: CalendarProfile, instant: Date): Date | null {
  const t = instant.getTime();
  let date = toVietnamWallClock(instant).date;
  for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
    const next = periodInstants(profile, date).find((p) => p.start.getTime() > t);
    if (next) return next.start;
  }
  return null;
}

/**
 * `from` plus N working hours: time only runs inside working periods, so lunch,
 * nights, weekends and holidays are skipped. Time received outside the periods starts
 * counting at the next opening. If the hours run out exactly at the end of a period,
 * that end is the answer (11:30, not 13:30).
 */
export function addWorkingHours(profile: CalendarProfile, from: Date, hours: number): Date {
  let remaining = hours * 3_600_000;
  let date = toVietnamWallClock(from).date;
  const t0 = from.getTime();
  for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
    for (const p of periodInstants(profile, date)) {
      const start = Math.max(p.start.getTime(), t0);
      const end = p.end.getTime();
      if (end <= start) continue;
      if (remaining <= end - start) return new Date(start + remaining);
      remaining -= end - start;
    }
  }
  throw new RangeError('the office has no working hours within a year');
}

/**
 * The latest instant on `date` from which N working hours still end that day (at the
 * close of business at the latest): the close minus N working hours, counted back across
 * the day's periods. Null when the day has fewer than N working hours (or none).
 */
export function latestStartEndingSameDay(profile: CalendarProfile, date: string, hours: number): Date | null {
  let remaining = hours * 3_600_000;
  for (const p of periodInstants(profile, date).reverse()) {
    const length = p.end.getTime() - p.start.getTime();
    if (remaining <= length) return new Date(p.end.getTime() - remaining);
    remaining -= length;
  }
  return null;
}

function sortPeriods(periods: readonly WorkingPeriod[]): WorkingPeriod[] {
  return [...periods].sort((a, b) => parseClockTime(a.start) - parseClockTime(b.start));
}

/**
 * Working time between two instants, in ms: only the parts inside working periods count
 * (the inverse of addWorkingHours). Zero when `to` is not after `from`.
 */
export function workingMsBetween(profile: CalendarProfile, from: Date, to: Date): number {
  const t0 = from.getTime();
  const t1 = to.getTime();
  if (t1 <= t0) return 0;
  let total = 0;
  let date = toVietnamWallClock(from).date;
  for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
    for (const p of periodInstants(profile, date)) {
      if (p.start.getTime() >= t1) return total;
      const start = Math.max(p.start.getTime(), t0);
      const end = Math.min(p.end.getTime(), t1);
      if (end > start) total += end - start;
    }
  }
  return total;
}
