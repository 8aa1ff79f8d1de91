import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/localised.ts';
import { useSpeechStore } from './store.ts';

/** Settings: whether the kiosk can read aloud (and why not), its voice, recorded languages, and the volume. */
export function SpeechSettingsSection() {
  const { t, i18n } = useTranslation('speech');
  const lang = i18n.language as Language;
  const status = useSpeechStore((s) => s.status);
  const volume = useSpeechStore((s) => s.volume);
  const setVolume = useSpeechStore((s) => s.setVolume);
  if (!status) return <p role="status">{t('settings.checking')}</p>;
  return (
    <>
      {status.available ? (
        <p>{t('settings.available', { voice: t(`voices.${status.voice}`), engine: status.engine ?? '' })}</p>
      ) : (
        <p role="status" className="banner warn">
          {t(`settings.unavailable.${status.reason ?? 'not-installed'}`)}
        </p>
      )}
      {status.available && (
        <div className="speech-volume">
          <label htmlFor="speech-volume">{t('settings.volume')}</label>
          <button
            type="button"
            className="big"
            onClick={() => setVolume(volume - 0.1)}
            aria-label={t('settings.quieter')}
          >
            −
          </button>
          <input
            id="speech-volume"
            type="range"
            min={0}
            max={100}
            step={10}
            value={Math.round(volume * 100)}
            aria-valuetext={`${Math.round(volume * 100)} %`}
            onChange={(e) => setVolume(Number(e.target.value) / 100)}
          />
          <button
            type="button"
            className="big"
            onClick={() => setVolume(volume + 0.1)}
            aria-label={t('settings.louder')}
          >
            +
          </button>
          <output htmlFor="speech-volume">{Math.round(volume * 100)} %</output>
        </div>
      )}
      <h3>{t('settings.languages')}</h3>
      {status.languages.length === 0 ? (
        <p>{t('settings.noLanguages')}</p>
      ) : (
        <ul>
          {status.languages.map((l) => (
            <li key={l.code}>
              {t('settings.language', { name: l.name[lang], count: l.clips })}
              {l.demonstration && ` — ${t('settings.demonstrationNote')}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
