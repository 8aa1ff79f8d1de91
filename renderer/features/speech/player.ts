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
  if (useSpeechStore.getState().playing !== null) useSpeechStore.setState({ playing: null });
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
  const session = { owner, audio: new Audio(), cancelled: false, urls: [] as string[] };
  current = session;
  useSpeechStore.setState({ playing: owner, failure: null });
  performance.mark('speech-tap');
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
        session.audio.addEventListener('playing', () => performance.mark('speech-first-audio'), {
          once: true,
        });
      }
      await playOne(session, url);
      if (session.cancelled) return;
      performance.mark('speech-segment-ended');
    }
    performance.mark('speech-ended');
  } catch (error) {
    if (session.cancelled) return;
    useSpeechStore.setState({
      failure: { owner, code: error instanceof BridgeCallError ? error.code : 'speech-failed' },
    });
  } finally {
    if (current === session) stopSpeech();
  }
}
