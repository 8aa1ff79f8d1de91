import { useTranslation } from 'react-i18next';
import { deskStateAt } from '../../../shared/domain/desk-state.ts';
import type { CalendarProfile } from '../../../shared/domain/working-time.ts';
import { formatVietnamDate, formatVietnamTime } from '../../../shared/domain/format.ts';
import { toVietnamWallClock } from '../../../shared/domain/vietnam-time.ts';

/** The desk's state in words: "Đang nghỉ trưa, mở lại lúc 13:30". */
export function DeskStateText({ profile, now }: { profile: CalendarProfile; now: Date }) {
  const { t } = useTranslation('shell');
  const state = deskStateAt(profile, now);
  const at = (instant: Date) => ({
    time: formatVietnamTime(instant),
    weekday: t(`translation:weekday.${toVietnamWallClock(instant).weekday}`),
    date: formatVietnamDate(instant).slice(0, 5),
  });
  let text: string;
  switch (state.kind) {
    case 'open':
      text = t('desk.open', at(state.until));
      break;
    case 'break':
      text = t('desk.break', at(state.reopensAt));
      break;
    case 'before-opening':
      text = t('desk.beforeOpening', at(state.opensAt));
      break;
    case 'after-closing':
      text = state.reopensAt ? t('desk.afterClosing', at(state.reopensAt)) : t('desk.afterClosingNoReopen');
      break;
    case 'day-off':
      text = state.reopensAt
        ? t(state.holiday ? 'desk.holiday' : 'desk.dayOff', at(state.reopensAt))
        : t('desk.dayOffNoReopen');
      break;
  }
  return (
    <p className="desk-state" data-open={state.kind === 'open'}>
      <span className="desk-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
