/** The serial scanner's settings as a small JSON file in the kiosk's data folder. */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SerialScannerSettingsSchema } from '../../../shared/contracts/serial-scanner.ts';
import type { SerialSettingsStore } from './serial-scanner-service.ts';

export function createSerialSettingsFile(file: string): SerialSettingsStore {
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      // A file edited by hand into something invalid is no scanner, not a crash.
      const parsed = SerialScannerSettingsSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    },
    async save(settings) {
      if (settings === null) {
        await rm(file, { force: true });
        return;
      }
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.tmp`;
      await writeFile(tmp, JSON.stringify(settings, null, 2));
      await rename(tmp, file);
    },
  };
}
