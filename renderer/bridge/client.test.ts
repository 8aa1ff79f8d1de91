// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeCallError, createBridgeClient } from './client.ts';
import { testProfile } from '../../shared/domain/test-support.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { bridgeContract } from '../../shared/contracts/bridge.ts';
import { bridgeStartContract } from '../../shared/contracts/bridge-start.ts';

const config = { profile: testProfile(), catalogue: CATALOGUE, appVersion: '1.0.0', host: 'electron' };

afterEach(() => {
  delete window.kiosk;
  vi.unstubAllGlobals();
});

describe('bridge client', () => {
  it('uses window.kiosk when the Electron preload provides it', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: config }));
    window.kiosk = { invoke };
    const out = await createBridgeClient().invoke('getKioskConfig', {});
    expect(invoke).toHaveBeenCalledWith('getKioskConfig', {});
    expect(out.profile.office.name).toBe(config.profile.office.name);
  });

  it('otherwise POSTs to ./bridge/<method> next to the page', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: config })));
    vi.stubGlobal('fetch', fetchMock);
    await createBridgeClient().invoke('getKioskConfig', {});
    expect(fetchMock).toHaveBeenCalledWith(
      './bridge/getKioskConfig',
      expect.objectContaining({ method: 'POST', body: '{}' }),
    );
  });

  it('rejects an output that breaks the contract', async () => {
    const client = createBridgeClient(async () => ({ ok: true, value: { ...config, host: 'somewhere' } }));
    await expect(client.invoke('getKioskConfig', {})).rejects.toMatchObject({ code: 'bridge-bad-output' });
  });

  it('passes the host error code through, and names an unreachable host', async () => {
    const failing = createBridgeClient(async () => ({
      ok: false,
      error: { code: 'profile-invalid', message: 'x' },
    }));
    await expect(failing.invoke('getKioskConfig', {})).rejects.toBeInstanceOf(BridgeCallError);
    await expect(failing.invoke('getKioskConfig', {})).rejects.toMatchObject({ code: 'profile-invalid' });
    const down = createBridgeClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(down.invoke('getKioskConfig', {})).rejects.toMatchObject({ code: 'bridge-unreachable' });
  });

  it('validates the other methods with the whole contract, loaded on their first call', async () => {
    const transport = vi.fn(async () => ({ ok: true, value: { enrolled: 'yes' } }));
    const client = createBridgeClient(transport);
    await expect(client.invoke('syncStatus', { probe: false })).rejects.toMatchObject({
      code: 'bridge-bad-output',
    });
    expect(transport).toHaveBeenCalledWith('syncStatus', { probe: false });
    transport.mockClear();
    // @ts-expect-error: an input the contract refuses never reaches the host
    await expect(client.invoke('syncStatus', { probe: 'yes' })).rejects.toThrow();
    expect(transport).not.toHaveBeenCalled();
  });

  it("the start contract is the whole contract's own entry, so both sides check the same schema", () => {
    for (const method of Object.keys(bridgeStartContract) as (keyof typeof bridgeStartContract)[])
      expect(bridgeContract[method]).toBe(bridgeStartContract[method]);
  });
});
