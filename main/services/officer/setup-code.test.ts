import { describe, expect, it } from 'vitest';
import { bridgeContract } from '../../../shared/contracts/bridge.ts';
import { OfficeProfileSchema } from '../../../shared/domain/office-profile.ts';
import type { Catalogue } from '../../../shared/domain/procedure.ts';
import { validProfile } from '../../test-support/fixtures.ts';
import { createBridgeHandlers } from '../bridge-handlers.ts';
import { createKioskServices } from '../kiosk-services.ts';
import { createMemoryLogger } from '../logger.ts';
import { createSetupCodeCheck } from './setup-code.ts';

const CODE = '73914062';

async function kioskBridge(setupCode: string | undefined) {
  const raw = validProfile();
  raw.kiosk = { ...raw.kiosk, ...(setupCode ? { setupCode } : {}) };
  const profile = OfficeProfileSchema.parse(raw);
  return createBridgeHandlers(
    createKioskServices({
      profile,
      catalogue: { version: 't', procedures: [] } as unknown as Catalogue,
      appVersion: 'test',
      host: 'headless',
      setupCode: await createSetupCodeCheck(profile.kiosk.setupCode),
    }),
    { logger: createMemoryLogger().logger },
  );
}

describe('setup code kept in main', () => {
  it('matches the profile code only, and nothing without one', async () => {
    const check = await createSetupCodeCheck(CODE);
    expect(check.required).toBe(true);
    expect(await check.matches(CODE)).toBe(true);
    for (const wrong of ['73914063', '7391406', `${CODE}0`, '', ' 73914062'])
      expect(await check.matches(wrong), wrong).toBe(false);
    const none = await createSetupCodeCheck(undefined);
    expect(none.required).toBe(false);
    expect(await none.matches('')).toBe(false);
  });

  it('never sends the code over the bridge: the config says only that there is one', async () => {
    const dispatcher = await kioskBridge(CODE);
    const config = await dispatcher.invoke('getKioskConfig', {});
    expect(config).toMatchObject({ ok: true, value: { setupCodeRequired: true } });
    expect(JSON.stringify(config)).not.toContain(CODE);
    // No answer of any method, whatever it is asked, carries the code.
    for (const method of Object.keys(bridgeContract))
      expect(JSON.stringify(await dispatcher.invoke(method, {})), method).not.toContain(CODE);
    expect(await dispatcher.invoke('checkSetupCode', { code: CODE })).toEqual({
      ok: true,
      value: { matches: true },
    });
    expect(await dispatcher.invoke('checkSetupCode', { code: '000000' })).toEqual({
      ok: true,
      value: { matches: false },
    });
  });

  it('answers setupCodeRequired false, and no match, for a profile without a code', async () => {
    const dispatcher = await kioskBridge(undefined);
    expect(await dispatcher.invoke('getKioskConfig', {})).toMatchObject({
      ok: true,
      value: { setupCodeRequired: false },
    });
    expect(await dispatcher.invoke('checkSetupCode', { code: CODE })).toEqual({
      ok: true,
      value: { matches: false },
    });
  });
});
