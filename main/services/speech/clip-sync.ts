import { createHash } from 'node:crypto';
import type { ClipAudio, ClipPackIndex } from '../../../shared/contracts/speech-clips.ts';
import type { ClipProblem, PublishedClipLanguage } from '../../../shared/speech/clips.ts';
import type { TransportResult } from '../sync-transport.ts';
import type { Logger } from '../logger.ts';
import type { ClipStore } from './clip-store.ts';

/** Where a language's clips come from: the office's sync API (sync-transport.ts). */
export interface ClipSource {
  clipPack(language: string): Promise<TransportResult<ClipPackIndex>>;
  clipAudio(language: string, sha256: string): Promise<TransportResult<ClipAudio>>;
}

export interface ClipSyncOutcome {
  installed: string[];
  removed: string[];
  refused: { language: string; problems: ClipProblem[] }[];
  /** Could not be fetched now (office unreachable); tried again at the next pull. */
  failed: string[];
}

export interface ClipSync {
  /**
   * After a pull that listed the office's languages: fetches each language whose version
   * this kiosk does not hold, checks it again (clip-store.ts: format, size, key known) and
   * keeps it in the data folder; drops a language the office no longer publishes. One run
   * at a time: a pull while one runs does not start another.
   */
  update(published: readonly PublishedClipLanguage[], source: ClipSource): Promise<ClipSyncOutcome>;
}

export function createClipSync(deps: {
  clips: ClipStore;
  /** The text keys this kiosk speaks: its catalogue's, and the one the office published for the next start. */
  knownKeys: () => Promise<ReadonlySet<string>>;
  logger: Logger;
}): ClipSync {
  let running: Promise<ClipSyncOutcome> | null = null;
  // A version refused once is not fetched again at every pull: the office must publish a new one.
  const refusedVersions = new Set<string>();

  async function fetchLanguage(
    language: string,
    source: ClipSource,
  ): Promise<{ ok: true; pack: unknown } | { ok: false }> {
    const index = await source.clipPack(language);
    if (!index.ok) {
      deps.logger.warn('speech-clips-fetch-failed', { language, reasons: index.failure.reasons });
      return { ok: false };
    }
    const clips: { key: string; dataBase64: string }[] = [];
    for (const clip of index.value.clips) {
      const kept = await deps.clips.readBySha256(language, clip.sha256);
      if (kept) {
        clips.push({ key: clip.key, dataBase64: Buffer.from(kept).toString('base64') });
        continue;
      }
      const audio = await source.clipAudio(language, clip.sha256);
      if (!audio.ok) {
        deps.logger.warn('speech-clips-fetch-failed', { language, reasons: audio.failure.reasons });
        return { ok: false };
      }
      // The office must send what it listed: the bytes are checked against the hash.
      const bytes = Buffer.from(audio.value.dataBase64, 'base64');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (sha256 !== clip.sha256) {
        deps.logger.warn('speech-clips-hash-mismatch', { language, key: clip.key });
        return { ok: false };
      }
      clips.push({ key: clip.key, dataBase64: audio.value.dataBase64 });
    }
    return {
      ok: true,
      pack: {
        schemaVersion: 1,
        language,
        name: index.value.name,
        demonstration: false,
        version: index.value.version,
        clips,
      },
    };
  }

  async function run(
    published: readonly PublishedClipLanguage[],
    source: ClipSource,
  ): Promise<ClipSyncOutcome> {
    const outcome: ClipSyncOutcome = { installed: [], removed: [], refused: [], failed: [] };
    const held = deps.clips.publishedVersions();
    const listed = new Set(published.map((p) => p.language));
    for (const language of held.keys()) {
      if (!listed.has(language)) {
        await deps.clips.remove(language);
        outcome.removed.push(language);
      }
    }
    for (const { language, version } of published) {
      if (held.get(language) === version || refusedVersions.has(`${language}\u0000${version}`)) continue;
      const fetched = await fetchLanguage(language, source);
      if (!fetched.ok) {
        outcome.failed.push(language);
        continue;
      }
      const result = await deps.clips.install(fetched.pack, await deps.knownKeys());
      if (result.ok) outcome.installed.push(language);
      else {
        refusedVersions.add(`${language}\u0000${version}`);
        outcome.refused.push({ language, problems: result.problems });
      }
    }
    if (outcome.installed.length || outcome.removed.length || outcome.refused.length)
      deps.logger.info('speech-clips-synced', {
        installed: outcome.installed,
        removed: outcome.removed,
        refused: outcome.refused.map((r) => r.language),
      });
    return outcome;
  }

  return {
    update(published, source) {
      if (running) return running;
      running = run(published, source).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
