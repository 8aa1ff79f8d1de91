import { toVietnamWallClock } from './vietnam-time.ts';

/**
 * dd/mm/yyyy, the way Vietnamese citizens write dates. Accepts an instant (shown in
 * Vietnam time, whatever the machine zone) or a calendar date YYYY-MM-DD.
 */
export function formatVietnamDate(value: Date | string): string {
  const date = typeof value === 'string' ? value : toVietnamWallClock(value).date;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a calendar date YYYY-MM-DD: ${date}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** HH:mm in Vietnam time, 24-hour clock. */
export function formatVietnamTime(instant: Date): string {
  const c = toVietnamWallClock(instant);
  return `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
}

/**
 * Amounts in đồng with dot thousands separators: `200.000 đ`. Written by hand rather
 * than with Intl so the output does not depend on the ICU data the runtime ships.
 */
export function formatVnd(amount: number): string {
  if (!Number.isInteger(amount)) throw new RangeError(`đồng amounts are whole numbers: ${amount}`);
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} đ`;
}
