import { useEffect, useId, useRef } from 'react';
import './listen-button.css';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../shell/index.ts';
import { prefetchFirstPiece, speakSegments, stopSpeech } from './player.ts';
import { useSpeechStore } from './store.ts';
import type { SpeechSegment } from './segments.ts';

/**
 * "Nghe": reads a screen (or part of it) aloud; tapped again while reading, it stops.
 * Hidden where the kiosk cannot speak (no espeak-ng), so a citizen never meets a button
 * that does nothing. `segments` is called at the tap, so it reads what is on screen then.
 */
/** Drawn, not an emoji: kiosks often have no emoji font, and a box would replace the sign. */
function SpeakerIcon() {
  return (
    <svg aria-hidden="true" className="speaker-icon" viewBox="0 0 24 24" width="1.2em" height="1.2em">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path
        d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

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
  const audible = useSpeechStore((s) => s.audible === owner);
  const failure = useSpeechStore((s) => (s.failure?.owner === owner ? s.failure.code : null));
  const clipLanguage = useSpeechStore((s) => s.clipLanguage);
  const segmentsRef = useRef(segments);
  useEffect(() => {
    segmentsRef.current = segments;
  });
  // The first piece is made while the citizen reads the screen, so a tap starts sound at once.
  useEffect(() => {
    if (available) prefetchFirstPiece(client, segmentsRef.current());
  }, [available, client, clipLanguage]);
  if (!available) return null;
  return (
    <div className="listen">
      <button
        type="button"
        className={`listen-button big${playing ? ' playing' : ''}`}
        aria-pressed={playing}
        onClick={() => (playing ? stopSpeech() : void speakSegments(client, owner, segments()))}
      >
        {playing ? <span aria-hidden="true">■</span> : <SpeakerIcon />}{' '}
        {playing ? t('stop') : (label ?? t('listen'))}
      </button>
      <span role="status" className="listen-state">
        {audible ? t('playing') : ''}
      </span>
      {failure && (
        <p role="alert" className="listen-failure">
          {t(`failed.${failure}`, { defaultValue: t('failed.speech-failed') })}
        </p>
      )}
    </div>
  );
}
