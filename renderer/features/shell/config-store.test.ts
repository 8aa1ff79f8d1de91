import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBridgeClient } from '../../bridge/client.ts';
import { loadKioskConfig, useConfigStore } from './config-store.ts';
import { testProfile } from '../../../shared/domain/test-support.ts';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';

const config = { profile: testProfile(), catalogue: CATALOGUE, appVersion: '1.0.0', host: 'headless' };

beforeEach(() => useConfigStore.setState({ state: { status: 'loading' } }));

describe('kiosk configuration load', () => {
  it('asks the host once when the start and the App both load it', async () => {
    let answer!: (value: unknown) => void;
    const transport = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    const client = createBridgeClient(transport);
    const first = loadKioskConfig(client);
    const second = useConfigStore.getState().load(client);
    answer({ ok: true, value: config });
    await Promise.all([first, second]);
    expect(transport).toHaveBeenCalledTimes(1);
    expect(useConfigStore.getState().state.status).toBe('ready');
  });

  it('settles on a failure with its code, and a retry asks again', async () => {
    const transport = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'profile-invalid', message: 'x' } })
      .mockResolvedValueOnce({ ok: true, value: config });
    const client = createBridgeClient(transport);
    await loadKioskConfig(client);
    expect(useConfigStore.getState().state).toMatchObject({ status: 'error', code: 'profile-invalid' });
    await loadKioskConfig(client);
    expect(useConfigStore.getState().state.status).toBe('ready');
    expect(transport).toHaveBeenCalledTimes(2);
  });
});
