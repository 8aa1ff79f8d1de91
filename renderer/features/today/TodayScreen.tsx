import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { computeToday } from '../../../shared/domain/today.ts';
import { deskState, type DeskState } from '../../../shared/domain/desk-state.ts';
import type { TFunction } from 'i18next';
import { resultPromise, type ResultPromise } from '../../../shared/domain/result-promise.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { REFORM_MODELS } from '../../../shared/domain/reform-models.ts';
import { formatVietnamDate, formatVietnamTime } from '../../../shared/domain/format.ts';
import { toVietnamWallClock, weekdayOf } from '../../../shared/domain/vietnam-time.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import { useKioskConfig } from '../shell/config-store.ts';
import { useShellStore } from '../shell/store.ts';
import { catalogueIndex } from '../catalogue/catalogue-index.ts';
import { useNow } from '../../hooks/useNow.ts';
import { StartDeclarationButton } from '../declaration/StartDeclarationButton.tsx';
import { cardPromiseText } from '../procedure/promise-text.ts';
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
  const desk = deskState(profile, now);
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
      <p className="today-date">
        {t('today.date', { weekday: weekdayName(today.date), date: formatVietnamDate(today.date) })}
      </p>
      <p className={`open-state ${desk.kind === 'open' ? 'open' : 'closed'}`}>
        <DeskStateText desk={desk} />
      </p>
      {today.isHoliday && <p>{t('today.holiday')}</p>}
      <ListenButton
        label={t('speech:listenPage')}
        segments={() =>
          todaySpeech(i18n.getFixedT('vi'), today, profile, (code) => byCode.get(code)?.name.vi, {
            desk: spokenDesk(i18n.getFixedT('vi'), desk),
            promise: spokenPromise,
          })
        }
      />

      {today.models.length === 0 && <p className="no-models">{t('today.noModels')}</p>}
      {today.models.map((m) => {
        const info = REFORM_MODELS[m.model];
        // On a no-appointment day the card says what is true now, from the deadline rule.
        const promise = promiseOf(m.model, m.procedures);
        const promiseText = promise ? cardPromiseText(t, promise) : null;
        return (
          <section key={m.model} className="model-card" aria-labelledby={`model-${m.model}`}>
            <h2 id={`model-${m.model}`}>{info.name[lang]}</h2>
            {promise?.sameDay !== false && <p className="model-explanation">{info.explanation[lang]}</p>}
            {promiseText && (
              <p className={`model-promise ${promise!.sameDay ? 'yes' : 'no'}`}>
                <strong>{promiseText}</strong>
              </p>
            )}
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

/** The desk's state as [headline, detail]: "Đang nghỉ trưa", "Mở cửa lại lúc 13:30". */
function deskStateWords(t: TFunction, desk: DeskState): [string] | [string, string] {
  switch (desk.kind) {
    case 'open':
      return [t('today.openNow'), t('today.openUntil', { time: formatVietnamTime(desk.until) })];
    case 'break':
      return [t('today.onBreak'), t('today.reopensAt', { time: formatVietnamTime(desk.reopensAt) })];
    case 'before-opening':
      return [t('today.notOpenYet'), t('today.opensAt', { time: formatVietnamTime(desk.opensAt) })];
    case 'closed':
      return desk.opensAt
        ? [
            t('today.closedNow'),
            t('today.opensNext', {
              time: formatVietnamTime(desk.opensAt),
              weekday: t(`weekday.${weekdayOf(toVietnamWallClock(desk.opensAt).date)}`),
              date: formatVietnamDate(desk.opensAt),
            }),
          ]
        : [t('today.closedNow')];
  }
}

/** The desk's state for the voice; "open" and "closed" have recorded clips. */
function spokenDesk(t: TFunction, desk: DeskState) {
  const [headline, detail] = deskStateWords(t, desk);
  const key = desk.kind === 'open' ? 'today.openNow' : desk.kind === 'closed' ? 'today.closedNow' : null;
  return { headline, key, detail: detail ?? null };
}

function DeskStateText({ desk }: { desk: DeskState }) {
  const { t } = useTranslation();
  const [headline, detail] = deskStateWords(t, desk);
  return (
    <>
      <strong>{headline}</strong>
      {detail && ` · ${detail}`}
    </>
  );
}
