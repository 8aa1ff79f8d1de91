import path from 'node:path';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Logger } from '../logger.ts';
import { createClipStore } from './clip-store.ts';
import { createEspeak, type Spawn } from './espeak.ts';
import { createSpeechService } from './speech-service.ts';

export interface HostSpeechOptions {
  /** <data folder>/speech-clips: where published recordings are kept. */
  clipsDir: string;
  /** Read-only clip folders after the kiosk's own (the demonstration set in development). */
  extraClipDirs?: readonly string[];
  profile: OfficeProfile;
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
    logger: options.logger,
  });
  // Probing espeak-ng takes two short runs: logged when done, without delaying the start.
  void speech.status().then((status) =>
    options.logger.info('speech-ready', {
      available: status.available,
      reason: status.reason,
      voice: status.voice,
      languages: status.languages.map((l) => l.code),
    }),
  );
  return { speech, clips };
}

/** The demonstration clips shipped in a checkout (assets/speech-clips), for development only. */
export function demonstrationClipsDir(projectRoot: string): string {
  return path.join(projectRoot, 'assets', 'speech-clips');
}
