/**
 * The kiosk's sync engine: drains the Dexie outbox to the office through the main
 * process (which holds the token and talks HTTP), pulls the office's status changes,
 * uploads attachment bytes. One cycle at a time (a lock: the timer, the "sync now"
 * button and the OS "online" event share the cycle in flight); nothing about a cycle
 * is persisted, so a reload or crash mid-push leaves items simply `pending`, and the
 * resend is answered `duplicate`.
 *
 * Items leave the outbox only through recordPushResults, which marks an item sent
 * only on an answer that echoes its id and hash as stored/duplicate (isAcknowledged).
 * Failures of the whole push back off with full jitter and a cap; a 4xx other than
 * 429 is not retried blindly: the batch is split to find the item the office refuses,
 * and that item goes to `refused` with the office's reason for staff to see. A batch
 * that keeps failing with 5xx is halved until the one item that fails it stands alone.
 */
import type {
  BridgeInput,
  BridgeMethod,
  BridgeOutput,
  SyncFailure,
  SyncStatus,
} from '../../../shared/contracts/bridge.ts';
import { SYNC_BRIDGE_CHUNK_BYTES } from '../../../shared/contracts/bridge.ts';
import { SYNC_LIMITS, type PushItem, type PushResult } from '../../../shared/contracts/sync.ts';
import type { AttachmentRow, OutboxRow } from '../../db/db.ts';
import {
  recordOfficeStatus,
  outboxPayloadBytes,
  outboxPending,
  outboxPendingCount,
  outboxPendingDossierCount,
  outboxRefusedCount,
  recordPushFailure,
  recordPushResults,
  toPushItems,
  attachmentBytes,
} from '../dossier/index.ts';
import { dbOf, nowOf, type DataContext } from '../../db/context.ts';
import { getMeta, putMeta } from '../../db/meta.ts';
import { retryDelay } from './backoff.ts';
import { uploadAttachment, type AttachmentChannel } from './attachment-upload.ts';

export interface SyncBridge {
  invoke<M extends BridgeMethod>(method: M, input: BridgeInput<M>): Promise<BridgeOutput<M>>;
}

export interface SyncEngineDeps {
  bridge: SyncBridge;
  /** Database and clock (tests pass their own). */
  ctx?: DataContext;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /**
   * Items per push (the protocol allows up to 200). 100 halves the round trips and fsyncs of a
   * drain against 50 (BENCHMARKS.md, office section) while a failed push on a poor link
   * still resends at most ~200 KB of typical dossiers.
   */
  batchSize?: number;
  /** JSON bytes per push, under the protocol's 4 MiB body limit with room for the envelope. */
  maxBatchBytes?: number;
}

export type SyncProblem = SyncFailure['failure'] | 'bridge';

export interface SyncEngineState {
  /** The last status main reported (enrolment, online, last success). */
  status: SyncStatus | null;
  /** Outbox items waiting for the office (dossiers, ratings, attachment metadata). */
  waiting: number;
  /** Of those, the dossiers: what the status shows as "hồ sơ chờ gửi". */
  waitingDossiers: number;
  /** Items the office refused (invalid/conflict), kept for staff. */
  refused: number;
  running: boolean;
  /** Why the last cycle stopped early, if it did. */
  problem: SyncProblem | null;
  problemReasons: string[];
  consecutiveFailures: number;
  /** When the next cycle is planned (ISO), for the status panel. */
  nextRunAt: string | null;
  /** A newer office profile main saved this session: it applies at the next start. */
  profileSaved: string | null;
}

export interface SyncEngine {
  start(): void;
  stop(): void;
  /** Runs a cycle now, or joins the one in flight. */
  syncNow(): Promise<void>;
  getState(): SyncEngineState;
  subscribe(listener: (state: SyncEngineState) => void): () => void;
}

export const META_STATUS_CURSOR = 'sync.statusCursor';
export const META_LAST_PULL_AS_OF = 'sync.lastPullAsOf';
const MAX_PUSH_ROUNDS = 25;
/** A batch whose items already failed this many times with 5xx is halved on the next. */
const SPLIT_AFTER_SERVER_FAILURES = 2;
const MAX_PULL_PAGES = 20;
/** Two: while one upload waits for its answer (a round trip), the other keeps the uplink busy. */
export const ATTACHMENT_UPLOADS_AT_ONCE = 2;
const ATTACHMENT_PAGE = 8;
const ATTACHMENT_BUDGET_MS = 60_000;
/** Items per push by default (the protocol allows up to 200); see SyncEngineDeps.batchSize. */
export const DEFAULT_PUSH_BATCH = 100;
/** Two: while one push waits for its answer, the next batch is on the wire. */
export const PUSHES_AT_ONCE = 2;
const MIN_DELAY_MS = 500;
const FALLBACK_TIMING: SyncStatus['timing'] = { baseMs: 2_000, capMs: 5 * 60_000, idleMs: 30_000 };

type Failed = { ok: false; failure: SyncProblem; reasons: string[]; retryAfterMs?: number };
type StepResult = { ok: true } | Failed;

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const ctx = deps.ctx ?? {};
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const batchSize = Math.min(deps.batchSize ?? DEFAULT_PUSH_BATCH, SYNC_LIMITS.maxBatchItems);
  const maxBatchBytes = deps.maxBatchBytes ?? SYNC_LIMITS.maxJsonBodyBytes - 256 * 1024;
  const now = () => nowOf(ctx);

  let state: SyncEngineState = {
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
  const listeners = new Set<(s: SyncEngineState) => void>();
  let inFlight: Promise<void> | null = null;
  let timer: unknown = null;
  let started = false;
  /** The last attachment upload stopped at its time budget with attachments left. */
  let attachmentsLeft = false;

  const set = (patch: Partial<SyncEngineState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l(state));
  };
  const timing = () => state.status?.timing ?? FALLBACK_TIMING;
  const delayAfterFailure = (retryAfterMs?: number) =>
    Math.max(MIN_DELAY_MS, retryDelay(state.consecutiveFailures, timing(), random, retryAfterMs));

  async function call<M extends BridgeMethod>(
    method: M,
    input: BridgeInput<M>,
  ): Promise<BridgeOutput<M> | Failed> {
    try {
      return await deps.bridge.invoke(method, input);
    } catch (error) {
      return {
        ok: false,
        failure: 'bridge',
        reasons: [error instanceof Error ? error.message : String(error)],
      };
    }
  }

  async function refreshCounts(): Promise<void> {
    const [waiting, waitingDossiers, refused] = await Promise.all([
      outboxPendingCount(ctx),
      outboxPendingDossierCount(ctx),
      outboxRefusedCount(ctx),
    ]);
    set({ waiting, waitingDossiers, refused });
  }

  /** Takes pending rows in seq order while they fit in one request body; `taken` rows were looked at. */
  function fitBatch(rows: readonly OutboxRow[]): {
    batch: OutboxRow[];
    tooLarge: OutboxRow[];
    taken: number;
  } {
    const batch: OutboxRow[] = [];
    const tooLarge: OutboxRow[] = [];
    let bytes = 0;
    let taken = 0;
    for (const row of rows) {
      const size = outboxPayloadBytes(row) + 300;
      if (size > maxBatchBytes) {
        tooLarge.push(row);
        taken++;
        continue;
      }
      if (bytes + size > maxBatchBytes) break;
      bytes += size;
      batch.push(row);
      taken++;
    }
    return { batch, tooLarge, taken };
  }

  /** Marks items refused locally, with the reason staff will read (never retried automatically). */
  async function refuse(items: readonly Pick<PushItem, 'id' | 'hash'>[], reason: string): Promise<void> {
    const results: PushResult[] = items.map((i) => ({
      outcome: 'invalid',
      id: i.id,
      hash: i.hash,
      reasons: [reason],
    }));
    await recordPushResults(items, results, now(), ctx);
  }

  async function pushItems(
    items: PushItem[],
    rows: readonly OutboxRow[],
    splitting = false,
    waiting = state.waiting,
  ): Promise<StepResult> {
    const rowsOf = (part: readonly PushItem[]) => {
      const ids = new Set(part.map((i) => i.id));
      return rows.filter((r) => ids.has(r.id));
    };
    const answer = await call('syncPush', { items, waiting });
    if (answer.ok) {
      const attempts = Math.min(...rows.map((r) => r.attempts));
      const retryAt = new Date(
        now().getTime() + Math.max(MIN_DELAY_MS, retryDelay(attempts, timing(), random)),
      );
      await recordPushResults(items, answer.results, retryAt, ctx);
      return { ok: true };
    }
    if (answer.failure === 'rejected') {
      if (items.length === 1) {
        await refuse(items, `office refused: ${answer.reasons.join('; ') || 'bad request'}`);
        return { ok: true };
      }
      // Which item does the office refuse? Send them one by one; the others go through.
      for (const item of items) {
        const single = await pushItems([item], rowsOf([item]));
        if (!single.ok) return single;
      }
      return { ok: true };
    }
    if (
      answer.failure !== 'unauthorized' &&
      answer.failure !== 'revoked' &&
      answer.failure !== 'not-enrolled'
    ) {
      const retryAt = new Date(now().getTime() + delayAfterFailure(answer.retryAfterMs));
      await recordPushFailure(
        items.map((i) => i.id),
        `${answer.failure}: ${answer.reasons.join('; ')}`.slice(0, 500),
        retryAt,
        ctx,
      );
    }
    if (
      answer.failure === 'server-error' &&
      items.length > 1 &&
      (splitting || Math.min(...rows.map((r) => r.attempts)) >= SPLIT_AFTER_SERVER_FAILURES)
    )
      return bisect(items, rowsOf);
    return answer;
  }

  /**
   * A batch that keeps failing with 5xx may hold one item the office cannot handle (a
   * bug there, a value its database refuses): halve it until that item stands alone,
   * so its batch-mates go through and only it waits (with backoff) for staff. When a
   * half of two or more fails whole, the office itself is failing: stop there, so an
   * office that is down costs about log2(batch) requests, not one per item.
   */
  async function bisect(
    items: PushItem[],
    rowsOf: (part: readonly PushItem[]) => OutboxRow[],
  ): Promise<StepResult> {
    const half = Math.ceil(items.length / 2);
    const left = items.slice(0, half);
    const right = items.slice(half);
    const first = await pushItems(left, rowsOf(left), true);
    if (!first.ok && (left.length > 1 || first.failure !== 'server-error')) return first;
    const second = await pushItems(right, rowsOf(right), true);
    return first.ok ? { ok: true } : second;
  }

  /**
   * Due when its backoff has passed, or when its retry time lies further ahead than any
   * backoff could put it: the kiosk's clock was set back (or an item was written under a
   * wrong clock), and such an item must not wait for that date.
   */
  function isDue(row: OutboxRow): boolean {
    const at = Date.parse(row.nextAttemptAt);
    const t = now().getTime();
    return !(at > t) || at > t + timing().capMs;
  }

  /**
   * PUSHES_AT_ONCE batches in flight: on a slow link a push spends most of its time
   * waiting for the answer (a round trip and the office's commit) with the uplink idle,
   * so the next batch goes meanwhile. `waiting` for a later batch counts the outbox as it
   * will be once the batches ahead of it are answered.
   */
  async function pushAll(): Promise<StepResult> {
    for (let round = 0; round < MAX_PUSH_ROUNDS; round++) {
      const rows = (await outboxPending(batchSize * PUSHES_AT_ONCE, {}, ctx)).filter(isDue);
      if (rows.length === 0) return { ok: true };
      const batches: OutboxRow[][] = [];
      let rest: readonly OutboxRow[] = rows;
      while (rest.length > 0 && batches.length < PUSHES_AT_ONCE) {
        const { batch, tooLarge, taken } = fitBatch(rest.slice(0, batchSize));
        if (tooLarge.length) await refuse(toPushItems(tooLarge), 'too large to send to the office');
        if (batch.length) batches.push(batch);
        if (taken === 0) break;
        rest = rest.slice(taken);
      }
      if (batches.length === 0) continue;
      let ahead = 0;
      // Answered items leave the due set (sent, refused, or retried later), so this ends.
      const results = await Promise.all(
        batches.map((batch) => {
          const waiting = Math.max(0, state.waiting - ahead);
          ahead += batch.length;
          return pushItems(toPushItems(batch), batch, false, waiting);
        }),
      );
      const failed = results.find((r) => !r.ok);
      if (failed) return failed;
      await refreshCounts();
    }
    return { ok: true };
  }

  async function pullAll(): Promise<StepResult> {
    const db = dbOf(ctx);
    let cursor = (await getMeta<string | null>(db, META_STATUS_CURSOR)) ?? null;
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const answer = await call('syncPull', { cursor, lookupCodes: [] });
      if (!answer.ok) return answer;
      for (const s of answer.statuses)
        await recordOfficeStatus(
          s.dossierId,
          { status: s.status, reason: s.reason, changedAt: s.changedAt },
          ctx,
        );
      cursor = answer.nextCursor;
      // The cursor advances only after the statuses it covers were written.
      await putMeta(db, META_STATUS_CURSOR, cursor);
      await putMeta(db, META_LAST_PULL_AS_OF, answer.asOf);
      if (answer.profileSaved) set({ profileSaved: answer.profileSaved });
      if (!answer.more) break;
    }
    return { ok: true };
  }

  /**
   * Bytes of attachments the office does not have yet, ATTACHMENT_UPLOADS_AT_ONCE at a
   * time so the uplink carries one while the other waits for its answer, until none is
   * left or ATTACHMENT_BUDGET_MS has passed (then the next cycle follows at once, so new
   * dossiers are not held behind a long queue of photos). Only attachments whose
   * attachment-meta the office acknowledged: it takes bytes for announced hashes only.
   */
  async function uploadAttachments(): Promise<StepResult> {
    const db = dbOf(ctx);
    const started = performance.now();
    attachmentsLeft = false;
    const taken = new Set<string>();
    let queue: AttachmentRow[] = [];
    let stop: Failed | null = null;
    let picking = Promise.resolve<AttachmentRow | null>(null);
    const pick = async (): Promise<AttachmentRow | null> => {
      for (;;) {
        if (stop) return null;
        if (performance.now() - started > ATTACHMENT_BUDGET_MS) {
          attachmentsLeft = true;
          return null;
        }
        const row = queue.shift();
        if (row) return row;
        const page = await db.attachments
          .filter((a) => a.uploadedAt === null && !taken.has(a.id))
          .limit(ATTACHMENT_PAGE)
          .toArray();
        if (page.length === 0) return null;
        page.forEach((a) => taken.add(a.id));
        // The attachment's id is its attachment-meta item's: still in the outbox = not announced yet.
        const unannounced = await db.outbox.bulkGet(page.map((a) => a.id));
        queue = page.filter((_, i) => unannounced[i] === undefined);
      }
    };
    // One picker at a time, so two uploads never take the same attachment.
    const next = () => (picking = picking.then(pick, pick));
    const channel: AttachmentChannel = {
      state: async (hash) => call('syncAttachmentState', { hash }),
      put: async (hash, offset, total, chunk) =>
        call('syncUploadAttachmentChunk', { hash, offset, total, bytesBase64: toBase64(chunk) }),
    };
    const worker = async () => {
      for (let row = await next(); row; row = await next()) {
        const alreadyStarted = Boolean(row.uploadStartedAt);
        if (!alreadyStarted) await db.attachments.update(row.id, { uploadStartedAt: now().toISOString() });
        // Unsealed here, in memory only: the office receives the bytes that were hashed.
        const plain = await attachmentBytes(row, ctx);
        if (!plain) continue;
        const bytes = new Uint8Array(await plain.arrayBuffer());
        const outcome = await uploadAttachment(channel, row.hash, bytes, {
          started: alreadyStarted,
          chunkBytes: SYNC_BRIDGE_CHUNK_BYTES,
        });
        if (!outcome.ok) {
          stop ??= outcome as Failed;
          return;
        }
        if (outcome.complete) await db.attachments.update(row.id, { uploadedAt: now().toISOString() });
      }
    };
    await Promise.all(Array.from({ length: ATTACHMENT_UPLOADS_AT_ONCE }, worker));
    return stop ?? { ok: true };
  }

  function schedule(ms: number): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (!started) return;
    set({ nextRunAt: new Date(now().getTime() + ms).toISOString() });
    timer = setTimer(() => {
      timer = null;
      void engine.syncNow();
    }, ms);
  }

  async function failedCycle(failure: Failed): Promise<void> {
    const auth = failure.failure === 'unauthorized' || failure.failure === 'revoked';
    if (auth) {
      // Main has flagged "needs re-enrolment"; show it. Nothing in the outbox changes.
      const status = await call('syncStatus', { probe: false });
      if (!('ok' in status)) set({ status });
    }
    // The same attempt number as the items' retry time, so the cycle wakes when they are due.
    const delay = auth ? timing().idleMs : delayAfterFailure(failure.retryAfterMs);
    set({
      problem: failure.failure,
      problemReasons: failure.reasons,
      consecutiveFailures: state.consecutiveFailures + 1,
    });
    schedule(delay);
  }

  async function cycle(): Promise<void> {
    set({ running: true });
    try {
      await refreshCounts();
      // Offline, ask main to probe the office now (the probe, not navigator.onLine, decides).
      const status = await call('syncStatus', { probe: !state.status?.online });
      if ('ok' in status) return failedCycle(status);
      set({ status });
      if (!status.enrolled || status.needsReEnrolment) {
        set({ problem: null, problemReasons: [] });
        return schedule(status.timing.idleMs);
      }
      if (!status.online) return failedCycle({ ok: false, failure: 'offline', reasons: [] });
      for (const step of [pushAll, pullAll, uploadAttachments]) {
        const result = await step();
        if (!result.ok) return failedCycle(result);
      }
      const after = await call('syncStatus', { probe: false });
      set({
        ...('ok' in after ? {} : { status: after }),
        problem: null,
        problemReasons: [],
        consecutiveFailures: 0,
      });
      await refreshCounts();
      schedule(await nextDueDelay(status.timing.idleMs));
    } finally {
      set({ running: false });
    }
  }

  /** Sooner than the idle poll when a pending item's backoff ends first. */
  async function nextDueDelay(idleMs: number): Promise<number> {
    if (attachmentsLeft) return MIN_DELAY_MS;
    const [next] = await outboxPending(1, {}, ctx);
    if (!next) return idleMs;
    const due = Date.parse(next.nextAttemptAt) - now().getTime();
    return Math.min(idleMs, Math.max(MIN_DELAY_MS, due));
  }

  const engine: SyncEngine = {
    start() {
      if (started) return;
      started = true;
      void engine.syncNow();
    },
    stop() {
      started = false;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    syncNow() {
      inFlight ??= cycle()
        .catch((error: unknown) => {
          // A database or programming error: keep the loop alive and say why.
          set({
            problem: 'bridge',
            problemReasons: [String(error)],
            consecutiveFailures: state.consecutiveFailures + 1,
          });
          schedule(delayAfterFailure());
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return engine;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
