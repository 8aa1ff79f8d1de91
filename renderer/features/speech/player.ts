import type { BridgeClient } from '../../bridge/client.ts';
import { BridgeCallError } from '../../bridge/client.ts';
import type { SpeechSegment } from './segments.ts';
import { useSpeechStore } from './store.ts';

/**
 * One voice for the whole kiosk: a new "Nghe" stops whatever was playing. Pieces are
 * fetched one ahead, so the second is ready when the first ends. Marks
 * `speech-first-audio` / `speech-ended` in the page's performance timeline (for the
 * benchmark and the end-to-end tests: the audio element really played).
 */
let current: { owner: string; audio: HTMLAudioElement; cancelled: boolean; urls: string[] } | null = null;

/**
 * The page's one <audio> element (SpeechRunner renders it, hidden). Being in the document,
 * its state (played ranges, data-pieces-ended) is what the end-to-end tests read to know
 * that sound really played. Without it (a bare page) a detached element does the same job.
 */
let element: HTMLAudioElement | null = null;
export function setSpeechAudioElement(audio: HTMLAudioElement | null): void {
  element = audio;
}

/** Timeline marks are a measurement aid only: a page whose `performance` is replaced (a test clock) still speaks. */
function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // no timeline here
  }
}

function base64ToBlob(base64: string, mime: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

export function stopSpeech(): void {
  if (current) {
    current.cancelled = true;
    current.audio.pause();
    current.audio.removeAttribute('src');
    for (const url of current.urls) URL.revokeObjectURL(url);
    current = null;
  }
  const state = useSpeechStore.getState();
  if (state.playing !== null || state.audible !== null)
    useSpeechStore.setState({ playing: null, audible: null });
}

function playOne(session: NonNullable<typeof current>, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const audio = session.audio;
    const done = () => {
      audio.onended = null;
      audio.onerror = null;
      audio.onpause = null;
      resolve();
    };
    audio.onended = done;
    audio.onpause = done;
    audio.onerror = () => reject(new BridgeCallError('speech-playback', 'the audio could not be played'));
    audio.src = url;
    audio.volume = useSpeechStore.getState().volume;
    audio.play().catch(reject);
  });
}

export async function speakSegments(
  client: BridgeClient,
  owner: string,
  segments: readonly SpeechSegment[],
): Promise<void> {
  stopSpeech();
  if (segments.length === 0) return;
  const audio = element ?? new Audio();
  audio.dataset.piecesEnded = '0';
  const session = { owner, audio, cancelled: false, urls: [] as string[] };
  current = session;
  useSpeechStore.setState({ playing: owner, failure: null });
  mark('speech-tap');
  const language = useSpeechStore.getState().clipLanguage ?? undefined;
  const fetchAudio = (segment: SpeechSegment) =>
    client
      .invoke('speak', {
        text: segment.text,
        ...(segment.key ? { key: segment.key } : {}),
        ...(language ? { language } : {}),
      })
      .then((out) => {
        const url = URL.createObjectURL(base64ToBlob(out.audioBase64, out.mime));
        session.urls.push(url);
        return url;
      });
  try {
    let next = fetchAudio(segments[0]!);
    for (let i = 0; i < segments.length; i++) {
      const url = await next;
      if (session.cancelled) return;
      if (i + 1 < segments.length) next = fetchAudio(segments[i + 1]!);
      // An unfetched promise that fails after a stop must not surface as an unhandled rejection.
      next.catch(() => undefined);
      if (i === 0) {
        session.audio.addEventListener(
          'playing',
          () => {
            if (session.cancelled) return;
            useSpeechStore.setState({ audible: owner });
            mark('speech-first-audio');
          },
          { once: true },
        );
      }
      await playOne(session, url);
      if (session.cancelled) return;
      session.audio.dataset.piecesEnded = String(i + 1);
      mark('speech-segment-ended');
    }
    mark('speech-ended');
  } catch (error) {
    if (session.cancelled) return;
    useSpeechStore.setState({
      failure: { owner, code: error instanceof BridgeCallError ? error.code : 'speech-failed' },
    });
  } finally {
    if (current === session) stopSpeech();
  }
}
