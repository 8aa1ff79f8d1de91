/**
 * What the look-up needs from the office connection, through the main-process bridge:
 * when the office last answered this kiosk's status pull, and a live look-up of one code
 * with its receipt QR's check part (any kiosk of the office; a receipt printed elsewhere). Both give up quietly: the
 * look-up always works offline from the kiosk's own copy.
 */
import type { DossierStatusInfo } from '../../../shared/contracts/sync.ts';
import type { BridgeClient } from '../../bridge/client.ts';
import type { DataContext } from '../../db/context.ts';
import { lastStatusPullAsOf, statusPullCursor } from '../sync/lazy.ts';

export interface RemoteStatus {
  info: DossierStatusInfo;
  /** The office's clock when it answered. */
  asOf: string;
}

export interface OfficeLink {
  lastPullAt(): Promise<string | null>;
  /** `key`: the receipt QR's check part, without which the office answers nothing. */
  lookUp(code: string, key: string): Promise<RemoteStatus | null>;
}

/** A look-up the office does not answer within this is abandoned (poor commune links). */
export const LIVE_LOOKUP_TIMEOUT_MS = 5_000;

function within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

export function bridgeOfficeLink(
  client: BridgeClient,
  timeoutMs = LIVE_LOOKUP_TIMEOUT_MS,
  ctx: DataContext = {},
): OfficeLink {
  return {
    async lastPullAt() {
      return lastStatusPullAsOf(ctx);
    },
    lookUp(code, key) {
      const ask = async (): Promise<RemoteStatus | null> => {
        const status = await client.invoke('syncStatus', { probe: false });
        if (!status.enrolled || status.needsReEnrolment || !status.online) return null;
        // With the engine's cursor, the status page that comes with the answer is the small
        // one the engine fetches next anyway (it is left to the engine, which owns the cursor).
        const cursor = await statusPullCursor(ctx);
        const answer = await client.invoke('syncPull', { cursor, lookupRefs: [{ code, key }] });
        if (!answer.ok) return null;
        const info = answer.lookups.find((l) => l.code === code);
        return info ? { info, asOf: answer.asOf } : null;
      };
      return within(timeoutMs, ask(), null);
    },
  };
}
