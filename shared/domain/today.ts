import type { ReformModelId } from './reform-model.ts';
import type { OfficeProfile, WorkingPeriod } from './office-profile.ts';
import { scheduledModelsOn } from './schedule.ts';
import { addDays, toVietnamIso, toVietnamWallClock, weekdayOf, type IsoWeekday } from './vietnam-time.ts';
import { closeOfDay, isHoliday, isOpenAt, nextOpening, workingPeriodsOn } from './working-time.ts';

export interface TodayModel {
  model: ReformModelId;
  procedures: string[];
  /** Gia Lâm style: the result within N working hours; null when just "the same day". */
  returnWithinWorkingHours: number | null;
}

export interface NextRun {
  model: ReformModelId;
  /** The next date (YYYY-MM-DD, Vietnam) the model runs; null if not within a year. */
  date: string | null;
  weekday: IsoWeekday | null;
  /** True when it runs today and the desk has not closed yet. */
  isToday: boolean;
  procedures: string[];
}

/** What the Today screen shows, computed in Vietnam time from the office profile and a clock. */
export interface TodayView {
  /** YYYY-MM-DD in Vietnam. */
  date: string;
  weekday: IsoWeekday;
  isHoliday: boolean;
  /** The desk opens today (a regular working day, or a Saturday-morning opening). */
  isWorkingDay: boolean;
  workingPeriods: WorkingPeriod[];
  openNow: boolean;
  /** The next opening as ISO with +07:00 when closed now; null when open now (or never opens). */
  nextOpening: string | null;
  /** Models running today, in schedule order. */
  models: TodayModel[];
  /** Procedures whose result comes the same day today (the no-appointment ones), each once. */
  sameDayProcedures: string[];
  /** For every model in the schedule, when it runs next (skipping holidays). */
  nextRuns: NextRun[];
}

/** How far ahead nextRuns looks. */
const SEARCH_DAYS = 400;

export function computeToday(profile: OfficeProfile, now: Date): TodayView {
  const { date, weekday } = toVietnamWallClock(now);
  const periods = workingPeriodsOn(profile, date);
  const openNow = isOpenAt(profile, now);
  const models = scheduledModelsOn(profile, date).map((m) => ({
    model: m.model,
    procedures: [...m.procedures],
    returnWithinWorkingHours: m.returnWithinWorkingHours ?? null,
  }));
  const sameDay = models.filter((m) => m.model === 'no-appointment').flatMap((m) => m.procedures);
  const next = openNow ? null : nextOpening(profile, now);
  return {
    date,
    weekday,
    isHoliday: isHoliday(profile, date),
    isWorkingDay: periods.length > 0,
    workingPeriods: periods,
    openNow,
    nextOpening: next ? toVietnamIso(next) : null,
    models,
    sameDayProcedures: [...new Set(sameDay)],
    nextRuns: nextRuns(profile, now, date),
  };
}

function nextRuns(profile: OfficeProfile, now: Date, today: string): NextRun[] {
  const ids = [...new Set(profile.schedule.flatMap((d) => d.models.map((m) => m.model)))];
  const close = closeOfDay(profile, today);
  const todayStillOpen = close !== null && now.getTime() < close.getTime();
  return ids.map((model) => {
    for (let i = todayStillOpen ? 0 : 1; i < SEARCH_DAYS; i++) {
      const date = addDays(today, i);
      const runs = scheduledModelsOn(profile, date).filter((m) => m.model === model);
      if (runs.length > 0) {
        return {
          model,
          date,
          weekday: weekdayOf(date),
          isToday: i === 0,
          procedures: [...new Set(runs.flatMap((m) => m.procedures))],
        };
      }
    }
    return { model, date: null, weekday: null, isToday: false, procedures: [] };
  });
}
