import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/localised.ts';
import type { ClipLanguage } from '../../../shared/speech/clips.ts';
import { useShellStore } from '../shell/index.ts';
import { stopSpeech } from './player.ts';
import { useSpeechStore } from './store.ts';

/**
 * The recorded languages in the language choice: one button per language the office
 * published clips for. Choosing one shows the screens in Vietnamese and reads them with
 * that language's clips (Vietnamese speech where a text has none); tapping it again
 * returns to Vietnamese speech.
 */
const NONE: readonly ClipLanguage[] = [];

export function ClipLanguageChoice() {
  const { t, i18n } = useTranslation('speech');
  const lang = i18n.language as Language;
  const languages = useSpeechStore((s) => (s.status?.available ? s.status.languages : NONE));
  const chosen = useSpeechStore((s) => s.clipLanguage);
  if (languages.length === 0) return null;
  return (
    <>
      {languages.map((l) => (
        <button
          key={l.code}
          type="button"
          lang="vi"
          aria-pressed={chosen === l.code}
          onClick={() => {
            stopSpeech();
            const next = chosen === l.code ? null : l.code;
            useSpeechStore.getState().setClipLanguage(next);
            if (next) useShellStore.getState().setLanguage('vi');
          }}
        >
          {t('clipLanguage', { name: l.name[lang] })}
          {l.demonstration && <span className="demo-tag"> ({t('demonstration')})</span>}
        </button>
      ))}
    </>
  );
}
