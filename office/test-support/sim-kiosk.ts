import { createSyncTransport, withRetry, type SyncTransport } from '../../main/services/sync-transport.ts';
import { isAcknowledged, SYNC_PROTOCOL, type PushItem } from '../../shared/contracts/sync.ts';

/**
 * A kiosk's outbox drained through the real main-process transport: items leave the
 * outbox only on an answer that acknowledges their id and hash. Stands in for the
 * renderer's Dexie sync engine in the office's fault tests.
 */
export class SimulatedKiosk {
  readonly outbox = new Map<string, PushItem>();
  readonly refused: { item: PushItem; outcome: string }[] = [];
  attempts = 0;
  failures = 0;
  readonly transport: SyncTransport;

  constructor(
    baseUrl: string,
    token: string,
    items: PushItem[],
    private readonly batchSize = 200,
    timeoutMs = 1500,
  ) {
    for (const i of items) this.outbox.set(i.id, i);
    this.transport = createSyncTransport({ baseUrl, getToken: () => token, timeoutMs });
  }

  /** Drains until the outbox is empty or the deadline passes. */
  async drain(deadline: number): Promise<void> {
    while (this.outbox.size > 0 && Date.now() < deadline) {
      const batch = [...this.outbox.values()].sort((a, b) => a.seq - b.seq).slice(0, this.batchSize);
      const result = await withRetry(
        () => {
          this.attempts++;
          return this.transport.push({
            protocol: SYNC_PROTOCOL,
            appVersion: '0.1.0-test',
            waiting: this.outbox.size,
            items: batch,
          });
        },
        // Short base and cap: the test's office comes back within a second.
        {
          policy: { baseMs: 50, capMs: 800, maxAttempts: 1000 },
          onRetry: () => this.failures++,
          signal: AbortSignal.timeout(Math.max(0, deadline - Date.now())),
        },
      );
      if (!result.ok) {
        if (!result.failure.retryable)
          throw new Error(`kiosk stopped: ${result.failure.kind} ${result.failure.reasons.join('; ')}`);
        continue;
      }
      result.value.results.forEach((r, i) => {
        const item = batch[i]!;
        if (isAcknowledged(item, r)) this.outbox.delete(item.id);
        else {
          this.refused.push({ item, outcome: r.outcome });
          this.outbox.delete(item.id);
        }
      });
    }
  }
}
