/**
 * Calendar dates as people write them in Vietnam (dd/mm/yyyy) on forms: birth dates,
 * issue dates. "Today" in Vietnam comes from ../domain/vietnam-time.ts.
 */

import { toVietnamWallClock } from '../domain/vietnam-time.ts';

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Vietnam calendar date of an instant, as a CalendarDate. */
export function vietnamCalendarDate(now: Date): CalendarDate {
  const { year, month, day } = toVietnamWallClock(now);
  return { year, month, day };
}

/**
 * Parses "dd/mm/yyyy" (one-digit day or month tolerated, "-" or "." as separators
 * tolerated because people type them). Returns null when the text is not a real date
 * (31/02/2020, 00/01/2000, 29/02/2023 …).
 */
export function parseDmy(text: string): CalendarDate | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || year < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Parses "ddmmyyyy" as printed in the chip ID card QR code. */
export function parseDdmmyyyy(text: string): CalendarDate | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) return null;
  return parseDmy(`${m[1]}/${m[2]}/${m[3]}`);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatDmy(d: CalendarDate): string {
  return `${pad2(d.day)}/${pad2(d.month)}/${String(d.year).padStart(4, '0')}`;
}

/** "1/2/2000" → "01/02/2000"; text that is not a real date is returned unchanged. */
export function normaliseDmy(text: string): string {
  const d = parseDmy(text);
  return d ? formatDmy(d) : text;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Age in completed years on `on` ("tuổi tròn"): someone born 29/02/2004 turns 18 on
 * 01/03/2022 in a non-leap year, the usual civil reading.
 */
export function ageInYears(birth: CalendarDate, on: CalendarDate): number {
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}
