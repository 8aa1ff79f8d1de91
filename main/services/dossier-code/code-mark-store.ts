import { chmod, mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { DossierCodeStateSchema } from '../../../shared/contracts/bridge.ts';
import {
  INITIAL_DOSSIER_CODE_STATE,
  laterCodeState,
  type DossierCodeState,
} from '../../../shared/dossier/dossier-code.ts';

/**
 * The dossier code high-water mark, kept by main in the data folder (a file beside the
 * browser profile, not in it), so that a lost or reset browser profile does not make
 * the kiosk issue `…-0001` of a day again for another person. Only ever moves forward.
 */
export interface DossierCodeMarkStore {
  /** Records `state` if it is later than the mark; answers the mark. */
  mark(state?: DossierCodeState): Promise<DossierCodeState>;
}

export function createDossierCodeMarkStore(options: { file: string }): DossierCodeMarkStore {
  let queue: Promise<unknown> = Promise.resolve();
  async function read(): Promise<DossierCodeState> {
    try {
      const parsed = DossierCodeStateSchema.safeParse(JSON.parse(await readFile(options.file, 'utf8')));
      return parsed.success ? parsed.data : INITIAL_DOSSIER_CODE_STATE;
    } catch {
      return INITIAL_DOSSIER_CODE_STATE;
    }
  }
  async function write(state: DossierCodeState): Promise<void> {
    await mkdir(path.dirname(options.file), { recursive: true, mode: 0o700 });
    const tmp = `${options.file}.${process.pid}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(state) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(tmp, 0o600);
    await rename(tmp, options.file);
  }
  return {
    mark(state) {
      // Serialised: two submits recording at once must not let the earlier one win.
      const next = queue.then(async () => {
        const current = await read();
        if (!state) return current;
        const later = laterCodeState(current, state);
        if (later !== current) await write(later);
        return later;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
