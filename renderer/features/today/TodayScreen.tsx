import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { computeToday } from '../../../shared/domain/today.ts';
import { proceduresServedToday } from '../../../shared/domain/served-today.ts';
import { deskStateAt, type DeskState } from '../../../shared/domain/desk-state.ts';
import { resultPromise, type ResultPromise } from '../../../shared/domain/result-promise.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { REFORM_MODELS } from '../../../shared/domain/reform-models.ts';
import { formatVietnamDate, weekdayOf } from '../../../shared/domain/vietnam-time.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import { useKioskConfig, useShellStore, deskStateSentence } from '../shell/index.ts';
import { catalogueIndex, BrowseGroupGrid } from '../catalogue/index.ts';
import { useNow } from '../../hooks/useNow.ts';
import { UnprintedReceiptsNotice } from '../unprinted-receipts/index.ts';
import { cardPromiseText } from '../procedure/index.ts';
import { ListenButton, todayDeskSpeech, todaySpeech } from '../speech/index.ts';
import { ServedTodayCard } from './ServedTodayCard.tsx';
import { TakeTicketButton } from '../queue-ticket/index.ts';

/**
 * The start screen: what the office's reform models serve today (each procedure once,
 * with a badge per model), when the models run next, and every procedure by field. The
 * date, the clock and whether the desk is open are in the header on every screen.
 */
export function TodayScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { profile, catalogue } = useKioskConfig();
  const navigate = useShellStore((s) => s.navigate);
  const now = useNow();
  const today = useMemo(() => computeToday(profile, now), [profile, now]);
  const { byCode, groups } = catalogueIndex(catalogue);
  const served = proceduresServedToday(today.models).filter((s) => byCode.has(s.code));
  // The coming days of every model that is not (or no longer) running today.
  const upcoming = today.nextRuns.filter(
    (r): r is typeof r & { date: string } => r.date !== null && !r.isToday,
  );
  const weekdayName = (date: string) => t(`weekday.${weekdayOf(date)}`);
  // Each no-appointment card's promise, from the deadline rule (null where procedures differ).
  const promiseOf = (model: string, codes: readonly string[]) =>
    model === 'no-appointment' ? commonPromise(profile, codes, byCode, now) : null;
  const spokenPromise = (model: string) => {
    const m = today.models.find((x) => x.model === model);
    const promise = m ? promiseOf(m.model, m.procedures) : null;
    return promise
      ? { sameDay: promise.sameDay, text: cardPromiseText(i18n.getFixedT('vi'), promise) }
      : null;
  };

  return (
    <main className="screen today-screen">
      <h1>{t('today.heading', { office: profile.office.name })}</h1>
      <UnprintedReceiptsNotice />
      <ListenButton
        label={t('speech:listenPage')}
        segments={() =>
          todaySpeech(i18n.getFixedT('vi'), today, profile, (code) => byCode.get(code)?.name.vi, {
            // The header's desk line, read out with the rest of the page.
            desk: spokenDesk(i18n.getFixedT('vi'), i18n.getFixedT('vi', 'shell'), deskStateAt(profile, now)),
            promise: spokenPromise,
          })
        }
      />
      <TakeTicketButton className="primary big" explain />
      <div className="today-columns">
        <div className="today-main">
          {today.isHoliday && <p>{t('today.holiday')}</p>}
          {today.models.length === 0 && <p className="no-models">{t('today.noModels')}</p>}
          {today.models.length > 0 && (
            <div className="model-cards">
              {today.models.map((m) => {
                const info = REFORM_MODELS[m.model];
                // On a no-appointment day the card says what is true now, from the deadline rule.
                const promise = promiseOf(m.model, m.procedures);
                const promiseText = promise ? cardPromiseText(t, promise) : null;
                return (
                  <section key={m.model} className="model-card" aria-labelledby={`model-${m.model}`}>
                    <h2 id={`model-${m.model}`}>{info.name[lang]}</h2>
                    {promise?.sameDay !== false && (
                      <p className="model-explanation">{info.explanation[lang]}</p>
                    )}
                    {promiseText && (
                      <p className={`model-promise ${promise!.sameDay ? 'yes' : 'no'}`}>
                        <strong>{promiseText}</strong>
                      </p>
                    )}
                    {m.returnWithinWorkingHours !== null && (
                      <p className="model-return">
                        {t('today.returnWithin', { count: m.returnWithinWorkingHours })}
                      </p>
                    )}
                  </section>
                );
              })}
            </div>
          )}
          {served.length > 0 && (
            <section aria-labelledby="served-today">
              <h2 id="served-today">{t('today.servedHeading')}</h2>
              <ul className="procedure-list" aria-labelledby="served-today">
                {served.map((s) => (
                  <ServedTodayCard
                    key={s.code}
                    procedure={byCode.get(s.code)!}
                    servedBy={s.models}
                    onOpen={() => navigate({ name: 'procedure', code: s.code })}
                  />
                ))}
              </ul>
            </section>
          )}
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
        </div>
        <div className="today-side">
          <section aria-labelledby="today-groups">
            <h2 id="today-groups">{t('today.groupsHeading')}</h2>
            <BrowseGroupGrid
              groups={groups}
              labelledBy="today-groups"
              onOpen={(id) => navigate({ name: 'catalogue', group: id })}
            />
          </section>
          <div className="today-more">
            <button type="button" className="primary big" onClick={() => navigate({ name: 'catalogue' })}>
              {t('today.searchAll')}
            </button>
            <button type="button" className="big" onClick={() => navigate({ name: 'statusLookup' })}>
              {t('statusLookup:entry')}
            </button>
          </div>
        </div>
      </div>
    </main>
  );
}

/**
 * The promise shared by every procedure of a card, or null when they differ (a procedure
 * with its own cut-off) or none can be computed; the procedure page then has the details.
 */
function commonPromise(
  profile: Parameters<typeof resultPromise>[0],
  codes: readonly string[],
  byCode: ReadonlyMap<string, Procedure>,
  now: Date,
): ResultPromise | null {
  let common: ResultPromise | null = null;
  for (const code of codes) {
    const procedure = byCode.get(code);
    if (!procedure) continue;
    let promise: ResultPromise;
    try {
      promise = resultPromise(profile, procedure, now);
    } catch {
      return null;
    }
    if (common && !samePromise(common, promise)) return null;
    common = promise;
  }
  return common;
}

function samePromise(a: ResultPromise, b: ResultPromise): boolean {
  return (
    a.sameDay === b.sameDay &&
    a.reason === b.reason &&
    a.dueAt.getTime() === b.dueAt.getTime() &&
    a.sameDayUntil?.getTime() === b.sameDayUntil?.getTime()
  );
}

/** The desk line as Today reads it: "Đang mở cửa", then only what that does not say. */
function spokenDesk(t: TFunction, tShell: TFunction, state: DeskState) {
  return todayDeskSpeech(t, state, deskStateSentence(tShell, state));
}
