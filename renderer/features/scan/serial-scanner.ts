/**
 * Scans from the ID-card scanner in serial (COM) mode, which main reads: while a screen
 * listens, it long-polls main (serialScannerNext) and hands each scan to `onScan`, the
 * same handler a keyboard-mode burst goes to. Only scans made while listening arrive.
 */
import type { BridgeOutput } from '../../../shared/contracts/bridge.ts';
import { SERIAL_NEXT_MAX_WAIT_MS } from '../../../shared/contracts/serial-scanner.ts';
import { BridgeCallError, type BridgeClient } from '../../bridge/client.ts';

/** After a failed call (main restarting), the next try waits this long. */
const RETRY_MS = 3_000;
/** The host has no serial scanner at all: stop asking. */
const GIVE_UP = new Set(['serial-unavailable', 'unknown-method']);

/**
 * Listens until the returned stop is called (the screen closes). Stopping also tells main,
 * so the pending long poll ends at once instead of holding a connection for its full wait.
 */
export function installSerialScanner(client: BridgeClient, onScan: (text: string) => void): () => void {
  let live = true;
  const listener = crypto.randomUUID();
  let retry: ReturnType<typeof setTimeout> | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      retry = setTimeout(resolve, ms);
    });

  void (async () => {
    let cursor: number | null = null;
    while (live) {
      try {
        const after: number | null = cursor;
        const answer: BridgeOutput<'serialScannerNext'> = await client.invoke('serialScannerNext', {
          after,
          waitMs: after === null ? 0 : SERIAL_NEXT_MAX_WAIT_MS,
          listener,
        });
        if (!live) return;
        cursor = answer.cursor;
        for (const scan of answer.scans) onScan(scan);
      } catch (error) {
        if (!live || (error instanceof BridgeCallError && GIVE_UP.has(error.code))) return;
        await sleep(RETRY_MS);
      }
    }
  })();

  return () => {
    live = false;
    if (retry !== null) clearTimeout(retry);
    // Best effort: a host without a serial scanner (or a main restarting) has no wait to end.
    client.invoke('serialScannerCancel', { listener }).catch(() => undefined);
  };
}
