/**
 * The words for a ResultPromise (shared/domain/result-promise.ts), so Today and the
 * procedure page say the same thing: "same day" only while it is true, otherwise why not
 * and the date actually due.
 */
import type { TFunction } from 'i18next';
import type { ResultPromise } from '../../../shared/domain/result-promise.ts';
import {
  formatVietnamDate,
  formatVietnamTime,
  toVietnamWallClock,
  weekdayOf,
} from '../../../shared/domain/vietnam-time.ts';

/** Why a result does not come today, in one sentence (empty when it does). */
export function notSameDayReason(t: TFunction, promise: ResultPromise): string {
  const until = promise.sameDayUntil ? formatVietnamTime(promise.sameDayUntil) : null;
  switch (promise.reason) {
    case 'same-day':
      return '';
    case 'after-cutoff':
      return until ? t('promise.afterCutoff', { until }) : t('promise.tooLateToday');
    case 'after-close':
      return t('promise.afterClose');
    case 'closed-today':
      return t('promise.closedToday');
    case 'working-days':
      return t('promise.workingDays');
  }
}

/** "If handed in now, the result is due by 17:00 on …", with the weekday when not today. */
export function dueIfNow(t: TFunction, promise: ResultPromise): string {
  const time = formatVietnamTime(promise.dueAt);
  const date = formatVietnamDate(promise.dueAt);
  if (promise.sameDay) return t('procedure.dueIfNow', { time, date });
  const weekday = t(`weekday.${weekdayOf(toVietnamWallClock(promise.dueAt).date)}`);
  return t('promise.dueOn', { time, weekday, date });
}

/** The procedure page's two sentences: same day (until when) or why not, then the date due. */
export function procedurePromiseSentences(t: TFunction, promise: ResultPromise): [string, string] {
  const headline =
    promise.sameDay && promise.sameDayUntil
      ? t('procedure.sameDayToday', { until: formatVietnamTime(promise.sameDayUntil) })
      : notSameDayReason(t, promise);
  return [headline, dueIfNow(t, promise)];
}

/** Today's line on a no-appointment card (null when there is nothing to add). */
export function cardPromiseText(t: TFunction, promise: ResultPromise): string | null {
  if (promise.sameDay) {
    return promise.sameDayUntil
      ? t('today.sameDayUntil', { until: formatVietnamTime(promise.sameDayUntil) })
      : null;
  }
  return t('today.notSameDay', {
    reason: notSameDayReason(t, promise),
    time: formatVietnamTime(promise.dueAt),
    weekday: t(`weekday.${weekdayOf(toVietnamWallClock(promise.dueAt).date)}`),
    date: formatVietnamDate(promise.dueAt),
  });
}
