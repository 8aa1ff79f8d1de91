import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { OfficeProfileSchema } from '../../../shared/domain/office-profile.ts';
import { validProfile } from '../../test-support/fixtures.ts';
import { createBridgeHandlers } from '../bridge-handlers.ts';
import { createKioskServices } from '../kiosk-services.ts';
import { createMemoryLogger } from '../logger.ts';
import { createDeviceIdentityStore } from '../sync/device-identity-store.ts';
import { createSyncService } from '../sync/sync-service.ts';
import { createPlainFileCipher } from '../sync/token-cipher.ts';
import { createOfficerPinService, OFFICER_SESSION_MS } from './officer-pin.ts';
import { createSetupCodeCheck } from './setup-code.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'officer-main-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function officer(setupCode?: string) {
  let t = Date.parse('2026-11-24T02:00:00Z');
  const file = path.join(dir, 'officer-pin.json');
  const service = createOfficerPinService({
    file,
    setupCode: await createSetupCodeCheck(setupCode),
    now: () => new Date(t),
    iterations: 100_000,
  });
  return { service, file, advance: (ms: number) => (t += ms) };
}

describe('officer PIN in main', () => {
  it('keeps only a salted hash, owner-only, and fails closed on a damaged file', async () => {
    const { service, file } = await officer();
    await service.set({ newPin: '482915' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('482915');
    writeFileSync(file, '{"pin":');
    await expect(service.verify('482915')).rejects.toThrow();
    await expect(service.state()).rejects.toThrow();
  });

  it('locks for longer after each run of 5 failures', async () => {
    const { service, advance } = await officer();
    await service.set({ newPin: '482915' });
    const lockFor = async () => {
      let last;
      for (let i = 0; i < 5; i++) last = await service.verify('000001');
      expect(last).toMatchObject({ reason: 'locked' });
      return Date.parse((last as { lockedUntil: string }).lockedUntil);
    };
    const start = Date.parse('2026-11-24T02:00:00Z');
    expect(await lockFor()).toBe(start + 5 * 60_000);
    advance(5 * 60_000);
    expect(await lockFor()).toBe(start + 5 * 60_000 + 15 * 60_000);
  });

  it('opens sessions that end after their time', async () => {
    const { service, advance } = await officer();
    const set = await service.set({ newPin: '482915' });
    const verified = await service.verify('482915');
    if (!set.ok || !verified.ok) throw new Error('expected sessions');
    expect(service.sessionValid(verified.session)).toBe(true);
    expect(service.sessionValid(set.session)).toBe(true);
    for (const wrong of [undefined, '', 'guess', `${verified.session}x`])
      expect(service.sessionValid(wrong)).toBe(false);
    advance(OFFICER_SESSION_MS);
    expect(service.sessionValid(verified.session)).toBe(false);
  });
});

describe('re-enrolling an enrolled kiosk', () => {
  async function enrolledKiosk() {
    const store = createDeviceIdentityStore({ dir: path.join(dir, 'sync'), cipher: createPlainFileCipher() });
    await store.saveEnrolment({
      kioskId: '6f1c1b1e-9a55-4c0e-8a3e-2b7d8c9e0f11',
      officeUrl: 'https://10.0.0.5:5180',
      officeName: 'UBND xã',
      token: `6f1c1b1e-9a55-4c0e-8a3e-2b7d8c9e0f11.${'s'.repeat(43)}`,
      at: new Date('2026-11-20T02:00:00Z'),
      certificatePins: { pinned: 'a'.repeat(64), next: null },
    });
    const sync = createSyncService({
      store,
      appVersion: '1.0.0',
      deviceName: 'kiosk',
      logger: createMemoryLogger().logger,
      requestTimeoutMs: 2000,
    });
    const { service } = await officer();
    const dispatcher = createBridgeHandlers(
      createKioskServices({
        profile: OfficeProfileSchema.parse(validProfile()),
        catalogue: CATALOGUE,
        appVersion: '1.0.0',
        host: 'headless',
        sync,
        officer: service,
      }),
      { logger: createMemoryLogger().logger },
    );
    return { dispatcher, store, sync, service };
  }
  // Another office, as someone redirecting the kiosk's future dossiers would give.
  const elsewhere = {
    officeUrl: 'https://127.0.0.1:9',
    enrolmentCode: 'ABCD-2345',
    certificateSha256: 'b'.repeat(64),
  };

  it('is refused without an officer session from main, changing nothing', async () => {
    const { dispatcher, store, sync } = await enrolledKiosk();
    try {
      for (const officerSession of [undefined, 'made-up'])
        expect(
          await dispatcher.invoke('syncEnrol', {
            ...elsewhere,
            ...(officerSession ? { officerSession } : {}),
          }),
        ).toEqual({
          ok: true,
          value: { ok: false, reason: 'officer-required', message: expect.any(String) },
        });
      expect(await store.state()).toMatchObject({
        officeUrl: 'https://10.0.0.5:5180',
        officeName: 'UBND xã',
      });
    } finally {
      sync.close();
    }
  });

  it('goes ahead with the session a right PIN opened (here to an office that does not answer)', async () => {
    const { dispatcher, sync, service } = await enrolledKiosk();
    try {
      const opened = await service.set({ newPin: '482915' });
      if (!opened.ok) throw new Error('expected a session');
      const answer = await dispatcher.invoke('syncEnrol', { ...elsewhere, officerSession: opened.session });
      expect(answer).toMatchObject({ ok: true, value: { ok: false, reason: 'unreachable' } });
    } finally {
      sync.close();
    }
  });
});
