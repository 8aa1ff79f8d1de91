import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
  /**
   * Where the audio of the prepared texts is kept between starts (<data folder>/speech-cache):
   * only public, fixed texts (procedure names), never what a citizen typed.
   */
  cacheDir?: string;
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

  /**
   * The prepared texts' audio on disk, named by a hash of what makes the sound (engine,
   * voice, text), so a new espeak-ng or voice never plays stale audio.
   */
  const prepared = new Set<string>();
  const diskName = async (spokenText: string) => {
    const engine = (await probe()).version ?? '';
    return createHash('sha256').update(`${engine}\u0000${voice}\u0000${spokenText}`).digest('hex') + '.wav';
  };
  const remember = (cacheKey: string, audio: Uint8Array) => {
    cache.set(cacheKey, audio);
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  };

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
    if (deps.cacheDir && prepared.has(spokenText)) {
      try {
        const audio = new Uint8Array(await readFile(path.join(deps.cacheDir, await diskName(spokenText))));
        remember(cacheKey, audio);
        return audio;
      } catch {
        // not made yet, or removed: synthesise below
      }
    }
    const audio = await deps.espeak.synthesize(spokenText, voice);
    remember(cacheKey, audio);
    return audio;
  }

  /**
   * Makes the audio of fixed texts ahead of any tap (a procedure page's first piece), one
   * espeak-ng run at a time, and keeps it on disk: starting espeak-ng on a busy machine can
   * take a second or more, which a citizen must not wait for. Files of texts no longer
   * prepared are removed, so the folder holds exactly the current catalogue's texts.
   */
  async function prepare(texts: readonly string[]): Promise<{ made: number; kept: number }> {
    const dir = deps.cacheDir;
    if (!dir) return { made: 0, kept: 0 };
    const p = await probe();
    if (!p.available || !p.voices.includes(voice)) return { made: 0, kept: 0 };
    await mkdir(dir, { recursive: true });
    const spoken = [
      ...new Set(
        texts.map((t) => normaliseForSpeech(t.slice(0, SPEECH_MAX_CHARS), { lexicon })).filter(Boolean),
      ),
    ];
    const wanted = new Map<string, string>();
    for (const text of spoken) wanted.set(await diskName(text), text);
    const present = new Set(await readdir(dir));
    for (const file of present)
      if (!wanted.has(file)) await rm(path.join(dir, file), { force: true, recursive: true });
    let made = 0;
    for (const [file, text] of wanted) {
      if (!present.has(file)) {
        try {
          const audio = await deps.espeak.synthesize(text, voice);
          const tmp = path.join(dir, `.${file}.${process.pid}.tmp`);
          await writeFile(tmp, audio);
          await rename(tmp, path.join(dir, file));
          made++;
        } catch (error) {
          deps.logger.warn('speech-prepare-failed', { error: String(error) });
          continue;
        }
      }
      prepared.add(text);
    }
    return { made, kept: wanted.size - made };
  }

  return {
    prepare,
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
