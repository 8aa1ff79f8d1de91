// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { sendEarly, takeEarly } from './early-call.ts';
import { createBridgeClient } from './client.ts';
import { testProfile } from '../../shared/domain/test-support.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';

const config = { profile: testProfile(), catalogue: CATALOGUE, appVersion: '1.0.0', host: 'headless' };

describe('early bridge calls', () => {
  it('hands the answer already on its way to the client, once, and asks the host again after', async () => {
    const early = vi.fn(async () => ({ ok: true, value: config }));
    sendEarly('getKioskConfig', {}, early);
    const later = vi.fn(async () => ({ ok: true, value: { ...config, appVersion: '2.0.0' } }));
    const client = createBridgeClient(later, takeEarly);

    expect((await client.invoke('getKioskConfig', {})).appVersion).toBe('1.0.0');
    expect(early).toHaveBeenCalledTimes(1);
    expect(later).not.toHaveBeenCalled();
    // A retry (the error screen's button) is a new call to the host.
    expect((await client.invoke('getKioskConfig', {})).appVersion).toBe('2.0.0');
  });

  it('validates an early answer like any other: a contract breach is refused', async () => {
    sendEarly('getKioskConfig', {}, async () => ({ ok: true, value: { ...config, host: 'somewhere' } }));
    const client = createBridgeClient(async () => ({ ok: true, value: config }), takeEarly);
    await expect(client.invoke('getKioskConfig', {})).rejects.toMatchObject({ code: 'bridge-bad-output' });
  });

  it('reports an early call that failed as the host being unreachable, and does not reuse it', async () => {
    sendEarly('getKioskConfig', {}, async () => {
      throw new TypeError('Failed to fetch');
    });
    const client = createBridgeClient(async () => ({ ok: true, value: config }), takeEarly);
    await expect(client.invoke('getKioskConfig', {})).rejects.toMatchObject({ code: 'bridge-unreachable' });
    expect((await client.invoke('getKioskConfig', {})).appVersion).toBe('1.0.0');
  });

  it('is only taken by the same method with the same input', () => {
    sendEarly('getKioskConfig', {}, async () => ({ ok: true, value: config }));
    expect(takeEarly('speechStatus', {})).toBeUndefined();
    expect(takeEarly('getKioskConfig', { other: 1 })).toBeUndefined();
    expect(takeEarly('getKioskConfig', {})).toBeInstanceOf(Promise);
    expect(takeEarly('getKioskConfig', {})).toBeUndefined();
  });
});
