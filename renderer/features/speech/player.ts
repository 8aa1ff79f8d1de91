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

function requestAudio(
  client: BridgeClient,
  segment: SpeechSegment,
  language: string | undefined,
): Promise<Blob> {
  return client
    .invoke('speak', {
      text: segment.text,
      ...(segment.key ? { key: segment.key } : {}),
      ...(language ? { language } : {}),
    })
    .then((out) => base64ToBlob(out.audioBase64, out.mime));
}

/**
 * The first piece of the screen on show, made before anyone taps, so "Nghe" starts at once.
 * Only keyed pieces (the same for every citizen: a procedure's name, "Đã lưu hồ sơ") are
 * made ahead; a handful are kept, and the idle reset forgets them.
 */
const PREFETCH_KEEP = 4;
const prefetched = new Map<string, Promise<Blob>>();
const prefetchKey = (segment: SpeechSegment, language: string | undefined) =>
  `${language ?? 'vi'}\u0000${segment.key ?? ''}\u0000${segment.text}`;

export function prefetchFirstPiece(client: BridgeClient, segments: readonly SpeechSegment[]): void {
  const first = segments[0];
  if (!first?.key) return;
  const language = useSpeechStore.getState().clipLanguage ?? undefined;
  const key = prefetchKey(first, language);
  let pending = prefetched.get(key);
  if (!pending) {
    pending = requestAudio(client, first, language);
    pending.catch(() => prefetched.delete(key));
    prefetched.set(key, pending);
    if (prefetched.size > PREFETCH_KEEP) prefetched.delete(prefetched.keys().next().value!);
  }
  stage(key, pending);
}

/**
 * The first listen button of the screen (the page's own, at its top) has its first piece
 * loaded into the audio element ahead, paused: a tap then only starts playback, without
 * the blob read and WAV parsing that a busy machine can stretch to a few hundred ms.
 * Any stop (a navigation, the idle reset, another reading) takes it out again.
 */
let staged: { key: string; url: string | null } | null = null;

function stage(key: string, pending: Promise<Blob>): void {
  if (staged || current || !element) return;
  const slot: { key: string; url: string | null } = { key, url: null };
  staged = slot;
  pending.then(
    (blob) => {
      if (staged !== slot || current || !element) return;
      slot.url = URL.createObjectURL(blob);
      element.preload = 'auto';
      element.src = slot.url;
    },
    () => {
      if (staged === slot) staged = null;
    },
  );
}

/** Takes the staged piece, if it is `key` and loaded: its URL, now the caller's to revoke. */
function takeStaged(key: string): string | null {
  const slot = staged;
  staged = null;
  if (slot?.key === key && slot.url && element?.src === slot.url) return slot.url;
  unstageSlot(slot);
  return null;
}

function unstageSlot(slot: { key: string; url: string | null } | null): void {
  if (!slot?.url) return;
  if (element?.src === slot.url && !current) element.removeAttribute('src');
  URL.revokeObjectURL(slot.url);
}

/** A tenth of a second of silence (8 kHz, 16-bit mono WAV). */
function silentWav(): Blob {
  const samples = 800;
  const view = new DataView(new ArrayBuffer(44 + samples * 2));
  const ascii = (at: number, text: string) =>
    [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  return new Blob([view.buffer], { type: 'audio/wav' });
}

let primed = false;
/**
 * The browser's first sound of a session starts its audio output and WAV decoder, which
 * took up to two seconds on a loaded machine (bench/speech.bench.ts): done once when the
 * kiosk can speak, with a muted moment of silence, so the first citizen's tap does not pay it.
 */
export function primeAudioOutput(): void {
  if (primed || !element) return;
  primed = true;
  const audio = element;
  const url = URL.createObjectURL(silentWav());
  audio.muted = true;
  const done = () => {
    audio.muted = false;
    URL.revokeObjectURL(url);
  };
  audio.addEventListener('ended', done, { once: true });
  audio.src = url;
  audio.play().catch(done);
}

export function forgetPrefetched(): void {
  prefetched.clear();
}

export function stopSpeech(): void {
  const slot = staged;
  staged = null;
  unstageSlot(slot);
  stopCurrent();
}

function stopCurrent(): void {
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
    // A staged piece is already loaded: setting src again would load it anew.
    if (audio.src !== url) audio.src = url;
    audio.muted = false;
    audio.volume = useSpeechStore.getState().volume;
    audio.play().catch(reject);
  });
}

export async function speakSegments(
  client: BridgeClient,
  owner: string,
  segments: readonly SpeechSegment[],
): Promise<void> {
  const language = useSpeechStore.getState().clipLanguage ?? undefined;
  const stagedUrl = segments[0] ? takeStaged(prefetchKey(segments[0], language)) : null;
  stopCurrent();
  if (segments.length === 0) return;
  const audio = element ?? new Audio();
  audio.dataset.piecesEnded = '0';
  const session = { owner, audio, cancelled: false, urls: [] as string[] };
  current = session;
  useSpeechStore.setState({ playing: owner, failure: null });
  mark('speech-tap');
  if (stagedUrl) session.urls.push(stagedUrl);
  const fetchAudio = (segment: SpeechSegment) =>
    requestAudio(client, segment, language).then((blob) => {
      const url = URL.createObjectURL(blob);
      session.urls.push(url);
      return url;
    });
  try {
    const ready = prefetched.get(prefetchKey(segments[0]!, language));
    let next = stagedUrl
      ? Promise.resolve(stagedUrl)
      : ready
        ? ready.then((blob) => {
            const url = URL.createObjectURL(blob);
            session.urls.push(url);
            return url;
          })
        : fetchAudio(segments[0]!);
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
