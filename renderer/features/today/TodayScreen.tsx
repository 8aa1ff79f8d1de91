import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { computeToday } from '../../../shared/domain/today.ts';
import { REFORM_MODELS } from '../../../shared/domain/reform-models.ts';
import { formatVietnamDate, formatVietnamTime } from '../../../shared/domain/format.ts';
import { toVietnamWallClock, weekdayOf } from '../../../shared/domain/vietnam-time.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import { useKioskConfig } from '../shell/config-store.ts';
import { useShellStore } from '../shell/store.ts';
import { catalogueIndex } from '../catalogue/catalogue-index.ts';
import { useNow } from '../../hooks/useNow.ts';
import { StartDeclarationButton } from '../declaration/StartDeclarationButton.tsx';
import { ListenButton } from '../../ui/ListenButton.tsx';
import { todaySpeech } from '../speech/index.ts';

export function TodayScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { profile, catalogue } = useKioskConfig();
  const navigate = useShellStore((s) => s.navigate);
  const now = useNow();
  const today = useMemo(() => computeToday(profile, now), [profile, now]);
  const { byCode } = catalogueIndex(catalogue);
  const nextOpening = today.nextOpening ? new Date(today.nextOpening) : null;
  // The coming days of every model that is not (or no longer) running today.
  const upcoming = today.nextRuns.filter(
    (r): r is typeof r & { date: string } => r.date !== null && !r.isToday,
  );
  const weekdayName = (date: string) => t(`weekday.${weekdayOf(date)}`);

  return (
    <main className="screen today-screen">
      <h1>{t('today.heading', { office: profile.office.name })}</h1>
      <p className="today-date">
        {t('today.date', { weekday: weekdayName(today.date), date: formatVietnamDate(today.date) })}
      </p>
      <p className={`open-state ${today.openNow ? 'open' : 'closed'}`}>
        <strong>{today.openNow ? t('today.openNow') : t('today.closedNow')}</strong>
        {!today.openNow && nextOpening && (
          <>
            {' · '}
            {t('today.opensNext', {
              time: formatVietnamTime(nextOpening),
              weekday: weekdayName(toVietnamWallClock(nextOpening).date),
              date: formatVietnamDate(nextOpening),
            })}
          </>
        )}
      </p>
      {today.isHoliday && <p>{t('today.holiday')}</p>}
      <ListenButton
        label={t('speech:listenPage')}
        segments={() =>
          todaySpeech(i18n.getFixedT('vi'), today, profile, (code) => byCode.get(code)?.name.vi)
        }
      />

      {today.models.length === 0 && <p className="no-models">{t('today.noModels')}</p>}
      {today.models.map((m) => {
        const info = REFORM_MODELS[m.model];
        return (
          <section key={m.model} className="model-card" aria-labelledby={`model-${m.model}`}>
            <h2 id={`model-${m.model}`}>{info.name[lang]}</h2>
            <p className="model-explanation">{info.explanation[lang]}</p>
            {m.returnWithinWorkingHours !== null && (
              <p className="model-return">{t('today.returnWithin', { count: m.returnWithinWorkingHours })}</p>
            )}
            {m.procedures.length > 0 && (
              <ul className="tile-grid" aria-label={t('today.proceduresOf', { model: info.name[lang] })}>
                {m.procedures.map((code) => {
                  const p = byCode.get(code);
                  if (!p) return null;
                  return (
                    <li key={code}>
                      <button
                        type="button"
                        className="tile"
                        onClick={() => navigate({ name: 'procedure', code })}
                      >
                        <span className="tile-name" lang="vi">
                          {p.name.vi}
                        </span>
                        {lang === 'en' && <span className="tile-sub">{p.name.en}</span>}
                      </button>
                      <StartDeclarationButton
                        procedureCode={code}
                        className="tile-action"
                        forName={p.name.vi}
                      />
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}

      {upcoming.length > 0 && (
        <section aria-labelledby="next-runs" className="next-runs">
          <h2 id="next-runs">{t('today.nextRunsHeading')}</h2>
          <ul>
            {upcoming.map((r) => (
              <li key={r.model}>
                {t('today.nextRun', {
                  model: REFORM_MODELS[r.model].name[lang],
                  weekday: weekdayName(r.date),
                  date: formatVietnamDate(r.date),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <button type="button" className="primary big" onClick={() => navigate({ name: 'catalogue' })}>
        {t('today.searchAll')}
      </button>
    </main>
  );
}
