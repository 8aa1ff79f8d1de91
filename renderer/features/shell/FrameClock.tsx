import { useTranslation } from 'react-i18next';
import {
  formatVietnamDate,
  formatVietnamTime,
  toVietnamWallClock,
} from '../../../shared/domain/vietnam-time.ts';

/** Thứ, ngày, giờ in Vietnam time, whatever the machine's zone. */
export function FrameClock({ now }: { now: Date }) {
  const { t } = useTranslation('shell');
  const { weekday } = toVietnamWallClock(now);
  return (
    <p className="frame-clock">
      <span className="frame-date">
        {t('clockDate', { weekday: t(`translation:weekday.${weekday}`), date: formatVietnamDate(now) })}
      </span>
      <span className="frame-time">{formatVietnamTime(now)}</span>
    </p>
  );
}
