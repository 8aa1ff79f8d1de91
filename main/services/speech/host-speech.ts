import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import { CatalogueSchema, type Catalogue } from '../../../shared/domain/procedure.ts';
import { REFORM_MODELS } from '../../../shared/domain/reform-models.ts';
import type { Logger } from '../logger.ts';
import { speechKeysFor } from '../../../shared/speech/keys.ts';
import { createClipStore } from './clip-store.ts';
import { createClipSync } from './clip-sync.ts';
import { createEspeak, type Spawn } from './espeak.ts';
import { createSpeechService } from './speech-service.ts';

export interface HostSpeechOptions {
  /** <data folder>/speech-clips: where published recordings are kept. */
  clipsDir: string;
  /** Read-only clip folders after the kiosk's own (the demonstration set in development). */
  extraClipDirs?: readonly string[];
  /** <data folder>/speech-cache: the audio of the fixed texts made ahead of any tap. */
  cacheDir?: string;
  profile: OfficeProfile;
  /** Its procedure names (each procedure page's first piece) are made ahead. */
  catalogue?: Pick<Catalogue, 'procedures'>;
  /**
   * The catalogue the office published for the next start (officeCatalogueFile): its
   * procedures' keys are accepted for clips too, so a clip for a new procedure is kept.
   */
  nextCatalogueFile?: string;
  /** false: nothing is made ahead (the benchmark's comparison); default true with a cacheDir. */
  prepare?: boolean;
  logger: Logger;
  /** espeak-ng's executable: KIOSK_ESPEAK_PATH, a bundled copy, or `espeak-ng` on the PATH. */
  espeakCommand?: string;
  spawn?: Spawn;
}

/** The speech service as both hosts build it: the profile's voice and lexicon, clips from the data folder. */
export async function createHostSpeech(options: HostSpeechOptions) {
  const clips = createClipStore({
    dirs: [options.clipsDir, ...(options.extraClipDirs ?? [])],
    logger: options.logger,
  });
  await clips.load();
  const speech = createSpeechService({
    espeak: createEspeak({
      ...(options.espeakCommand ? { command: options.espeakCommand } : {}),
      ...(options.spawn ? { spawn: options.spawn } : {}),
    }),
    clips,
    ...(options.profile.speech
      ? { voice: options.profile.speech.voice, lexicon: options.profile.speech.lexicon }
      : {}),
    ...(options.cacheDir && options.prepare !== false ? { cacheDir: options.cacheDir } : {}),
    logger: options.logger,
  });
  if (options.cacheDir && options.prepare !== false) {
    const started = performance.now();
    void speech
      .prepare(preparedTexts(options.catalogue))
      .then((done) =>
        options.logger.info('speech-prepared', { ...done, ms: Math.round(performance.now() - started) }),
      )
      .catch((error: unknown) => options.logger.warn('speech-prepare-failed', { error: String(error) }));
  }
  // Probing espeak-ng takes two short runs: logged when done, without delaying the start.
  void speech.status().then((status) =>
    options.logger.info('speech-ready', {
      available: status.available,
      reason: status.reason,
      voice: status.voice,
      languages: status.languages.map((l) => l.code),
    }),
  );
  const clipSync = createClipSync({
    clips,
    knownKeys: async () => {
      const keys = speechKeysFor(options.catalogue ?? { procedures: [] });
      if (options.nextCatalogueFile) {
        try {
          const next = CatalogueSchema.safeParse(
            JSON.parse(await readFile(options.nextCatalogueFile, 'utf8')),
          );
          if (next.success) for (const key of speechKeysFor(next.data)) keys.add(key);
        } catch {
          // no catalogue published yet: the running one's keys
        }
      }
      return keys;
    },
    logger: options.logger,
  });
  return { speech, clips, clipSync };
}

/** The first piece of each procedure page (its name) and the reform models' names: the same for everyone. */
export function preparedTexts(catalogue: Pick<Catalogue, 'procedures'> | undefined): string[] {
  return [
    ...(catalogue?.procedures.map((p) => p.name.vi) ?? []),
    ...Object.values(REFORM_MODELS).map((m) => m.name.vi),
  ];
}

/** The demonstration clips shipped in a checkout (assets/speech-clips), for development only. */
export function demonstrationClipsDir(projectRoot: string): string {
  return path.join(projectRoot, 'assets', 'speech-clips');
}
