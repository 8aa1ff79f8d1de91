import { createSyncTransport, withRetry, type SyncTransport } from '../../main/services/sync-transport.ts';
import {
  isAcknowledged,
  SYNC_PROTOCOL,
  type AttachmentState,
  type PushItem,
} from '../../shared/contracts/sync.ts';
import { uploadAttachment, type AttachmentChannel } from '../../renderer/features/sync/attachment-upload.ts';
import type { TransportResult } from '../../main/services/sync-transport.ts';

/**
 * A kiosk's outbox drained through the real main-process transport: items leave the
 * outbox only on an answer that acknowledges their id and hash; then its photos, with
 * the engine's own upload steps (renderer/features/sync/attachment-upload.ts), resumed
 * after every failure. Stands in for the renderer's Dexie sync engine in the office's
 * fault tests.
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

  /**
   * Uploads each photo until the office holds it whole, or the deadline passes. After a
   * failure the next attempt asks the office where to resume, as the engine does for an
   * upload it had started.
   */
  async uploadPhotos(
    photos: readonly { hash: string; bytes: Uint8Array }[],
    deadline: number,
    chunkBytes: number,
  ) {
    const answer = (r: TransportResult<AttachmentState>) =>
      r.ok
        ? { ok: true as const, state: r.value }
        : { ok: false as const, failure: r.failure.kind, reasons: r.failure.reasons };
    const channel: AttachmentChannel = {
      state: async (h) => answer(await this.transport.attachmentState(h)),
      put: async (h, o, t, c) => answer(await this.transport.putChunk(h, o, t, c)),
    };
    const uploaded: string[] = [];
    for (const photo of photos) {
      let started = false;
      while (Date.now() < deadline) {
        this.attempts++;
        const outcome = await uploadAttachment(channel, photo.hash, photo.bytes, { started, chunkBytes });
        started = true;
        if (outcome.ok && outcome.complete) {
          uploaded.push(photo.hash);
          break;
        }
        this.failures++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return uploaded;
  }
}
