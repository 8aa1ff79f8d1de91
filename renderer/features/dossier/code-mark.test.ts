import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridgeHandlers } from '../../../main/services/bridge-handlers.ts';
import { createDossierCodeMarkStore } from '../../../main/services/dossier-code/code-mark-store.ts';
import { createKioskServices } from '../../../main/services/kiosk-services.ts';
import { createMemoryLogger } from '../../../main/services/logger.ts';
import type { Catalogue } from '../../../shared/domain/procedure.ts';
import { createBridgeClient } from '../../bridge/client.ts';
import type { KioskDb } from '../../db/db.ts';
import { readCodeMark, recordCodeMark } from './code-mark.ts';
import { submitDossier } from './submit.ts';
import { dropDb, freshDb, profile, roomy, submitInput, vn } from './test-support.ts';

let dir: string;
let dbs: KioskDb[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'code-mark-'));
});
afterEach(async () => {
  for (const db of dbs) await dropDb(db);
  dbs = [];
  rmSync(dir, { recursive: true, force: true });
});

/** The renderer's bridge client wired to main's real handlers and mark store (no Electron, no HTTP). */
function mainBridge() {
  const file = path.join(dir, 'dossier-code-mark.json');
  const dispatcher = createBridgeHandlers(
    createKioskServices({
      profile,
      catalogue: { procedures: [] } as unknown as Catalogue,
      appVersion: 'test',
      host: 'headless',
      codeMark: createDossierCodeMarkStore({ file }),
    }),
    { logger: createMemoryLogger().logger },
  );
  return { file, client: createBridgeClient((method, input) => dispatcher.invoke(method, input)) };
}

async function submitOn(db: KioskDb, client: ReturnType<typeof mainBridge>['client'] | null, at: string) {
  const codeMark = client ? await readCodeMark(client) : null;
  const result = await submitDossier(submitInput(vn(at), { codeMark }), { db, space: roomy });
  if (!result.ok) throw new Error(result.reason);
  if (client && result.codeState) await recordCodeMark(result.codeState, client);
  return result.dossier.code;
}

describe('dossier code high-water mark in main', () => {
  it('a kiosk whose browser profile was lost carries on after its last code, never reissuing one', async () => {
    const { client, file } = mainBridge();
    const first = freshDb();
    dbs.push(first);
    expect(await submitOn(first, client, '2026-11-30 09:00')).toMatch(/-261130-0001$/);
    expect(await submitOn(first, client, '2026-11-30 09:05')).toMatch(/-261130-0002$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // The browser profile is gone (a new IndexedDB); the data folder is not.
    const lost = freshDb();
    dbs.push(lost);
    expect(await submitOn(lost, client, '2026-11-30 09:10')).toMatch(/-261130-0003$/);
    // Without main's mark the same kiosk would have issued -0001 again: the defect this prevents.
    const unguarded = freshDb();
    dbs.push(unguarded);
    expect(await submitOn(unguarded, null, '2026-11-30 09:15')).toMatch(/-261130-0001$/);
  });

  it('keeps the later mark whatever order the records arrive in, and a new day starts at 0001', async () => {
    const { client } = mainBridge();
    await client.invoke('dossierCodeMark', { record: { lastDate: '2026-11-30', lastSeq: 7 } });
    await client.invoke('dossierCodeMark', { record: { lastDate: '2026-11-30', lastSeq: 3 } });
    await client.invoke('dossierCodeMark', { record: { lastDate: '2026-11-29', lastSeq: 40 } });
    expect(await readCodeMark(client)).toEqual({ lastDate: '2026-11-30', lastSeq: 7 });
    const db = freshDb();
    dbs.push(db);
    expect(await submitOn(db, client, '2026-12-01 08:00')).toMatch(/-261201-0001$/);
  });
});
