import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  checkClipPack,
  ClipManifestSchema,
  ClipPackSchema,
  type ClipFormat,
  type ClipLanguage,
  type ClipManifest,
  type ClipProblem,
} from '../../../shared/speech/clips.ts';
import type { Logger } from '../logger.ts';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type ClipInstallResult =
  { ok: true; language: string; clips: number } | { ok: false; problems: ClipProblem[] };

interface LoadedLanguage {
  dir: string;
  manifest: ClipManifest;
}

/**
 * Recorded clips kept by the kiosk: <dir>/<language>/manifest.json beside the audio files.
 * `dirs[0]` is the kiosk's own folder (<data folder>/speech-clips), where published packs
 * are installed; later folders are read-only (the demonstration set in a checkout). A
 * language in an earlier folder hides the same language in a later one.
 */
export function createClipStore(options: { dirs: readonly string[]; logger: Logger }) {
  const { logger } = options;
  let languages = new Map<string, LoadedLanguage>();

  async function load(): Promise<void> {
    const next = new Map<string, LoadedLanguage>();
    for (const base of options.dirs) {
      let entries: string[];
      try {
        entries = await readdir(base);
      } catch {
        continue;
      }
      for (const entry of entries.sort()) {
        if (entry.startsWith('.')) continue;
        const dir = path.join(base, entry);
        try {
          const manifest = ClipManifestSchema.parse(
            JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')),
          );
          if (!next.has(manifest.language)) next.set(manifest.language, { dir, manifest });
        } catch (error) {
          logger.warn('speech-clips-unreadable', { dir, error: String(error) });
        }
      }
    }
    languages = next;
  }

  return {
    load,
    languages(): ClipLanguage[] {
      return [...languages.values()].map(({ manifest }) => ({
        code: manifest.language,
        name: manifest.name,
        demonstration: manifest.demonstration,
        clips: Object.keys(manifest.clips).length,
      }));
    },
    /** The office's version of each language kept in the kiosk's own folder (published ones). */
    publishedVersions(): Map<string, string> {
      const own = options.dirs[0] ? path.resolve(options.dirs[0]) : null;
      const out = new Map<string, string>();
      for (const [code, { dir, manifest }] of languages)
        if (manifest.version && path.dirname(path.resolve(dir)) === own) out.set(code, manifest.version);
      return out;
    },
    /** A kept clip whose audio has this sha256 (to reuse it when the language is fetched again). */
    async readBySha256(language: string, sha256: string): Promise<Uint8Array | null> {
      const loaded = languages.get(language);
      const clip = loaded && Object.values(loaded.manifest.clips).find((c) => c.sha256 === sha256);
      if (!loaded || !clip) return null;
      try {
        const bytes = new Uint8Array(await readFile(path.join(loaded.dir, clip.file)));
        return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
      } catch {
        return null;
      }
    },
    /** Drops a language the office no longer publishes (only from the kiosk's own folder). */
    async remove(language: string): Promise<void> {
      const base = options.dirs[0];
      if (!base || !/^[a-z0-9-]+$/.test(language)) return;
      await rm(path.join(base, language), { recursive: true, force: true });
      await load();
      logger.info('speech-clips-removed', { language });
    },
    has(language: string, key: string): boolean {
      return Boolean(languages.get(language)?.manifest.clips[key]);
    },
    async read(language: string, key: string): Promise<{ bytes: Uint8Array; format: ClipFormat } | null> {
      const loaded = languages.get(language);
      const clip = loaded?.manifest.clips[key];
      if (!loaded || !clip) return null;
      try {
        return {
          bytes: new Uint8Array(await readFile(path.join(loaded.dir, clip.file))),
          format: clip.format,
        };
      } catch (error) {
        logger.warn('speech-clip-missing', { language, key, error: String(error) });
        return null;
      }
    },
    /**
     * Checks a published pack (format by magic bytes, size, key known to this catalogue)
     * and, only when every clip passes, replaces that language's folder in one rename.
     */
    async install(raw: unknown, knownKeys: ReadonlySet<string>): Promise<ClipInstallResult> {
      const parsed = ClipPackSchema.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          problems: parsed.error.issues.map((issue) => ({
            key: issue.path.map(String).join('.'),
            message: {
              vi: `Gói bản ghi không hợp lệ: ${issue.message}`,
              en: `The recording pack is not valid: ${issue.message}`,
            },
          })),
        };
      }
      const pack = parsed.data;
      const problems: ClipProblem[] = [];
      const decoded: { key: string; bytes: Uint8Array }[] = [];
      for (const clip of pack.clips) {
        if (!BASE64.test(clip.dataBase64)) {
          problems.push({
            key: clip.key,
            message: {
              vi: `Bản ghi "${clip.key}" không được mã hoá base64 đúng cách.`,
              en: `The recording "${clip.key}" is not valid base64.`,
            },
          });
          continue;
        }
        decoded.push({ key: clip.key, bytes: new Uint8Array(Buffer.from(clip.dataBase64, 'base64')) });
      }
      const checked = checkClipPack(decoded, knownKeys);
      if (!checked.ok) problems.push(...checked.problems);
      if (problems.length > 0 || !checked.ok) {
        logger.warn('speech-clips-refused', { language: pack.language, problems: problems.slice(0, 20) });
        return { ok: false, problems };
      }

      const base = options.dirs[0];
      if (!base) throw new Error('clip store has no writable folder');
      const target = path.join(base, pack.language);
      const staging = path.join(base, `.${pack.language}.${process.pid}.tmp`);
      await rm(staging, { recursive: true, force: true });
      await mkdir(staging, { recursive: true });
      const clips: ClipManifest['clips'] = {};
      for (const { key, bytes } of decoded) {
        const format = checked.formats.get(key)!;
        const file = `${key}.${format}`;
        await writeFile(path.join(staging, file), bytes);
        clips[key] = { file, format, sha256: createHash('sha256').update(bytes).digest('hex') };
      }
      const manifest: ClipManifest = {
        schemaVersion: 1,
        language: pack.language,
        name: pack.name,
        demonstration: pack.demonstration,
        ...(pack.note ? { note: pack.note } : {}),
        ...(pack.version ? { version: pack.version } : {}),
        clips,
      };
      await writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
      const old = `${target}.${process.pid}.old`;
      await rm(old, { recursive: true, force: true });
      await rename(target, old).catch(() => undefined);
      await rename(staging, target);
      await rm(old, { recursive: true, force: true });
      await load();
      logger.info('speech-clips-installed', { language: pack.language, clips: decoded.length });
      return { ok: true, language: pack.language, clips: decoded.length };
    },
  };
}
export type ClipStore = ReturnType<typeof createClipStore>;
