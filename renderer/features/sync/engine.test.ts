import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  BridgeInput,
  BridgeMethod,
  BridgeOutput,
  SyncStatus,
} from '../../../shared/contracts/bridge.ts';
import type { PushItem, PushResult } from '../../../shared/contracts/sync.ts';
import type { KioskDb } from '../../db/db.ts';
import { getMeta } from '../../db/meta.ts';
import { outboxPending, outboxPendingCount, outboxRefused } from '../dossier/outbox.ts';
import { submitDossier } from '../dossier/submit.ts';
import { dropDb, freshDb, roomy, submitInput, vn } from '../dossier/test-support.ts';
import { createSyncEngine, META_STATUS_CURSOR, type SyncEngine } from './engine.ts';

const timing = { baseMs: 1000, capMs: 60_000, idleMs: 30_000 };

type Mode = 'ok' | 'offline' | 'revoked' | 'server-error' | 'rate-limited';

/** The main process as the engine sees it: a tiny office that stores items once. */
class FakeMain {
  mode: Mode = 'ok';
  enrolled = true;
  online = true;
  needsReEnrolment = false;
  stored = new Map<string, string>();
  pushes: PushItem[][] = [];
  /** Item ids the office refuses at the request level (400): the whole batch is rejected. */
  rejectIds = new Set<string>();
  /** Item ids that make the office fail the whole push with a 5xx (a value it cannot handle). */
  crashIds = new Set<string>();
  statuses: { dossierId: string; code: string; status: 'processing'; reason: null; changedAt: string }[] = [];
  /** Lets a test hold a push open (a reload mid-push). */
  hold: Promise<void> | null = null;
  /** Rewrites answers (a broken or hostile answer that still parses). */
  tamper: ((r: PushResult) => PushResult) | null = null;

  status(): SyncStatus {
    return {
      enrolled: this.enrolled,
      kioskId: this.enrolled ? '11111111-2222-4333-8444-555555555555' : null,
      officeUrl: 'http://10.0.0.5:5180',
      officeName: 'UBND xã Thử',
      online: this.online,
      lastProbeAt: null,
      lastSuccessAt: null,
      needsReEnrolment: this.needsReEnrolment,
      tokenProtection: 'file-0600',
      timing,
    };
  }

  async invoke<M extends BridgeMethod>(method: M, input: BridgeInput<M>): Promise<BridgeOutput<M>> {
    return (await this.answer(method, input as never)) as BridgeOutput<M>;
  }

  private async answer(method: BridgeMethod, input: Record<string, unknown>): Promise<unknown> {
    if (method === 'syncStatus') return this.status();
    if (this.mode === 'revoked') {
      this.needsReEnrolment = true;
      return { ok: false, failure: 'revoked', reasons: ['this kiosk was revoked'] };
    }
    if (this.mode !== 'ok')
      return {
        ok: false,
        failure: this.mode,
        reasons: ['down'],
        ...(this.mode === 'rate-limited' ? { retryAfterMs: 20_000 } : {}),
      };
    if (method === 'syncPush') {
      const items = input.items as PushItem[];
      this.pushes.push(items);
      if (this.hold) await this.hold;
      if (items.some((i) => this.crashIds.has(i.id)))
        return { ok: false, failure: 'server-error', reasons: ['HTTP 500'] };
      if (items.some((i) => this.rejectIds.has(i.id)))
        return { ok: false, failure: 'rejected', reasons: ['items.0.payload: bad'] };
      const results = items.map((i): PushResult => {
        const had = this.stored.get(i.id);
        if (had === undefined) {
          this.stored.set(i.id, i.hash);
          return { outcome: 'stored', id: i.id, hash: i.hash, officeReceivedAt: '2026-11-24T02:00:00.000Z' };
        }
        return had === i.hash
          ? { outcome: 'duplicate', id: i.id, hash: i.hash, officeReceivedAt: '2026-11-24T02:00:00.000Z' }
          : { outcome: 'conflict', id: i.id, hash: i.hash, storedHash: had };
      });
      return { ok: true, results: this.tamper ? results.map(this.tamper) : results };
    }
    if (method === 'syncPull') {
      const after = Number(input.cursor ?? 0);
      const page = this.statuses.slice(after);
      return {
        ok: true,
        asOf: '2026-11-24T03:00:00.000Z',
        statuses: page,
        nextCursor: String(after + page.length),
        more: false,
        lookups: [],
        profileSaved: null,
        catalogueSaved: null,
      };
    }
    if (method === 'syncAttachmentState' || method === 'syncUploadAttachmentChunk')
      return this.attachment(method, input);
    throw new Error(`unexpected ${method}`);
  }

  /** Bytes received per hash; the office takes them only for a hash whose attachment-meta it stored. */
  received = new Map<string, number>();
  attachmentCalls: string[] = [];
  uploadsNow = 0;
  maxUploadsAtOnce = 0;

  private async attachment(method: BridgeMethod, input: Record<string, unknown>): Promise<unknown> {
    const hash = input.hash as string;
    this.attachmentCalls.push(`${method === 'syncAttachmentState' ? 'state' : 'put'} ${hash.slice(0, 6)}`);
    const announced = this.pushes
      .flat()
      .find((i) => i.kind === 'attachment-meta' && (i.payload as { hash: string }).hash === hash);
    const size = announced ? (announced.payload as { size: number }).size : 0;
    const state = () => ({
      protocol: 1 as const,
      kind: 'attachment-state' as const,
      hash,
      received: this.received.get(hash) ?? 0,
      total: size || null,
      complete: size > 0 && (this.received.get(hash) ?? 0) === size,
    });
    if (method === 'syncAttachmentState') return { ok: true, state: state() };
    if (!announced || !this.stored.has(announced.id))
      return { ok: false, failure: 'rejected', reasons: ['not announced'] };
    this.uploadsNow++;
    this.maxUploadsAtOnce = Math.max(this.maxUploadsAtOnce, this.uploadsNow);
    await new Promise((r) => setTimeout(r, 5));
    this.uploadsNow--;
    const bytes = atob(input.bytesBase64 as string).length;
    if (input.offset !== (this.received.get(hash) ?? 0))
      return { ok: false, failure: 'rejected', reasons: ['offset-mismatch'] };
    this.received.set(hash, (input.offset as number) + bytes);
    return { ok: true, state: state() };
  }
}

let db: KioskDb;
let clock: Date;
let main: FakeMain;
let timers: { fn: () => void; ms: number }[];

function engine(bridge: FakeMain = main): SyncEngine {
  return createSyncEngine({
    bridge,
    ctx: { db, now: () => clock },
    random: () => 0.5,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
    batchSize: 10,
  });
}

async function submit(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await submitDossier(submitInput(vn(`2026-11-24 09:${String(i).padStart(2, '0')}`)), {
      db,
      space: roomy,
    });
    if (!r.ok) throw new Error(r.reason);
    ids.push(r.dossier.id);
  }
  return ids;
}

/** Moves the clock to the last scheduled run and runs it. */
async function fireNext(e: SyncEngine): Promise<number> {
  const next = timers.pop();
  if (!next) throw new Error('nothing scheduled');
  clock = new Date(clock.getTime() + next.ms);
  timers = [];
  await e.syncNow();
  return next.ms;
}

beforeEach(() => {
  db = freshDb();
  clock = vn('2026-11-24 10:00');
  main = new FakeMain();
  timers = [];
});
afterEach(async () => dropDb(db));

describe('sync engine', () => {
  it('sends every pending item, marks them sent only on an echoing answer, and pulls statuses', async () => {
    const ids = await submit(12);
    main.statuses = [
      {
        dossierId: ids[0]!,
        code: 'x',
        status: 'processing',
        reason: null,
        changedAt: '2026-11-24T03:00:00.000Z',
      },
    ];
    const e = engine();
    e.start();
    await e.syncNow();
    expect(await outboxPendingCount({ db })).toBe(0);
    expect(main.stored.size).toBe(12);
    expect(main.pushes.map((b) => b.length)).toEqual([10, 2]);
    expect((await db.dossiers.get(ids[0]!))?.officeStatus).toEqual({
      status: 'processing',
      reason: null,
      changedAt: '2026-11-24T03:00:00.000Z',
    });
    expect(await getMeta(db, META_STATUS_CURSOR)).toBe('1');
    expect(e.getState()).toMatchObject({ waiting: 0, refused: 0, problem: null, consecutiveFailures: 0 });
    expect(timers.at(-1)?.ms).toBe(timing.idleMs);
  });

  it('uploads every announced attachment in one cycle, two at a time, none before the office has its attachment-meta', async () => {
    const photos = Array.from({ length: 7 }, (_, i) => {
      const text = `ảnh giấy tờ ${i}`;
      const bytes = new Blob([text], { type: 'image/jpeg' });
      return {
        bytes,
        hash: createHash('sha256').update(text).digest('hex'),
        mediaType: 'image/jpeg' as const,
        fileName: `anh-${i}.jpg`,
        size: bytes.size,
        width: 1600,
        height: 1200,
      };
    });
    const r = await submitDossier(submitInput(vn('2026-11-24 09:00'), { attachments: photos }), {
      db,
      space: roomy,
    });
    if (!r.ok) return expect.fail(r.reason);
    // The office refuses the batch holding the last photo's announcement: its bytes must wait.
    const lastMeta = (await outboxPending(10, {}, { db })).at(-1)!;
    main.rejectIds.add(lastMeta.id);
    await engine().syncNow();
    expect(main.received.size).toBe(6);
    expect(main.maxUploadsAtOnce).toBe(2);
    // Never tried before: sent at once, no state look-up; the unannounced one is not sent at all.
    expect(main.attachmentCalls.filter((c) => c.startsWith('state'))).toEqual([]);
    expect(main.attachmentCalls).toHaveLength(6);
    const rows = await db.attachments.toArray();
    expect(rows.filter((a) => a.uploadedAt !== null)).toHaveLength(6);
    const held = rows.find((a) => a.id === lastMeta.id)!;
    expect([held.uploadedAt, held.uploadStartedAt]).toEqual([null, undefined]);
  });

  it('keeps two batches in flight, the second telling the office the outbox as it will be after the first', async () => {
    await submit(25);
    const waiting: number[] = [];
    const invoke = main.invoke.bind(main);
    main.invoke = (async (method: BridgeMethod, input: BridgeInput<BridgeMethod>) => {
      if (method === 'syncPush') waiting.push((input as { waiting: number }).waiting);
      return invoke(method, input as never);
    }) as typeof main.invoke;
    let release!: () => void;
    main.hold = new Promise<void>((r) => (release = r));
    const e = engine();
    const cycle = e.syncNow();
    await vi.waitFor(() => expect(main.pushes).toHaveLength(2));
    // Both sent before either was answered.
    expect(main.pushes.map((b) => b.length)).toEqual([10, 10]);
    release();
    await cycle;
    expect(main.pushes.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(waiting).toEqual([25, 15, 5]);
    expect(await outboxPendingCount({ db })).toBe(0);
  });

  it('marks items the office already has (duplicate) as sent', async () => {
    const [id] = await submit(1);
    const [row] = await outboxPending(1, {}, { db });
    main.stored.set(id!, row!.hash!);
    await engine().syncNow();
    expect(await outboxPendingCount({ db })).toBe(0);
    expect((await db.dossiers.get(id!))?.acknowledgedAt).toBeTruthy();
  });

  it('keeps an item whose answer does not echo its hash', async () => {
    await submit(1);
    main.tamper = (r) => ({ ...r, hash: 'f'.repeat(64) });
    await engine().syncNow();
    expect(await outboxPendingCount({ db })).toBe(1);
  });

  it('puts a conflict in refused, visible with the reason, and never sends it again', async () => {
    const [id] = await submit(1);
    main.stored.set(id!, 'e'.repeat(64));
    const e = engine();
    e.start();
    await e.syncNow();
    const refused = await outboxRefused(10, { db });
    expect(refused.map((r) => [r.id, r.lastError])).toEqual([[id, `conflict with stored ${'e'.repeat(64)}`]]);
    expect(e.getState().refused).toBe(1);
    const pushes = main.pushes.length;
    await fireNext(e);
    expect(main.pushes.length).toBe(pushes);
  });

  it('backs off with jitter on a network failure, keeps the items, and sends them when the office returns', async () => {
    await submit(3);
    main.mode = 'offline';
    const e = engine();
    e.start();
    await e.syncNow();
    const rows = await outboxPending(10, {}, { db });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.attempts === 1 && r.lastError?.startsWith('offline'))).toBe(true);
    expect(e.getState()).toMatchObject({ problem: 'offline', consecutiveFailures: 1 });
    // random() = 0.5: first retry at half of base·2^0, then half of base·2^1 …
    expect(timers.at(-1)?.ms).toBe(500);
    await fireNext(e);
    expect(timers.at(-1)?.ms).toBe(1000);
    await fireNext(e);
    expect(timers.at(-1)?.ms).toBe(2000);
    main.mode = 'ok';
    await fireNext(e);
    expect(await outboxPendingCount({ db })).toBe(0);
    expect(e.getState()).toMatchObject({ problem: null, consecutiveFailures: 0 });
  });

  it('waits as long as the office asks on 429', async () => {
    await submit(1);
    main.mode = 'rate-limited';
    const e = engine();
    e.start();
    await e.syncNow();
    expect(timers.at(-1)?.ms).toBe(20_000);
    const [row] = await outboxPending(1, {}, { db });
    expect(Date.parse(row!.nextAttemptAt) - clock.getTime()).toBe(20_000);
  });

  it('does not push while the office probe says offline, and asks main to probe', async () => {
    await submit(1);
    main.online = false;
    const probes: unknown[] = [];
    const spy = Object.assign(Object.create(main) as FakeMain, {
      invoke: (method: BridgeMethod, input: unknown) => {
        if (method === 'syncStatus') probes.push(input);
        return main.invoke(method, input as never);
      },
    });
    await engine(spy).syncNow();
    expect(main.pushes).toHaveLength(0);
    expect(probes).toEqual([{ probe: true }]);
    expect(await outboxPendingCount({ db })).toBe(1);
  });

  it('revoked → needs re-enrolment, nothing lost or marked, and sends everything after re-enrolment', async () => {
    await submit(4);
    main.mode = 'revoked';
    const e = engine();
    e.start();
    await e.syncNow();
    expect(e.getState().status?.needsReEnrolment).toBe(true);
    expect(e.getState().problem).toBe('revoked');
    const rows = await outboxPending(10, {}, { db });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.attempts === 0 && r.status === 'pending')).toBe(true);
    // While it needs re-enrolment the engine only polls the status.
    await fireNext(e);
    expect(main.pushes).toHaveLength(0);
    main.mode = 'ok';
    main.needsReEnrolment = false;
    await fireNext(e);
    expect(await outboxPendingCount({ db })).toBe(0);
    expect(main.stored.size).toBe(4);
  });

  it('finds the one item the office refuses as a request (4xx) by sending the batch one by one', async () => {
    const ids = await submit(3);
    main.rejectIds.add(ids[1]!);
    const e = engine();
    await e.syncNow();
    expect(await outboxPendingCount({ db })).toBe(0);
    const refused = await outboxRefused(10, { db });
    expect(refused.map((r) => r.id)).toEqual([ids[1]]);
    expect(refused[0]!.lastError).toContain('office refused');
    expect(main.stored.has(ids[0]!) && main.stored.has(ids[2]!)).toBe(true);
  });

  it('halves a batch that keeps failing with 5xx until the one item behind it waits alone', async () => {
    const ids = await submit(8);
    main.crashIds.add(ids[5]!);
    const e = engine();
    e.start();
    await e.syncNow();
    // The first two failures look like an office in trouble: the batch waits whole.
    expect(main.pushes).toHaveLength(1);
    await fireNext(e);
    expect(main.pushes).toHaveLength(2);
    main.pushes = [];
    await fireNext(e);
    // The third failure halves: [0-3] goes through, [4-7] fails, [4,5] fails, [4] and [5] alone.
    expect(main.pushes.map((p) => p.length)).toEqual([8, 4, 4, 2, 1, 1, 2]);
    expect([...main.stored.keys()].sort()).toEqual(ids.filter((id) => id !== ids[5]).sort());
    const left = await outboxPending(10, {}, { db });
    expect(left.map((r) => r.id)).toEqual([ids[5]]);
    expect(left[0]!.lastError).toContain('server-error');
    // It stays pending (the office may be fixed), not refused: it is retried with backoff.
    expect(await outboxRefused(10, { db })).toEqual([]);
    main.crashIds.clear();
    await fireNext(e);
    expect(await outboxPendingCount({ db })).toBe(0);
  });

  it('an office that fails every push with 5xx costs a few requests per cycle, not one per item', async () => {
    await submit(10);
    main.mode = 'server-error';
    let pushes = 0;
    const counting = Object.assign(Object.create(main) as FakeMain, {
      invoke: (method: BridgeMethod, input: never) => {
        if (method === 'syncPush') pushes++;
        return main.invoke(method, input);
      },
    });
    const e = engine(counting);
    e.start();
    await e.syncNow();
    await fireNext(e);
    const perCycle: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = pushes;
      await fireNext(e);
      perCycle.push(pushes - before);
    }
    expect(await outboxPendingCount({ db })).toBe(10);
    // 10 → 5 → 3 → 2 → 1 + 1: the left spine of the halving, then it stops.
    expect(perCycle).toEqual([6, 6, 6]);
  });

  it('never runs two pushes at once, and a reload mid-push leaves nothing stuck', async () => {
    await submit(2);
    let release!: () => void;
    main.hold = new Promise<void>((r) => (release = r));
    const first = engine();
    const a = first.syncNow();
    const b = first.syncNow();
    expect(a).toBe(b);
    await new Promise((r) => setTimeout(r, 20));
    expect(main.pushes).toHaveLength(1);
    // "Reload": a new engine over the same database while the old push still hangs.
    main.hold = null;
    const second = engine();
    await second.syncNow();
    expect(await outboxPendingCount({ db })).toBe(0);
    release();
    await a;
    // The old push's late answer (duplicate, stored) changes nothing.
    expect(await outboxPendingCount({ db })).toBe(0);
    expect(main.stored.size).toBe(2);
  });

  it('sends items whose retry time lies beyond any backoff (the clock was set back)', async () => {
    await submit(2);
    clock = vn('2026-11-20 10:00');
    await engine().syncNow();
    expect(await outboxPendingCount({ db })).toBe(0);
  });

  it('does nothing but poll when not enrolled', async () => {
    await submit(1);
    main.enrolled = false;
    const e = engine();
    e.start();
    await e.syncNow();
    expect(main.pushes).toHaveLength(0);
    expect(timers.at(-1)?.ms).toBe(timing.idleMs);
    expect(e.getState().waiting).toBe(1);
  });
});
