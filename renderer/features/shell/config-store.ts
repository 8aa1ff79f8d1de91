import { create } from 'zustand';
import type { BridgeOutput } from '../../../shared/contracts/bridge.ts';
import { BridgeCallError, type BridgeClient } from '../../bridge/client.ts';

export type KioskConfig = BridgeOutput<'getKioskConfig'>;

type ConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: KioskConfig }
  | { status: 'error'; code: string; message: string };

interface ConfigStore {
  state: ConfigState;
  load(client: BridgeClient): Promise<void>;
}

/** The load in flight, shared by main.tsx's start and the App's effect so the host is asked once. */
let inFlight: { client: BridgeClient; done: Promise<void> } | undefined;

export const useConfigStore = create<ConfigStore>((set) => ({
  state: { status: 'loading' },
  load: (client) => {
    if (inFlight?.client === client) return inFlight.done;
    set({ state: { status: 'loading' } });
    const done = (async () => {
      try {
        const config = await client.invoke('getKioskConfig', {});
        set({ state: { status: 'ready', config } });
      } catch (err) {
        const code = err instanceof BridgeCallError ? err.code : 'unknown';
        set({ state: { status: 'error', code, message: err instanceof Error ? err.message : String(err) } });
      } finally {
        inFlight = undefined;
      }
    })();
    inFlight = { client, done };
    return done;
  },
}));

/** Starts loading the configuration (or joins the load in flight); settles once it is ready or failed. */
export function loadKioskConfig(client: BridgeClient): Promise<void> {
  return useConfigStore.getState().load(client);
}

/** For screens rendered only once the config is ready. */
export function useKioskConfig(): KioskConfig {
  const state = useConfigStore((s) => s.state);
  if (state.status !== 'ready') throw new Error('kiosk config used before it loaded');
  return state.config;
}
