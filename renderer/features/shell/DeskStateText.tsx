import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { deskStateAt, type DeskState } from '../../../shared/domain/desk-state.ts';
import type { CalendarProfile } from '../../../shared/domain/working-time.ts';
import {
  formatVietnamDate,
  formatVietnamTime,
  toVietnamWallClock,
} from '../../../shared/domain/vietnam-time.ts';

/** The desk's state in words: "Đang nghỉ trưa, mở lại lúc 13:30". */
export function DeskStateText({ profile, now }: { profile: CalendarProfile; now: Date }) {
  const { t } = useTranslation('shell');
  const state = deskStateAt(profile, now);
  return (
    <p className="desk-state" data-open={state.kind === 'open'}>
      <span className="desk-dot" aria-hidden="true" />
      {deskStateSentence(t, state)}
    </p>
  );
}

/** The sentence shown in the header, also spoken on Today; `t` is bound to the `shell` namespace. */
export function deskStateSentence(t: TFunction, state: DeskState): string {
  const at = (instant: Date) => ({
    time: formatVietnamTime(instant),
    weekday: t(`translation:weekday.${toVietnamWallClock(instant).weekday}`),
    date: formatVietnamDate(instant).slice(0, 5),
  });
  switch (state.kind) {
    case 'open':
      return t('desk.open', at(state.until));
    case 'break':
      return t('desk.break', at(state.reopensAt));
    case 'before-opening':
      return t('desk.beforeOpening', at(state.opensAt));
    case 'after-closing':
      return state.reopensAt ? t('desk.afterClosing', at(state.reopensAt)) : t('desk.afterClosingNoReopen');
    case 'day-off':
      return state.reopensAt
        ? t(state.holiday ? 'desk.holiday' : 'desk.dayOff', at(state.reopensAt))
        : t('desk.dayOffNoReopen');
  }
}
