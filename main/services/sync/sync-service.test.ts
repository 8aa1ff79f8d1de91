import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { SyncTransport, TransportFailure } from '../sync-transport.ts';
import { createDeviceIdentityStore } from './device-identity-store.ts';
import { createSyncService } from './sync-service.ts';
import { createPlainFileCipher } from './token-cipher.ts';

const KIOSK = '0b0b5f7e-5a7c-4d33-9a57-9f0a2b1c3d4e';
const HASH = 'b'.repeat(64);
const fail = (
  kind: TransportFailure['kind'],
  extra: Partial<TransportFailure> = {},
): { ok: false; failure: TransportFailure } => ({
  ok: false,
  failure: { kind, reasons: [kind], retryable: true, ...extra },
});

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function setup(transport: Partial<SyncTransport>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sync-service-'));
  dirs.push(dir);
  const store = createDeviceIdentityStore({ dir, cipher: createPlainFileCipher() });
  await store.saveEnrolment({
    kioskId: KIOSK,
    officeUrl: 'http://office',
    officeName: 'UBND',
    token: `${KIOSK}.secret-secret-secret-secret`,
    at: new Date(),
  });
  const full: SyncTransport = {
    health: async () => ({
      ok: true,
      value: { service: 'commune-office', protocol: 1, time: new Date().toISOString() },
    }),
    enrol: async () => fail('network'),
    push: async () => fail('network'),
    pull: async () => fail('network'),
    attachmentState: async () => fail('network'),
    putChunk: async () => fail('network'),
    ...transport,
  };
  const service = createSyncService({
    store,
    appVersion: '1.0.0',
    deviceName: 'test',
    logger: createMemoryLogger().logger,
    createTransport: () => full,
    connectivity: { setTimer: () => null, clearTimer: () => undefined },
  });
  return { service, store };
}

const item = { kind: 'dossier' as const, id: KIOSK, seq: 1, hash: HASH, payload: {} };

describe('sync service (fake transport)', () => {
  it('maps transport failures to bridge failures, with Retry-After', async () => {
    for (const [kind, expected] of [
      ['network', 'offline'],
      ['timeout', 'offline'],
      ['invalid-answer', 'invalid-response'],
      ['server', 'server-error'],
      ['rejected', 'rejected'],
    ] as const) {
      const { service } = await setup({ push: async () => fail(kind) });
      expect(await service.push({ items: [item], waiting: 1 })).toMatchObject({
        ok: false,
        failure: expected,
      });
      service.close();
    }
    const { service } = await setup({ push: async () => fail('rate-limited', { retryAfterMs: 1500.4 }) });
    expect(await service.push({ items: [item], waiting: 1 })).toEqual({
      ok: false,
      failure: 'rate-limited',
      reasons: ['rate-limited'],
      retryAfterMs: 1500,
    });
    service.close();
  });

  it('a failure never sets needsReEnrolment unless the office said 401/403', async () => {
    const { service, store } = await setup({ push: async () => fail('server') });
    await service.push({ items: [item], waiting: 1 });
    expect((await store.state()).needsReEnrolment).toBe(false);
    service.close();
  });

  it('runs one push at a time', async () => {
    let active = 0;
    let most = 0;
    const { service } = await setup({
      push: async () => {
        active++;
        most = Math.max(most, active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        return fail('server');
      },
    });
    await Promise.all([1, 2, 3].map(() => service.push({ items: [item], waiting: 1 })));
    expect(most).toBe(1);
    service.close();
  });

  it('answers not-enrolled before enrolment without calling the office', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sync-service-'));
    dirs.push(dir);
    let called = false;
    const service = createSyncService({
      store: createDeviceIdentityStore({ dir, cipher: createPlainFileCipher() }),
      appVersion: '1',
      deviceName: 't',
      logger: createMemoryLogger().logger,
      createTransport: () => {
        called = true;
        throw new Error('no transport expected');
      },
      suggestedOfficeUrl: 'http://10.0.0.5:5180',
    });
    expect(await service.push({ items: [item], waiting: 1 })).toMatchObject({
      ok: false,
      failure: 'not-enrolled',
    });
    expect(await service.status()).toMatchObject({
      enrolled: false,
      officeUrl: 'http://10.0.0.5:5180',
      online: false,
    });
    expect(called).toBe(false);
  });
});
