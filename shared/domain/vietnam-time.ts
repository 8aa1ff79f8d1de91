/**
 * Vietnam wall-clock time, independent of the machine's zone.
 *
 * Vietnam (Asia/Ho_Chi_Minh) has been UTC+7 all year round since 1975, with no
 * daylight saving time, so converting is a fixed +7 h shift; we do it by hand rather
 * than through Intl or the machine zone so that a kiosk or test runner set to UTC (or
 * anything else) computes the same day, weekday and hour as an office in Vietnam.
 * Calendar dates are ISO strings `YYYY-MM-DD`; clock times are `HH:mm`.
 */

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** ISO weekday: 1 = Monday (thứ Hai) … 7 = Sunday (Chủ nhật). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface VietnamWallClock {
  /** YYYY-MM-DD */
  date: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: IsoWeekday;
  /** Minutes since midnight, with fractions for seconds. */
  minuteOfDay: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The Vietnam wall clock at an instant. */
export function toVietnamWallClock(instant: Date): VietnamWallClock {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  const hour = shifted.getUTCHours();
  const minute = shifted.getUTCMinutes();
  const second = shifted.getUTCSeconds();
  const ms = shifted.getUTCMilliseconds();
  return {
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday: isoWeekdayOfUtcDay(shifted.getUTCDay()),
    minuteOfDay: hour * 60 + minute + second / 60 + ms / 60_000,
  };
}

/** The Vietnam calendar date (YYYY-MM-DD) of an instant. */
export function vietnamDate(instant: Date): string {
  return toVietnamWallClock(instant).date;
}

/** The instant at a Vietnam wall-clock date and time (`HH:mm`, or minutes since midnight). */
export function fromVietnamWallClock(date: string, time: string | number = 0): Date {
  const minutes = typeof time === 'number' ? time : parseClockTime(time);
  return new Date(utcMidnight(date) + minutes * 60_000 - OFFSET_MS);
}

/** ISO 8601 in Vietnam time with its offset, e.g. `2026-11-24T00:30:00+07:00`. */
export function toVietnamIso(instant: Date): string {
  const c = toVietnamWallClock(instant);
  return `${c.date}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}+07:00`;
}

/** `HH:mm` → minutes since midnight. */
export function parseClockTime(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new RangeError(`not a clock time HH:mm: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** True when `date` is a YYYY-MM-DD string naming a real calendar day (no 2026-02-30). */
export function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() + 1 === Number(m[2]) &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Calendar arithmetic on YYYY-MM-DD dates. */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date. */
export function weekdayOf(date: string): IsoWeekday {
  return isoWeekdayOfUtcDay(new Date(utcMidnight(date)).getUTCDay());
}

function utcMidnight(date: string): number {
  if (!isRealDate(date)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function isoWeekdayOfUtcDay(day: number): IsoWeekday {
  return (day === 0 ? 7 : day) as IsoWeekday;
}
