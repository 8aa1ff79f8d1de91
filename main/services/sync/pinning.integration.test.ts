/**
 * The pinned office over real HTTPS on 127.0.0.1: the kiosk's main-process sync service
 * enrols with the office's certificate fingerprint and then talks only to a server that
 * holds exactly that certificate (or the next one the office announced). An impostor
 * with another certificate on the office's address gets the TLS handshake and not one
 * byte of a request; a rotation announced through pull, then switched, keeps syncing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:tls';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, fetch as undiciFetch } from 'undici';
import { testOffice } from '../../../office/test-support/office.ts';
import { dossierPayload, item } from '../../../office/test-support/fixtures.ts';
import { createEnrolmentCode } from '../../../office/sync/enrol.ts';
import {
  certificateFingerprint,
  generateOfficeCertificate,
  prepareNextCertificate,
  switchToNextCertificate,
} from '../../../office/tls/certificates.ts';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { createMemoryLogger } from '../logger.ts';
import { createHostSync } from './host-sync.ts';
import type { SyncService } from './sync-service.ts';
import { createPlainFileCipher } from './token-cipher.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
let officeDir: string;
let kioskDir: string;
let port: number;
let office: Office | null = null;
let sync: SyncService;
let seq = 0;

const startTheOffice = async (atPort: number) =>
  (office = await testOffice({ dataDir: officeDir, port: atPort, tls: { mode: 'generated' } }));
const stopTheOffice = async () => {
  await office?.cleanup();
  office = null;
};
const pushOne = () => sync.push({ items: [item('dossier', dossierPayload(), ++seq)], waiting: 1 });
const storedDossiers = async (o: Office) =>
  Number(
    (
      await o.database.db
        .selectFrom('dossiers')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A TLS server with its own certificate that counts the bytes any client sends after the handshake. */
async function impostor(
  atPort: number,
): Promise<{ server: Server; handshakes: number; bytes: number; fingerprint: string }> {
  const pair = await generateOfficeCertificate(new Date());
  const state = {
    server: null as unknown as Server,
    handshakes: 0,
    bytes: 0,
    fingerprint: certificateFingerprint(pair.certPem),
  };
  // TLS 1.2: the server's side of the handshake completes before the client's, so every
  // connection the kiosk opened counts here even though it hangs up at once.
  state.server = createServer({ cert: pair.certPem, key: pair.keyPem, maxVersion: 'TLSv1.2' }, (socket) => {
    state.handshakes++;
    socket.on('data', (chunk: Buffer) => (state.bytes += chunk.length));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => state.server.listen(atPort, '127.0.0.1', resolve));
  return state;
}

beforeAll(async () => {
  officeDir = mkdtempSync(path.join(os.tmpdir(), 'office-pin-'));
  kioskDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-pin-'));
  const first = await startTheOffice(0);
  port = Number(new URL(first.url).port);
  const admin = await first.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
  sync = await createHostSync({
    dataDir: kioskDir,
    cipher: createPlainFileCipher(),
    catalogue: CATALOGUE,
    appVersion: '0.1.0-test',
    logger: createMemoryLogger().logger,
    officeUrl: first.url,
    officeCertificateSha256: first.certificate!.fingerprint,
    enrolmentCode: await createEnrolmentCode(first.database.db, Number(admin.id), Date.now()),
    requestTimeoutMs: 3000,
  });
}, 60_000);

afterAll(async () => {
  sync?.close();
  await stopTheOffice();
  rmSync(officeDir, { recursive: true, force: true });
  rmSync(kioskDir, { recursive: true, force: true });
});

describe('kiosk ↔ office over HTTPS with the certificate pinned at enrolment', () => {
  it('syncs with the office whose fingerprint it pinned', async () => {
    const status = await sync.status({ probe: true });
    expect(status).toMatchObject({
      enrolled: true,
      online: true,
      officeUrl: `https://127.0.0.1:${port}`,
      officeCertificate: { pinned: office!.certificate!.fingerprint, next: null },
      untrustedOffice: null,
    });
    expect(await pushOne()).toMatchObject({ ok: true, results: [{ outcome: 'stored' }] });
  });

  it('refuses a server with another certificate on the office address, sending it nothing, and says why', async () => {
    const pinned = office!.certificate!.fingerprint;
    await stopTheOffice();
    const fake = await impostor(port);
    try {
      const pushed = await pushOne();
      expect(pushed).toMatchObject({ ok: false, failure: 'untrusted-office' });
      expect(await sync.pull({ cursor: null, lookupCodes: ['H12.34-261121-0001'] })).toMatchObject({
        ok: false,
        failure: 'untrusted-office',
      });
      const status = await sync.status({ probe: true });
      expect(status).toMatchObject({
        online: false,
        needsReEnrolment: false,
        officeCertificate: { pinned, next: null },
        untrustedOffice: { reason: 'certificate-mismatch', presented: fake.fingerprint },
      });
      // It shook hands (so the kiosk saw its certificate) and got not one byte: no token, no dossier.
      expect(fake.handshakes).toBeGreaterThanOrEqual(3);
      expect(fake.bytes).toBe(0);
      // The counter does count: a client that does not pin sends its request to the impostor.
      const careless = new Agent({ connect: { rejectUnauthorized: false } });
      await undiciFetch(`https://127.0.0.1:${port}/api/health`, {
        dispatcher: careless,
        signal: AbortSignal.timeout(500),
      }).catch(() => undefined);
      await careless.destroy();
      expect(fake.bytes).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => fake.server.close(resolve));
    }
    // The real office is back: the same push goes through and the warning clears.
    const back = await startTheOffice(port);
    expect(await pushOne()).toMatchObject({ ok: true, results: [{ outcome: 'stored' }] });
    expect((await sync.status()).untrustedOffice).toBeNull();
    expect(await storedDossiers(back)).toBe(2);
  });

  it('learns the next certificate from pull, keeps syncing through the switch, and then pins it', async () => {
    const first = office!.certificate!.fingerprint;
    // Rotation, step 1: the office prepares its next certificate and announces it.
    const next = await prepareNextCertificate(officeDir, new Date());
    await stopTheOffice();
    await startTheOffice(port);
    expect(office!.certificate).toEqual({ fingerprint: first, nextFingerprint: next });
    expect(await sync.pull({ cursor: null, lookupCodes: [] })).toMatchObject({ ok: true });
    expect((await sync.status()).officeCertificate).toEqual({ pinned: first, next });
    expect(await pushOne()).toMatchObject({ ok: true });

    // Step 2: the office switches; the kiosk accepts the announced certificate and promotes it.
    expect(await switchToNextCertificate(officeDir)).toBe(next);
    await stopTheOffice();
    const switched = await startTheOffice(port);
    expect(switched.certificate).toEqual({ fingerprint: next, nextFingerprint: null });
    expect(await pushOne()).toMatchObject({ ok: true, results: [{ outcome: 'stored' }] });
    expect(await sync.pull({ cursor: null, lookupCodes: [] })).toMatchObject({ ok: true });
    const status = await sync.status({ probe: true });
    expect(status).toMatchObject({
      online: true,
      officeCertificate: { pinned: next, next: null },
      untrustedOffice: null,
    });
    expect(await storedDossiers(switched)).toBe(4);

    // A restarted kiosk keeps the promoted pin and goes on syncing.
    await stopTheOffice();
    const restart = createHostSync({
      dataDir: kioskDir,
      cipher: createPlainFileCipher(),
      catalogue: CATALOGUE,
      appVersion: '0.1.0-test',
      logger: createMemoryLogger().logger,
    });
    sync.close();
    sync = await restart;
    expect((await sync.status()).officeCertificate).toEqual({ pinned: next, next: null });
    await startTheOffice(port);
    expect(await pushOne()).toMatchObject({ ok: true });
  });
});
