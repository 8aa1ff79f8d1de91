import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { bridgeContract } from '../../shared/contracts/bridge.ts';
import { OfficeProfileSchema, type OfficeProfile } from '../../shared/domain/office-profile.ts';
import { validProfile } from '../test-support/fixtures.ts';
import { BridgeFailure, createBridgeHandlers, type BridgeImplementation } from './bridge-handlers.ts';
import { createKioskServices } from './kiosk-services.ts';
import { createMemoryLogger } from './logger.ts';

const profile: OfficeProfile = OfficeProfileSchema.parse(validProfile());

function setup(implementation?: BridgeImplementation) {
  const { logger, records } = createMemoryLogger();
  const impl =
    implementation ??
    createKioskServices({ profile, catalogue: CATALOGUE, appVersion: '1.2.3', host: 'headless' });
  return { dispatcher: createBridgeHandlers(impl, { logger }), records };
}

describe('bridge handlers', () => {
  it('answers getKioskConfig with a value that satisfies the contract', async () => {
    const { dispatcher } = setup();
    const response = await dispatcher.invoke('getKioskConfig', {});
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const value = bridgeContract.getKioskConfig.output.parse(response.value);
    expect(value.host).toBe('headless');
    expect(value.appVersion).toBe('1.2.3');
    expect(value.profile.office.communeCode).toBe('00565');
    expect(value.catalogue.procedures.length).toBe(CATALOGUE.procedures.length);
  });

  it('treats a missing input as the empty object', async () => {
    const { dispatcher } = setup();
    expect((await dispatcher.invoke('getKioskConfig', undefined)).ok).toBe(true);
  });

  it('rejects input that fails the contract schema with invalid-input and the issues', async () => {
    const { dispatcher } = setup();
    for (const bad of ['text', 42, [1, 2], null]) {
      const response = await dispatcher.invoke('getKioskConfig', bad === null ? 'null' : bad);
      expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (response.ok) continue;
      expect(Array.isArray(response.error.details)).toBe(true);
    }
  });

  it('rejects unknown methods, including inherited object keys', async () => {
    const { dispatcher } = setup();
    for (const method of ['deleteEverything', 'toString', '__proto__', 'constructor', '']) {
      expect(await dispatcher.invoke(method, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown-method' },
      });
    }
  });

  it('never lets an invalid output reach the renderer', async () => {
    const broken = {
      getKioskConfig: () => ({
        profile: { nope: true },
        catalogue: CATALOGUE,
        appVersion: '1',
        host: 'headless',
      }),
    };
    const { dispatcher, records } = setup(broken as unknown as BridgeImplementation);
    const response = await dispatcher.invoke('getKioskConfig', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-output' } });
    expect(records.some((r) => r.level === 'error' && r.event === 'bridge-invalid-output')).toBe(true);
  });

  it('passes an expected failure through with its code and hides internal errors', async () => {
    const failing = {
      getKioskConfig: () => {
        throw new BridgeFailure('printer-offline', 'No printer', { printer: 'EPSON' });
      },
    } as unknown as BridgeImplementation;
    expect(await setup(failing).dispatcher.invoke('getKioskConfig', {})).toEqual({
      ok: false,
      error: { code: 'printer-offline', message: 'No printer', details: { printer: 'EPSON' } },
    });

    const crashing = {
      getKioskConfig: async () => {
        throw new Error('secret path /home/kiosk/.ssh');
      },
    } as unknown as BridgeImplementation;
    const { dispatcher, records } = setup(crashing);
    const response = await dispatcher.invoke('getKioskConfig', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(response)).not.toContain('secret');
    expect(records.some((r) => r.event === 'bridge-internal-error')).toBe(true);
  });
});
