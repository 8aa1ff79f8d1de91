import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { bridgeContract } from '../../../shared/contracts/bridge.ts';
import { OfficeProfileSchema } from '../../../shared/domain/office-profile.ts';
import { validProfile } from '../../test-support/fixtures.ts';
import { createBridgeHandlers } from '../bridge-handlers.ts';
import { createKioskServices } from '../kiosk-services.ts';
import { createMemoryLogger } from '../logger.ts';
import { DEFAULT_SYNC_TIMING, type SyncService } from './sync-service.ts';
import { EMPTY_DEVICE_STATE } from './device-identity-store.ts';

const HASH = 'a'.repeat(64);
const ID = '6f1c1b1e-9a55-4c0e-8a3e-2b7d8c9e0f11';

function fakeSync(calls: unknown[]): SyncService {
  return {
    identity: { state: async () => EMPTY_DEVICE_STATE, token: async () => null },
    enrol: async (input) => (calls.push(['enrol', input]), { ok: true, kioskId: ID, officeName: 'UBND' }),
    push: async (input) => (
      calls.push(['push', input]),
      {
        ok: true,
        results: [{ outcome: 'stored', id: ID, hash: HASH, officeReceivedAt: '2026-11-24T02:00:00.000Z' }],
      }
    ),
    pull: async () => ({ ok: false, failure: 'revoked', reasons: ['revoked'] }),
    status: async () => ({
      enrolled: true,
      kioskId: ID,
      officeUrl: 'http://10.0.0.5:5180',
      officeName: 'UBND',
      online: true,
      lastProbeAt: null,
      lastSuccessAt: null,
      needsReEnrolment: false,
      tokenProtection: 'file-0600',
      timing: DEFAULT_SYNC_TIMING,
    }),
    attachmentState: async () => ({ ok: false, failure: 'offline', reasons: [] }),
    uploadChunk: async (input) => (
      calls.push(['chunk', Buffer.from(input.bytes).toString()]),
      {
        ok: true,
        state: { protocol: 1, kind: 'attachment-state', hash: HASH, received: 3, total: 3, complete: true },
      }
    ),
    start: async () => undefined,
    close: () => undefined,
  };
}

function setup(withSync = true) {
  const calls: unknown[] = [];
  const dispatcher = createBridgeHandlers(
    createKioskServices({
      profile: OfficeProfileSchema.parse(validProfile()),
      catalogue: CATALOGUE,
      appVersion: '1.0.0',
      host: 'headless',
      ...(withSync ? { sync: fakeSync(calls) } : {}),
    }),
    { logger: createMemoryLogger().logger },
  );
  return { dispatcher, calls };
}

describe('sync bridge methods', () => {
  it('pass validated input to the sync service and validated answers back', async () => {
    const { dispatcher, calls } = setup();
    const item = { kind: 'dossier', id: ID, seq: 1, hash: HASH, payload: { any: 'thing' } };
    const pushed = await dispatcher.invoke('syncPush', { items: [item], waiting: 4 });
    expect(pushed).toMatchObject({ ok: true, value: { ok: true, results: [{ outcome: 'stored' }] } });
    expect(calls[0]).toEqual(['push', { items: [item], waiting: 4 }]);
    const status = await dispatcher.invoke('syncStatus', {});
    expect(status.ok && bridgeContract.syncStatus.output.parse(status.value).enrolled).toBe(true);
    expect(await dispatcher.invoke('syncPull', { cursor: null })).toMatchObject({
      ok: true,
      value: { ok: false, failure: 'revoked' },
    });
  });

  it('refuse push items that are not protocol items before they reach main', async () => {
    const { dispatcher, calls } = setup();
    for (const items of [
      [{ kind: 'dossier', id: ID, seq: 1, hash: 'not-a-hash', payload: {} }],
      [{ kind: 'letter', id: ID, seq: 1, hash: HASH, payload: {} }],
      [],
    ]) {
      expect(await dispatcher.invoke('syncPush', { items, waiting: 0 })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('decode attachment chunks from base64', async () => {
    const { dispatcher, calls } = setup();
    const result = await dispatcher.invoke('syncUploadAttachmentChunk', {
      hash: HASH,
      offset: 0,
      total: 3,
      bytesBase64: Buffer.from('abc').toString('base64'),
    });
    expect(result).toMatchObject({ ok: true, value: { ok: true, state: { complete: true } } });
    expect(calls).toEqual([['chunk', 'abc']]);
  });

  it('answer sync-unavailable on a host without a sync service', async () => {
    const { dispatcher } = setup(false);
    expect(await dispatcher.invoke('syncStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'sync-unavailable' },
    });
  });
});
