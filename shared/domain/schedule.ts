import type { ScheduledModel } from './office-profile.ts';
import { weekdayOf } from './vietnam-time.ts';
import { isWorkingDay, type CalendarProfile } from './working-time.ts';

/**
 * The reform models that run on a date: the schedule entry for its weekday, but only
 * when the desk is open that day (a holiday cancels the models).
 */
export function scheduledModelsOn(profile: CalendarProfile, date: string): ScheduledModel[] {
  if (!isWorkingDay(profile, date)) return [];
  const weekday = weekdayOf(date);
  return profile.schedule.filter((d) => d.weekday === weekday).flatMap((d) => d.models);
}

/** The no-appointment entry covering a procedure on a date, if any. */
export function noAppointmentFor(
  profile: CalendarProfile,
  date: string,
  code: string,
): ScheduledModel | undefined {
  return scheduledModelsOn(profile, date).find(
    (m) => m.model === 'no-appointment' && m.procedures.includes(code),
  );
}
