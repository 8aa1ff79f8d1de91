import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { OfficeProfileSchema, type OfficeProfile } from '../../shared/domain/office-profile.ts';
import { CatalogueSchema, type Catalogue } from '../../shared/domain/procedure.ts';
import { validateOfficeProfile } from '../../shared/domain/profile-validation.ts';
import type { Logger } from './logger.ts';
import { loadCatalogue } from './catalogue.ts';
import { loadOfficeProfile, type ProfileLoadResult } from './profile-loader.ts';

const LastGoodSchema = z.object({ profile: OfficeProfileSchema, catalogue: CatalogueSchema });

export interface StartupConfigOptions {
  profileFile: string;
  catalogueFile: string;
  /** Where the pair the kiosk last started on is kept (dataDirLayout().lastGoodConfig); null: none. */
  lastGoodFile: string | null;
  readFile: (file: string) => Promise<string>;
  logger: Logger;
}

export type StartupConfig =
  | {
      ok: true;
      profile: OfficeProfile;
      catalogue: Catalogue;
      /** `last-good`: the newest pair failed and the kiosk starts on the one it last started on. */
      source: 'newest' | 'last-good';
    }
  | Extract<ProfileLoadResult, { ok: false }>;

/**
 * The profile and catalogue a host starts with. The newest pair (the office's catalogue
 * or the shipped one, and the profile file) is validated together; when it passes it is
 * also kept as the last good pair. When it fails — a profile naming a procedure the
 * catalogue dropped, a file cut short — the kiosk starts on the last good pair and logs
 * why, instead of refusing to start; only without one does it refuse.
 */
export async function loadStartupConfig(options: StartupConfigOptions): Promise<StartupConfig> {
  const { catalogue } = await loadCatalogue({
    file: options.catalogueFile,
    readFile: options.readFile,
    logger: options.logger,
  });
  const loaded = await loadOfficeProfile({
    file: options.profileFile,
    catalogue,
    readFile: options.readFile,
  });
  if (loaded.ok) {
    if (options.lastGoodFile) {
      try {
        await writeJsonAtomic(options.lastGoodFile, { profile: loaded.profile, catalogue });
      } catch (error) {
        options.logger.warn('last-good-config-not-saved', { error: String(error) });
      }
    }
    return { ok: true, profile: loaded.profile, catalogue, source: 'newest' };
  }
  const lastGood = options.lastGoodFile ? await readLastGood(options.lastGoodFile, options.readFile) : null;
  if (!lastGood) return loaded;
  options.logger.warn('profile-rejected-started-on-last-good', {
    file: loaded.file,
    problems: loaded.problems.slice(0, 20),
  });
  return { ok: true, ...lastGood, source: 'last-good' };
}

async function readLastGood(
  file: string,
  readFile: (file: string) => Promise<string>,
): Promise<{ profile: OfficeProfile; catalogue: Catalogue } | null> {
  try {
    const parsed = LastGoodSchema.safeParse(JSON.parse(await readFile(file)));
    if (!parsed.success) return null;
    // Kept only after it passed, but checked again: the validation may have grown since.
    const check = validateOfficeProfile(parsed.data.profile, parsed.data.catalogue);
    return check.ok ? { profile: check.profile, catalogue: parsed.data.catalogue } : null;
  } catch {
    return null;
  }
}

async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(value) + '\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}
