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
 * Saves the office profile the office published, for the next start. It passes the
 * same validation the hosts apply at start (shared/domain/profile-validation.ts), so a
 * published profile can never leave a kiosk that refuses to start.
 */
export function createOfficeConfigFiles(options: OfficeConfigFilesOptions): OfficeConfigSink {
  // The catalogue the next start will load: the one running now, or the one just saved.
  let nextStartCatalogue = options.currentCatalogue;
  return {
    async saveProfile(profile: OfficeProfile) {
      // Checked against the catalogue the next start loads: a profile naming procedures
      // that catalogue lacks would stop the kiosk.
      const result = validateOfficeProfile(profile, nextStartCatalogue);
      if (!result.ok) {
        options.logger.warn('sync-profile-refused', { errors: result.errors.slice(0, 20) });
        return false;
      }
      await writeJsonAtomic(options.profileFile, result.profile);
      return true;
    },
    async saveCatalogue(catalogue: Catalogue) {
      await writeJsonAtomic(options.catalogueFile, catalogue);
      nextStartCatalogue = catalogue;
      return true;
    },
  };
}
