/**
 * Vietnam time. Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975
 * (IANA tz database, file `asia`), so a fixed offset is exact for every date we handle
 * and independent of the machine's zone.
 */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The office's clock (epoch ms). Everything time-dependent takes one, so tests set and
 * advance time instead of waiting for it; the server uses `systemClock` unless configured.
 */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

/** Start of the Vietnam day containing `ms`, as epoch ms. */
export function vnDayStart(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS) * DAY_MS - VN_OFFSET_MS;
}

/** `YYYY-MM-DD` (Vietnam) → epoch ms of its 00:00 in Vietnam; null when not a real date. */
export function vnDateToMs(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) return null;
  return ms - VN_OFFSET_MS;
}

export function msToVnDate(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** dd/mm/yyyy HH:mm, the way Vietnamese offices write it. */
export function formatVnDateTime(ms: number): string {
  const iso = new Date(ms + VN_OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/** HH:mm in Vietnam. */
export function formatVnTime(ms: number): string {
  return formatVnDateTime(ms).slice(11);
}

export function formatVnDate(ms: number): string {
  return formatVnDateTime(ms).slice(0, 10);
}

/** Monday of the Vietnam week containing `ms`. */
export function vnWeekStart(ms: number): number {
  const day = vnDayStart(ms);
  const weekday = (new Date(day + VN_OFFSET_MS).getUTCDay() + 6) % 7; // 0 = Monday
  return day - weekday * DAY_MS;
}
