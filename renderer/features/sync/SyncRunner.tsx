import { useEffect } from 'react';
import { useBridge } from '../shell/index.ts';
import { createSyncEngine } from './engine.ts';
import { attachSyncEngine } from './store.ts';

/**
 * Runs the sync engine while the kiosk is up (registered as a shell overlay, so it
 * starts once the config has loaded). Renders nothing: the status shows in the top
 * bar (SyncBadge) and in the settings.
 */
export function SyncRunner() {
  const client = useBridge();
  useEffect(() => {
    const engine = createSyncEngine({ bridge: client });
    const detach = attachSyncEngine(engine);
    engine.start();
    // The OS flag is only a hint to try now; main's probe of the office decides.
    const onOnline = () => void engine.syncNow();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      engine.stop();
      detach();
    };
  }, [client]);
  return null;
}
