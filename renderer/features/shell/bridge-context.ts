import { createContext, useContext } from 'react';
import type { BridgeClient } from '../../bridge/client.ts';

/** The bridge client the App was given, for screens that call main (printing). */
export const BridgeContext = createContext<BridgeClient | null>(null);

export function useBridge(): BridgeClient {
  const client = useContext(BridgeContext);
  if (!client) throw new Error('useBridge outside <App>');
  return client;
}
