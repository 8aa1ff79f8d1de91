import { CLIP_MIME, type ClipLanguage } from '../../../shared/speech/clips.ts';
import { mergeLexicon, type SpeechLexicon } from '../../../shared/speech/lexicon.ts';
import { normaliseForSpeech } from '../../../shared/speech/normalise.ts';
import { DEFAULT_SPEECH_VOICE, type SpeechVoice } from '../../../shared/speech/voices.ts';
import type { Logger } from '../logger.ts';
import type { ClipStore } from './clip-store.ts';
import { SynthesisError, type Espeak, type EspeakProbe } from './espeak.ts';

/** A screen is read sentence by sentence; no one segment needs more. */
export const SPEECH_MAX_CHARS = 1_000;
/** Recently spoken audio kept in memory: the same heading is often heard twice in a row. */
const CACHE_ENTRIES = 64;

export interface SpeechStatus {
  available: boolean;
  reason: EspeakProbe['reason'];
  voice: SpeechVoice;
  engine: string | null;
  languages: ClipLanguage[];
}

export interface SpokenAudio {
  source: 'clip' | 'synthesis';
  mime: string;
  audio: Uint8Array;
  /** What was actually said (after normalisation), or the clip's key. */
  spokenText: string;
  voice: SpeechVoice | null;
}

export class SpeechUnavailableError extends Error {
  constructor(readonly reason: EspeakProbe['reason']) {
    super(`Speech is not available here: ${reason ?? 'unknown'}`);
    this.name = 'SpeechUnavailableError';
  }
}

export interface SpeechServiceDeps {
  espeak: Espeak;
  clips: ClipStore;
  /** From the office profile (speech.voice); default the Northern voice. */
  voice?: SpeechVoice;
  /** The office's abbreviations (speech.lexicon), added to the built-in ones. */
  lexicon?: SpeechLexicon;
  logger: Logger;
}

/**
 * Reading aloud for both hosts (and the office's spoken queue calls): clips recorded by
 * the office win over synthesis; otherwise the Vietnamese text is normalised
 * (shared/speech) and spoken by espeak-ng in its own process.
 */
export function createSpeechService(deps: SpeechServiceDeps) {
  const voice = deps.voice ?? DEFAULT_SPEECH_VOICE;
  const lexicon = mergeLexicon(deps.lexicon);
  const cache = new Map<string, Uint8Array>();
  let probed: Promise<EspeakProbe> | null = null;
  const probe = () => (probed ??= deps.espeak.probe());

  // Only keyed texts (the same for every citizen) are cached: nothing personal stays in memory.
  async function synthesize(spokenText: string, cacheable: boolean): Promise<Uint8Array> {
    if (!cacheable) return deps.espeak.synthesize(spokenText, voice);
    const cacheKey = `${voice}\u0000${spokenText}`;
    const hit = cache.get(cacheKey);
    if (hit) {
      cache.delete(cacheKey);
      cache.set(cacheKey, hit);
      return hit;
    }
    const audio = await deps.espeak.synthesize(spokenText, voice);
    cache.set(cacheKey, audio);
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    return audio;
  }

  return {
    async status(): Promise<SpeechStatus> {
      const p = await probe();
      const voiceInstalled = p.available && p.voices.includes(voice);
      return {
        available: voiceInstalled,
        reason: p.available && !voiceInstalled ? 'no-voice' : p.reason,
        voice,
        engine: p.version,
        languages: deps.clips.languages(),
      };
    },
    /** `text` as shown on screen; with `language` and `key`, that language's clip when there is one. */
    async speak(input: { text: string; key?: string; language?: string }): Promise<SpokenAudio> {
      if (input.language && input.key) {
        const clip = await deps.clips.read(input.language, input.key);
        if (clip) {
          return {
            source: 'clip',
            mime: CLIP_MIME[clip.format],
            audio: clip.bytes,
            spokenText: input.key,
            voice: null,
          };
        }
      }
      const status = await this.status();
      if (!status.available) throw new SpeechUnavailableError(status.reason);
      const spokenText = normaliseForSpeech(input.text.slice(0, SPEECH_MAX_CHARS), { lexicon });
      if (!spokenText) throw new SynthesisError('failed', 'nothing to say');
      const started = performance.now();
      const audio = await synthesize(spokenText, Boolean(input.key));
      deps.logger.info('speech-spoken', {
        chars: spokenText.length,
        ms: Math.round(performance.now() - started),
      });
      return { source: 'synthesis', mime: 'audio/wav', audio, spokenText, voice };
    },
  };
}
export type SpeechService = ReturnType<typeof createSpeechService>;
