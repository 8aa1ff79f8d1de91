import { create } from 'zustand';
import type { SyncBridge, SyncEngine, SyncEngineState } from './engine.ts';

interface SyncStore {
  state: SyncEngineState;
  engine: SyncEngine | null;
  /** Reads the status and counts directly (settings opened before the engine's first cycle). */
  refresh(bridge: SyncBridge): Promise<void>;
}

export const INITIAL_SYNC_STATE: SyncEngineState = {
  status: null,
  waiting: 0,
  waitingDossiers: 0,
  refused: 0,
  running: false,
  problem: null,
  problemReasons: [],
  consecutiveFailures: 0,
  nextRunAt: null,
  profileSaved: null,
};

/** UI state only: what the staff status shows. Nothing here is persisted. */
export const useSyncStore = create<SyncStore>((set, get) => ({
  state: INITIAL_SYNC_STATE,
  engine: null,
  async refresh(bridge) {
    // The stored dossiers' API (and IndexedDB) load on first use, after Today's first frame.
    const { outboxPendingCount, outboxPendingDossierCount, outboxRefusedCount } =
      await import('../dossier/index.ts');
    const [status, waiting, waitingDossiers, refused] = await Promise.all([
      bridge.invoke('syncStatus', { probe: false }),
      outboxPendingCount(),
      outboxPendingDossierCount(),
      outboxRefusedCount(),
    ]);
    set({ state: { ...get().state, status, waiting, waitingDossiers, refused } });
  },
}));

/** The shell's engine reports here; returns the detach function. */
export function attachSyncEngine(engine: SyncEngine): () => void {
  useSyncStore.setState({ engine, state: engine.getState() });
  const unsubscribe = engine.subscribe((state) => useSyncStore.setState({ state }));
  return () => {
    unsubscribe();
    if (useSyncStore.getState().engine === engine) useSyncStore.setState({ engine: null });
  };
}

/**
 * A new dossier was committed: send it now rather than at the next idle cycle, but only
 * while the office is known to be reachable and the engine is not backing off — a forced
 * cycle during an outage would only lengthen the backoff.
 */
export function nudgeSyncAfterSubmit(): void {
  const { engine, state } = useSyncStore.getState();
  if (!engine || state.running || state.problem !== null) return;
  if (!state.status?.enrolled || !state.status.online) return;
  void engine.syncNow();
}
