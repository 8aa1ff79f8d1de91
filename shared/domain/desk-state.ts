/**
 * The one-stop desk's state at an instant, in the words a citizen needs: open (until
 * when), on its midday break (reopening when), not open yet today, or closed until the
 * next opening. Lunch is told apart from closing so the kiosk never says "closed" when
 * the desk reopens within the hour.
 */
import { toVietnamWallClock } from './vietnam-time.ts';
import { nextOpening, periodInstants, type CalendarProfile } from './working-time.ts';

export type DeskState =
  /** Open now; `until` is the end of the current period (11:30 before lunch, 17:00). */
  | { kind: 'open'; until: Date }
  /** Between two periods of the same day (nghỉ trưa). */
  | { kind: 'break'; reopensAt: Date }
  /** An open day whose first period has not started yet. */
  | { kind: 'before-opening'; opensAt: Date }
  /** Closed for the rest of the day, or all day; `opensAt` is null when no opening within a year. */
  | { kind: 'closed'; opensAt: Date | null };

export function deskState(profile: CalendarProfile, now: Date): DeskState {
  const t = now.getTime();
  const periods = periodInstants(profile, toVietnamWallClock(now).date);
  const current = periods.find((p) => p.start.getTime() <= t && t < p.end.getTime());
  if (current) return { kind: 'open', until: current.end };
  const nextToday = periods.find((p) => p.start.getTime() > t);
  if (nextToday) {
    const started = periods.some((p) => p.end.getTime() <= t);
    return started
      ? { kind: 'break', reopensAt: nextToday.start }
      : { kind: 'before-opening', opensAt: nextToday.start };
  }
  return { kind: 'closed', opensAt: nextOpening(profile, now) };
}
