import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeContract } from '../../../shared/contracts/bridge.ts';
import { OfficeProfileSchema } from '../../../shared/domain/office-profile.ts';
import type { Catalogue } from '../../../shared/domain/procedure.ts';
import { validProfile } from '../../test-support/fixtures.ts';
import { createBridgeHandlers } from '../bridge-handlers.ts';
import { createKioskServices } from '../kiosk-services.ts';
import { createMemoryLogger } from '../logger.ts';
import { createOfficerPinService } from './officer-pin.ts';
import { createSetupCodeCheck } from './setup-code.ts';

const CODE = '73914062';

async function kioskBridge(setupCode: string | undefined) {
  const raw = validProfile();
  raw.kiosk = { ...raw.kiosk, ...(setupCode ? { setupCode } : {}) };
  const profile = OfficeProfileSchema.parse(raw);
  const check = await createSetupCodeCheck(profile.kiosk.setupCode);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'setup-code-')), 'officer-pin.json');
  return createBridgeHandlers(
    createKioskServices({
      profile,
      catalogue: { version: 't', procedures: [] } as unknown as Catalogue,
      appVersion: 'test',
      host: 'headless',
      setupCode: check,
      officer: createOfficerPinService({ file, setupCode: check, iterations: 100_000 }),
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
    // The first officer PIN needs it, compared in main.
    expect(await dispatcher.invoke('officerPinSet', { newPin: '258046', setupCode: '000000' })).toEqual({
      ok: true,
      value: { ok: false, reason: 'wrong-setup-code' },
    });
    const set = await dispatcher.invoke('officerPinSet', { newPin: '258046', setupCode: CODE });
    expect(set).toMatchObject({ ok: true, value: { ok: true } });
    expect(JSON.stringify(set)).not.toContain(CODE);
  });

  it('answers setupCodeRequired false, and no reset by code, for a profile without a code', async () => {
    const dispatcher = await kioskBridge(undefined);
    expect(await dispatcher.invoke('getKioskConfig', {})).toMatchObject({
      ok: true,
      value: { setupCodeRequired: false },
    });
    expect(await dispatcher.invoke('officerPinReset', { newPin: '604817', setupCode: CODE })).toEqual({
      ok: true,
      value: { ok: false, reason: 'no-setup-code' },
    });
  });
});
