/*
 * The sandboxed preload. Electron runs a sandboxed preload as CommonJS (it cannot load
 * ES modules) with a `require` that only knows 'electron' and a few Node built-ins, so:
 * - this file is `.cts`: tsc -p tsconfig.main.json (NodeNext) emits
 *   dist/main/electron/preload.cjs as CommonJS although the package is "type": "module";
 * - it imports nothing of ours at run time (the contract import is type-only and erased);
 * - it only forwards calls: the main process validates every input and output against
 *   the bridge contract (main/services/bridge-handlers.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeResponse, KioskBridgeGlobal } from '../../shared/contracts/bridge.ts';

// This launch's bridge secret (BRIDGE_SECRET_SWITCH in main/services/bridge-secret.ts): main
// passes it to this window only, and it stays here, out of the page's reach.
const SWITCH = '--kiosk-bridge-secret=';
const secret = process.argv.find((arg) => arg.startsWith(SWITCH))?.slice(SWITCH.length) ?? '';

const kiosk: KioskBridgeGlobal = {
  invoke: (method: string, input: unknown) =>
    ipcRenderer.invoke('bridge', secret, method, input) as Promise<BridgeResponse>,
};

contextBridge.exposeInMainWorld('kiosk', kiosk);
