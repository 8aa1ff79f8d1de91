import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOffice, type OfficeConfig, type RunningOffice } from '../server.ts';
import { createEnrolmentCode } from '../sync/enrol.ts';
import { EnrolAnswerSchema } from '../../shared/contracts/sync.ts';
import { createPinnedFetch } from '../../main/services/sync/pinned-fetch.ts';
import { useCheapPasswordHashingForTests } from '../auth/passwords.ts';

export const ADMIN_PASSWORD = 'admin-test-password';

/**
 * An office on 127.0.0.1, random port, temporary SQLite data dir (unless a config says
 * otherwise). Tests of the office's own routes talk plain HTTP through the explicit
 * development switch; kiosk↔office tests ask for HTTPS (`tls: { mode: 'generated' }`) and
 * pin its certificate, as a kiosk does.
 */
export async function testOffice(
  over: Partial<OfficeConfig> = {},
): Promise<RunningOffice & { dataDir: string; cleanup(): Promise<void> }> {
  useCheapPasswordHashingForTests();
  // A PostgreSQL config has no data dir; SQLite gets a temporary one unless the caller gave it.
  const ownDir = !over.dataDir && !over.databaseUrl;
  const dataDir = over.dataDir || (ownDir ? mkdtempSync(join(tmpdir(), 'office-http-')) : '');
  const office = await startOffice({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    officeName: 'UBND xã Thử nghiệm',
    log: () => {},
    tls: { mode: 'insecure-http' },
    ...over,
  });
  return {
    ...office,
    dataDir,
    async cleanup() {
      await office.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Enrols a kiosk the way the dashboard + kiosk settings do; returns its token. */
export async function enrol(
  office: RunningOffice,
  name = 'Kiosk sảnh',
  /** EnrolRequest.firstSeq (absent, as from an older kiosk, when not given). */
  firstSeq?: number,
): Promise<{ kioskId: string; token: string }> {
  const admin = await office.database.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const code = await createEnrolmentCode(office.database.db, Number(admin.id), Date.now());
  const res = await officeFetch(office)(`${office.url}/api/sync/enrol`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ protocol: 1, code, deviceName: name, appVersion: '0.1.0', firstSeq }),
  });
  if (res.status !== 200) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
  const answer = EnrolAnswerSchema.parse(await res.json());
  return { kioskId: answer.kioskId, token: answer.token };
}

/**
 * fetch for this office: the global one on plain HTTP, else one that accepts exactly the
 * office's certificate (as a kiosk does). Its connections close when the process ends.
 */
export function officeFetch(office: Pick<RunningOffice, 'certificate'>): typeof fetch {
  const certificate = office.certificate;
  if (!certificate) return fetch;
  return createPinnedFetch({ pins: () => ({ pinned: certificate.fingerprint, next: null }) }).fetch;
}
