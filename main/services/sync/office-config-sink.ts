import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue } from '../../../shared/domain/procedure.ts';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import { validateOfficeProfile } from '../../../shared/domain/profile-validation.ts';
import type { Logger } from '../logger.ts';
import type { OfficeConfigSink } from './sync-service.ts';

export interface OfficeConfigFilesOptions {
  /** Where the hosts look for the installed profile: dataDirLayout(dataDir).officeProfile. */
  profileFile: string;
  /** Kept beside it; the hosts load it at the next start (main/services/catalogue.ts). */
  catalogueFile: string;
  /** The catalogue the hosts load at start, which a saved profile must match. */
  currentCatalogue: Catalogue;
  /** The profile the kiosk runs now, which a saved catalogue must keep valid. */
  currentProfile?: OfficeProfile;
  logger: Logger;
}

async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(value, null, 2) + '\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}

/**
 * Saves the profile and catalogue the office published, for the next start, only as a
 * pair the kiosk accepts: the profile passes the validation the hosts apply at start
 * (shared/domain/profile-validation.ts) against the catalogue it will start with. A
 * catalogue that would leave the next start's profile invalid is not kept (it is kept
 * with the profile when a pull brings both and they fit); a profile that does not fit
 * the catalogue is not kept. The start itself falls back to the last pair that worked
 * (main/services/startup-config.ts) should the files still disagree.
 */
export function createOfficeConfigFiles(options: OfficeConfigFilesOptions): OfficeConfigSink {
  // What the next start will load: the pair running now, or the files just saved.
  let nextStartCatalogue = options.currentCatalogue;
  let nextStartProfile = options.currentProfile ?? null;
  return {
    async saveProfile(profile: OfficeProfile, catalogue: Catalogue | null) {
      const pairCatalogue = catalogue ?? nextStartCatalogue;
      const result = validateOfficeProfile(profile, pairCatalogue);
      if (!result.ok) {
        options.logger.warn('sync-profile-refused', { errors: result.errors.slice(0, 20) });
        return false;
      }
      if (pairCatalogue !== nextStartCatalogue) {
        await writeJsonAtomic(options.catalogueFile, pairCatalogue);
        nextStartCatalogue = pairCatalogue;
      }
      await writeJsonAtomic(options.profileFile, result.profile);
      nextStartProfile = result.profile;
      return true;
    },
    async saveCatalogue(catalogue: Catalogue) {
      if (nextStartProfile) {
        const result = validateOfficeProfile(nextStartProfile, catalogue);
        if (!result.ok) {
          options.logger.warn('sync-catalogue-refused', { errors: result.errors.slice(0, 20) });
          return false;
        }
      }
      await writeJsonAtomic(options.catalogueFile, catalogue);
      nextStartCatalogue = catalogue;
      return true;
    },
  };
}
