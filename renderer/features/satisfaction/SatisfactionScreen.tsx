import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShellStore, type ScreenOf } from '../shell/index.ts';
import { LEVEL_ICON, LEVELS, REASONS, reasonGroupOf, type SatisfactionLevel } from './levels.ts';
import { rate } from './rate.ts';
import { Icon } from '../../ui/icons/index.tsx';
import { ListenButton } from '../speech/index.ts';
import { satisfactionSpeech } from './satisfaction-speech.ts';

type Phase = 'choose' | 'saving' | 'failed' | 'thanks';

/** How long the thank-you stays before the kiosk returns to Today for the next person. */
const THANKS_MS = 4000;

/**
 * The end of the visit: one tap on a three-level scale with large icons and words, then
 * optional reasons (tapped, not typed), saved for sync with the dossier; then back to Today.
 */
export function SatisfactionScreen({ screen }: { screen: ScreenOf<'satisfaction'> }) {
  const { t, i18n } = useTranslation('satisfaction');
  const [level, setLevel] = useState<SatisfactionLevel | null>(null);
  const [reasons, setReasons] = useState<readonly string[]>([]);
  const [phase, setPhase] = useState<Phase>('choose');
  // The visit is over (sent, skipped or timed out): the next person finds Today as a new
  // citizen does, with the keyboard, language and text size back to their defaults.
  const home = () => useShellStore.getState().resetSession();
  const listen = (
    <ListenButton
      label={t('speech:listenPage')}
      segments={() => satisfactionSpeech(i18n.getFixedT('vi', 'satisfaction'), { phase, level, reasons })}
    />
  );

  useEffect(() => {
    if (phase !== 'thanks') return;
    const id = window.setTimeout(home, THANKS_MS);
    return () => window.clearTimeout(id);
  }, [phase]);

  const send = async () => {
    if (!level) return;
    setPhase('saving');
    const ok = await rate({
      dossierId: screen.dossierId,
      procedureCode: screen.procedureCode,
      level,
      reasons: reasons.map((r) => t(`reason.${r}`, { lng: 'vi' })),
    });
    setPhase(ok ? 'thanks' : 'failed');
  };

  if (phase === 'thanks') {
    return (
      <main className="screen satisfaction-screen">
        <div role="status">
          <h1>{t('thanks')}</h1>
        </div>
        {listen}
        <button type="button" className="primary big" onClick={home}>
          {t('home')}
        </button>
      </main>
    );
  }

  return (
    <main className="screen satisfaction-screen">
      <h1 id="satisfaction-title">{t('title')}</h1>
      {listen}
      <p>{t('hint')}</p>
      <div role="radiogroup" aria-label={t('scaleLabel')} className="satisfaction-scale">
        {LEVELS.map((l) => (
          <button
            key={l}
            type="button"
            role="radio"
            aria-checked={level === l}
            className={`level level-${l}`}
            onClick={() => {
              setLevel(l);
              setReasons([]);
            }}
          >
            <Icon name={LEVEL_ICON[l]} size="2.5em" className="level-icon" />
            <span className="level-text">{t(`level.${l}`)}</span>
          </button>
        ))}
      </div>
      {level && (
        <section aria-labelledby="reason-title" className="reasons">
          <h2 id="reason-title">{t('reasonTitle')}</h2>
          <div className="reason-chips">
            {REASONS[reasonGroupOf(level)].map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={reasons.includes(r)}
                onClick={() => setReasons((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]))}
              >
                {t(`reason.${r}`)}
              </button>
            ))}
          </div>
          {phase === 'failed' && <p role="alert">{t('failed')}</p>}
          {phase === 'saving' && <p role="status">{t('saving')}</p>}
          <button
            type="button"
            className="primary big"
            disabled={phase === 'saving'}
            onClick={() => void send()}
          >
            {t('send')}
          </button>
        </section>
      )}
      <button type="button" className="big" onClick={home}>
        {t('skip')}
      </button>
    </main>
  );
}
