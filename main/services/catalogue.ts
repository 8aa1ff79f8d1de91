import path from 'node:path';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { CatalogueSchema, type Catalogue } from '../../shared/domain/procedure.ts';
import type { Logger } from './logger.ts';

/** The catalogue the kiosk ships with. */
export function defaultCatalogue(): Catalogue {
  return CATALOGUE;
}

/** Where a catalogue the office published is kept for the next start. */
export function officeCatalogueFile(dataDir: string): string {
  return path.join(dataDir, 'office-catalogue.json');
}

export interface LoadedCatalogue {
  catalogue: Catalogue;
  source: 'office' | 'shipped';
}

/**
 * The catalogue a host starts with: the one the office published (so an office can change
 * fees or portal links and every kiosk follows), else the shipped one. A missing or damaged
 * office file never stops the kiosk: it falls back to the shipped catalogue and says so in the log.
 */
export async function loadCatalogue(options: {
  file: string;
  readFile: (file: string) => Promise<string>;
  logger: Logger;
}): Promise<LoadedCatalogue> {
  let text: string;
  try {
    text = await options.readFile(options.file);
  } catch {
    return { catalogue: defaultCatalogue(), source: 'shipped' };
  }
  try {
    const parsed = CatalogueSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { catalogue: parsed.data, source: 'office' };
    options.logger.warn('office-catalogue-invalid', {
      file: options.file,
      issues: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  } catch (error) {
    options.logger.warn('office-catalogue-unreadable', { file: options.file, error: String(error) });
  }
  return { catalogue: defaultCatalogue(), source: 'shipped' };
}
