import type { OfficeProfile } from '../../shared/domain/office-profile.ts';
import { workingMsBetween } from '../../shared/domain/working-time.ts';
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

/** "còn 1 giờ 20 phút" / "1 h 20 min left"; under a minute reads as one minute. */
export function formatRemaining(ms: number, lang: 'vi' | 'en'): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'vi') return `còn ${h ? `${h} giờ` : ''}${h && m ? ' ' : ''}${m ? `${m} phút` : ''}`;
  return `${h ? `${h} h` : ''}${h && m ? ' ' : ''}${m ? `${m} min` : ''} left`;
}
