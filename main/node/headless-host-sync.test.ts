import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testOffice } from '../../office/test-support/office.ts';
import { createEnrolmentCode } from '../../office/sync/enrol.ts';
import { canonicalJson } from '../../shared/contracts/canonical-json.ts';
import { fakeRendererBuild, tempDir, validProfile, writeProfile } from '../test-support/fixtures.ts';
import { startHeadlessHost, type HeadlessHost } from './headless-host.ts';
import { redeemLaunch } from '../test-support/bridge-cookie.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
let office: Office;
const distDir = fakeRendererBuild();
const profilePath = writeProfile(tempDir('host-sync'), validProfile());
const dataDir = tempDir('host-sync-data');
const timing = { baseMs: 100, capMs: 2000, idleMs: 1000 };

beforeAll(async () => {
  office = await testOffice({ tls: { mode: 'generated' } });
}, 60_000);
afterAll(async () => office?.cleanup());

const bridge = async (host: HeadlessHost, method: string, input: unknown) =>
  (await (
    await fetch(`${host.url}bridge/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: await redeemLaunch(host.launchUrl()) },
      body: JSON.stringify(input),
    })
  ).json()) as { ok: boolean; value: Record<string, unknown> };

describe('headless host sync options', () => {
  let kioskId: unknown;

  it('enrols at start with officeUrl + enrolmentCode + certificate fingerprint and hands the timing to the renderer', async () => {
    const admin = await office.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    const code = await createEnrolmentCode(office.database.db, Number(admin.id), Date.now());
    const host = await startHeadlessHost({
      port: 0,
      profilePath,
      distDir,
      dataDir,
      sync: {
        officeUrl: office.url,
        enrolmentCode: code,
        officeCertificateSha256: office.certificate!.fingerprint,
        timing,
        probeIntervalMs: 500,
      },
    });
    try {
      const status = await bridge(host, 'syncStatus', { probe: true });
      expect(status).toMatchObject({
        ok: true,
        value: {
          enrolled: true,
          online: true,
          timing,
          officeCertificate: { pinned: office.certificate!.fingerprint, next: null },
        },
      });
      kioskId = status.value.kioskId;
      expect(host.dataDir).toBe(dataDir);

      // A push bigger than the bridge's default 1 MiB body limit still reaches the office.
      const payload = { id: randomUUID(), note: 'x'.repeat(1_500_000) };
      const item = {
        kind: 'dossier',
        id: payload.id,
        seq: 1,
        hash: createHash('sha256').update(canonicalJson(payload)).digest('hex'),
        payload,
      };
      const pushed = await bridge(host, 'syncPush', { items: [item], waiting: 1 });
      expect(pushed).toMatchObject({ ok: true, value: { ok: true, results: [{ outcome: 'invalid' }] } });
    } finally {
      await host.close();
    }
  });

  it('a restart over the same data folder keeps the enrolment', async () => {
    const host = await startHeadlessHost({ port: 0, profilePath, distDir, dataDir });
    try {
      const status = await bridge(host, 'syncStatus', {});
      expect(status.value).toMatchObject({ enrolled: true, kioskId, needsReEnrolment: false });
    } finally {
      await host.close();
    }
  });

  it('officeUrl alone only suggests the address', async () => {
    const host = await startHeadlessHost({
      port: 0,
      profilePath,
      distDir,
      sync: { officeUrl: 'https://10.0.0.5:5180' },
    });
    try {
      expect((await bridge(host, 'syncStatus', {})).value).toMatchObject({
        enrolled: false,
        officeUrl: 'https://10.0.0.5:5180',
      });
    } finally {
      await host.close();
    }
  });
});
