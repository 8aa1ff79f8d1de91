/**
 * The one-stop desk's state at an instant, in words a citizen can act on: open until
 * when, at lunch until when, not yet open, closed for the day, or a day off, each with
 * the time the desk opens next. Computed from the office profile's working hours and
 * holidays (./working-time.ts), in Vietnam time.
 */
import { closeOfDay, isHoliday, nextOpening, periodInstants } from './working-time.ts';
import type { CalendarProfile } from './working-time.ts';
import { toVietnamWallClock } from './vietnam-time.ts';

export type DeskState =
  /** Inside a working period; `until` is that period's end (11:30 before lunch, 17:00 after). */
  | { kind: 'open'; until: Date }
  /** Between two periods of the same day (the lunch break). */
  | { kind: 'break'; reopensAt: Date }
  /** A working day, before its first period. */
  | { kind: 'before-opening'; opensAt: Date }
  /** A working day, after its last period. */
  | { kind: 'after-closing'; reopensAt: Date | null }
  /** No working period today: a weekend or a public holiday. */
  | { kind: 'day-off'; holiday: boolean; reopensAt: Date | null };

export function deskStateAt(profile: CalendarProfile, now: Date): DeskState {
  const { date } = toVietnamWallClock(now);
  const t = now.getTime();
  const periods = periodInstants(profile, date);
  if (periods.length === 0) {
    return { kind: 'day-off', holiday: isHoliday(profile, date), reopensAt: nextOpening(profile, now) };
  }
  const current = periods.find((p) => p.start.getTime() <= t && t < p.end.getTime());
  if (current) return { kind: 'open', until: current.end };
  if (t < periods[0]!.start.getTime()) return { kind: 'before-opening', opensAt: periods[0]!.start };
  const close = closeOfDay(profile, date)!;
  if (t >= close.getTime()) return { kind: 'after-closing', reopensAt: nextOpening(profile, now) };
  return { kind: 'break', reopensAt: periods.find((p) => p.start.getTime() > t)!.start };
}
