import { useId } from 'react';
import './listen-button.css';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../features/shell/bridge-context.ts';
import { speakSegments, stopSpeech, useSpeechStore, type SpeechSegment } from '../features/speech/index.ts';

/**
 * "Nghe": reads a screen (or part of it) aloud; tapped again while reading, it stops.
 * Hidden where the kiosk cannot speak (no espeak-ng), so a citizen never meets a button
 * that does nothing. `segments` is called at the tap, so it reads what is on screen then.
 */
export function ListenButton({
  segments,
  label,
}: {
  segments: () => SpeechSegment[];
  /** Visible label, e.g. "Nghe trang này"; default "Nghe". */
  label?: string;
}) {
  const { t } = useTranslation('speech');
  const client = useBridge();
  const owner = useId();
  const available = useSpeechStore((s) => s.status?.available ?? false);
  const playing = useSpeechStore((s) => s.playing === owner);
  const failure = useSpeechStore((s) => (s.failure?.owner === owner ? s.failure.code : null));
  if (!available) return null;
  return (
    <div className="listen">
      <button
        type="button"
        className={`listen-button big${playing ? ' playing' : ''}`}
        aria-pressed={playing}
        onClick={() => (playing ? stopSpeech() : void speakSegments(client, owner, segments()))}
      >
        <span aria-hidden="true">{playing ? '■' : '🔊'}</span> {playing ? t('stop') : (label ?? t('listen'))}
      </button>
      {failure && (
        <p role="alert" className="listen-failure">
          {t(`failed.${failure}`, { defaultValue: t('failed.speech-failed') })}
        </p>
      )}
    </div>
  );
}
