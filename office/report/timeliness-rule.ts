import type { OfficeProfile } from '../../shared/domain/office-profile.ts';
import { periodInstants, workingMsBetween } from '../../shared/domain/working-time.ts';
import { addDays, toVietnamWallClock } from '../../shared/domain/vietnam-time.ts';
import { timeliness } from './timeliness.ts';

/**
 * The one timeliness rule the queue, the dossier page and the report share. A resolved
 * dossier is early, on time or late by when it was resolved (report/timeliness.ts); an
 * open one is late once its deadline has passed, in progress before that — exactly what
 * resolving it now would make it.
 */
export type TimelinessState = 'early' | 'on-time' | 'late' | 'in-progress';

export function timelinessAt(resolvedMs: number | null, dueMs: number, now: number): TimelinessState {
  if (resolvedMs === null) return now > dueMs ? 'late' : 'in-progress';
  return (['in-progress', 'early', 'on-time', 'late'] as const)[timeliness(resolvedMs, dueMs)];
}

/**
 * Time left to the deadline, counted in the office's working hours when its profile is
 * known (lunch, nights, weekends and holidays do not count), else on the clock.
 */
export function remainingMs(profile: OfficeProfile | null, now: number, dueMs: number): number {
  if (dueMs <= now) return 0;
  return profile ? workingMsBetween(profile, new Date(now), new Date(dueMs)) : dueMs - now;
}

/**
 * remainingMs for many deadlines from one moment: the working periods after `now` are laid
 * out once, as far as the furthest deadline asked (the queue asks for hundreds of rows at
 * a time, most within the same few days), and each deadline sums the periods before it.
 */
export function remainingFrom(profile: OfficeProfile | null, now: number): (dueMs: number) => number {
  if (!profile) return (dueMs) => Math.max(0, dueMs - now);
  const periods: { start: number; end: number }[] = [];
  let date = toVietnamWallClock(new Date(now)).date;
  let days = 0;
  // As far ahead as workingMsBetween looks.
  const extendTo = (dueMs: number) => {
    while ((periods.length === 0 || periods.at(-1)!.end < dueMs) && days < 400) {
      for (const p of periodInstants(profile, date)) {
        const start = Math.max(p.start.getTime(), now);
        if (p.end.getTime() > start) periods.push({ start, end: p.end.getTime() });
      }
      date = addDays(date, 1);
      days++;
    }
  };
  return (dueMs) => {
    if (dueMs <= now) return 0;
    extendTo(dueMs);
    let total = 0;
    for (const p of periods) {
      if (p.start >= dueMs) break;
      total += Math.min(p.end, dueMs) - p.start;
    }
    return total;
  };
}

/** "còn 1 giờ 20 phút" / "1 h 20 min left"; under a minute reads as one minute. */
export function formatRemaining(ms: number, lang: 'vi' | 'en'): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'vi') return `còn ${h ? `${h} giờ` : ''}${h && m ? ' ' : ''}${m ? `${m} phút` : ''}`;
  return `${h ? `${h} h` : ''}${h && m ? ' ' : ''}${m ? `${m} min` : ''} left`;
}
