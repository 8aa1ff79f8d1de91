/**
 * Vietnam wall-clock time, independent of the machine's zone: the one module the kiosk,
 * its host and the office server use for Vietnam days, clock times and their display.
 *
 * Vietnam (Asia/Ho_Chi_Minh) has been UTC+7 all year round since 1975, with no
 * daylight saving time (IANA tz database, file `asia`), so converting is a fixed +7 h
 * shift; we do it by hand rather than through Intl or the machine zone so that a kiosk
 * or test runner set to UTC (or anything else) computes the same day, weekday and hour
 * as an office in Vietnam, whatever ICU data the runtime ships.
 * Calendar dates are ISO strings `YYYY-MM-DD`; clock times are `HH:mm`; instants are a
 * Date or epoch milliseconds.
 */

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
/** Every Vietnam day is 24 hours long (no daylight saving). */
export const DAY_MS = 86_400_000;

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

const msOf = (instant: Date | number): number => (typeof instant === 'number' ? instant : instant.getTime());

/** The Vietnam wall clock at an instant. */
export function toVietnamWallClock(instant: Date | number): VietnamWallClock {
  const shifted = new Date(msOf(instant) + OFFSET_MS);
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
export function vietnamDate(instant: Date | number): string {
  return toVietnamWallClock(instant).date;
}

/** The Vietnam day of an instant as a day count since 1970-01-01: a key to group and compare days by. */
export function vietnamDayNumber(instant: Date | number): number {
  return Math.floor((msOf(instant) + OFFSET_MS) / DAY_MS);
}

/** Epoch ms of 00:00 in Vietnam on the day of an instant. */
export function vietnamDayStart(instant: Date | number): number {
  return vietnamDayNumber(instant) * DAY_MS - OFFSET_MS;
}

/** Epoch ms of 00:00 in Vietnam on a calendar date YYYY-MM-DD; null when it is not a real date. */
export function vietnamDateStart(date: string): number | null {
  return isRealDate(date) ? utcMidnight(date) - OFFSET_MS : null;
}

/** Epoch ms of Monday 00:00 in Vietnam of the week of an instant. */
export function vietnamWeekStart(instant: Date | number): number {
  const day = vietnamDayStart(instant);
  return day - (toVietnamWallClock(day).weekday - 1) * DAY_MS;
}

/** The instant at a Vietnam wall-clock date and time (`HH:mm`, or minutes since midnight). */
export function fromVietnamWallClock(date: string, time: string | number = 0): Date {
  const minutes = typeof time === 'number' ? time : parseClockTime(time);
  return new Date(utcMidnight(date) + minutes * 60_000 - OFFSET_MS);
}

/** ISO 8601 in Vietnam time with its offset, e.g. `2026-11-24T00:30:00+07:00`. */
export function toVietnamIso(instant: Date | number): string {
  const c = toVietnamWallClock(instant);
  return `${c.date}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}+07:00`;
}

/**
 * dd/mm/yyyy, the way Vietnamese citizens write dates. Accepts an instant (shown in
 * Vietnam time) or a calendar date YYYY-MM-DD.
 */
export function formatVietnamDate(value: Date | number | string): string {
  const date = typeof value === 'string' ? value : toVietnamWallClock(value).date;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a calendar date YYYY-MM-DD: ${date}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** HH:mm in Vietnam time, 24-hour clock. */
export function formatVietnamTime(instant: Date | number): string {
  const c = toVietnamWallClock(instant);
  return `${pad(c.hour)}:${pad(c.minute)}`;
}

/** dd/mm/yyyy HH:mm in Vietnam time, the way Vietnamese offices write a moment. */
export function formatVietnamDateTime(instant: Date | number): string {
  return `${formatVietnamDate(instant)} ${formatVietnamTime(instant)}`;
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
