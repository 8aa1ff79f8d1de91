import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../shared/contracts/bridge.ts';
import type { SyncEngine, SyncEngineState } from './engine.ts';
import { INITIAL_SYNC_STATE, nudgeSyncAfterSubmit, useSyncStore } from './store.ts';

const online: SyncStatus = {
  enrolled: true,
  kioskId: 'k',
  officeUrl: 'http://127.0.0.1:5180/',
  officeName: 'UBND xã',
  online: true,
  lastProbeAt: null,
  lastSuccessAt: null,
  needsReEnrolment: false,
  tokenProtection: 'file-0600',
  timing: { baseMs: 2000, capMs: 300000, idleMs: 30000 },
};

function withEngine(state: Partial<SyncEngineState>) {
  const syncNow = vi.fn(async () => {});
  const engine = { syncNow } as unknown as SyncEngine;
  useSyncStore.setState({ engine, state: { ...INITIAL_SYNC_STATE, ...state } });
  return syncNow;
}

afterEach(() => useSyncStore.setState({ engine: null, state: INITIAL_SYNC_STATE }));

describe('nudgeSyncAfterSubmit', () => {
  it('sends a new dossier at once while the office is reachable', () => {
    const syncNow = withEngine({ status: online });
    nudgeSyncAfterSubmit();
    expect(syncNow).toHaveBeenCalledTimes(1);
  });

  it('leaves the engine alone when offline, backing off, busy or not enrolled', () => {
    for (const state of [
      { status: { ...online, online: false } },
      { status: online, problem: 'offline' as const },
      { status: online, running: true },
      { status: { ...online, enrolled: false } },
      { status: null },
    ]) {
      const syncNow = withEngine(state);
      nudgeSyncAfterSubmit();
      expect(syncNow).not.toHaveBeenCalled();
    }
  });

  it('does nothing before the engine has started', () => {
    useSyncStore.setState({ engine: null, state: { ...INITIAL_SYNC_STATE, status: online } });
    expect(() => nudgeSyncAfterSubmit()).not.toThrow();
  });
});
