import { describe, expect, it } from 'vitest';
import { backoffDelay, createSyncTransport, withRetry, type TransportResult } from './sync-transport.ts';
import { createConnectivityMonitor } from './connectivity.ts';

const ID = '6f1c1f8e-5d7a-4f0e-9a63-2b4f7d1e9c10';
const HASH = 'a'.repeat(64);
const pushRequest = {
  protocol: 1 as const,
  appVersion: '0.1.0',
  waiting: 1,
  items: [{ kind: 'dossier' as const, id: ID, seq: 1, hash: HASH, payload: {} }],
};

function fakeFetch(responses: (() => Response | Promise<Response>)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses[Math.min(calls.length - 1, responses.length - 1)]!;
    return next();
  }) as unknown as typeof fetch;
  return { f, calls };
}
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
const stored = {
  protocol: 1,
  kind: 'push-result',
  results: [{ outcome: 'stored', id: ID, hash: HASH, officeReceivedAt: '2026-11-21T01:00:00.000Z' }],
};

describe('sync transport', () => {
  it('sends the bearer token and accepts a valid answer that echoes the batch', async () => {
    const { f, calls } = fakeFetch([json(200, stored)]);
    const t = createSyncTransport({ baseUrl: 'http://office:5180/', getToken: () => 'tok', fetch: f });
    const r = await t.push(pushRequest);
    expect(r.ok).toBe(true);
    expect(calls[0]!.url).toBe('http://office:5180/api/sync/push');
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('treats a captive portal 200 HTML page, a redirect and a non-echoing answer as failures', async () => {
    const portal = () =>
      new Response('<html><body>Đăng nhập Wi-Fi</body></html>', {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
      });
    const t1 = createSyncTransport({
      baseUrl: 'http://o',
      getToken: () => 'tok',
      fetch: fakeFetch([portal]).f,
    });
    expect(await t1.push(pushRequest)).toMatchObject({
      ok: false,
      failure: { kind: 'invalid-answer', retryable: true },
    });
    expect(await t1.health()).toMatchObject({ ok: false, failure: { kind: 'invalid-answer' } });
    const redirect = () => new Response(null, { status: 302, headers: { Location: 'http://portal/login' } });
    const t2 = createSyncTransport({
      baseUrl: 'http://o',
      getToken: () => 'tok',
      fetch: fakeFetch([redirect]).f,
    });
    expect(await t2.push(pushRequest)).toMatchObject({ ok: false, failure: { kind: 'invalid-answer' } });
    const other = { ...stored, results: [{ ...stored.results[0], hash: 'b'.repeat(64) }] };
    const t3 = createSyncTransport({
      baseUrl: 'http://o',
      getToken: () => 'tok',
      fetch: fakeFetch([json(200, other)]).f,
    });
    expect(await t3.push(pushRequest)).toMatchObject({ ok: false, failure: { kind: 'invalid-answer' } });
  });

  it('classifies 401, 403 revoked, 400, 429 with Retry-After, 5xx and network errors', async () => {
    const err = (status: number, error: string, headers: Record<string, string> = {}) =>
      json(status, { protocol: 1, kind: 'error', error, reasons: ['x'] }, headers);
    const cases: [() => Response, object][] = [
      [err(401, 'unauthorised'), { kind: 'unauthorised', retryable: false }],
      [err(403, 'revoked'), { kind: 'revoked', retryable: false }],
      [err(400, 'bad-request'), { kind: 'rejected', retryable: false, reasons: ['x'] }],
      [err(413, 'too-large'), { kind: 'rejected', retryable: false }],
      [
        err(429, 'rate-limited', { 'Retry-After': '7' }),
        { kind: 'rate-limited', retryable: true, retryAfterMs: 7000 },
      ],
      [() => new Response('Bad gateway', { status: 502 }), { kind: 'server', retryable: true }],
      [
        () => {
          throw new TypeError('fetch failed');
        },
        { kind: 'network', retryable: true },
      ],
    ];
    for (const [response, expected] of cases) {
      const t = createSyncTransport({
        baseUrl: 'http://o',
        getToken: () => 'tok',
        fetch: fakeFetch([response]).f,
      });
      expect(await t.push(pushRequest)).toMatchObject({ ok: false, failure: expected });
    }
    const unenrolled = createSyncTransport({
      baseUrl: 'http://o',
      getToken: () => null,
      fetch: fakeFetch([json(200, stored)]).f,
    });
    expect(await unenrolled.push(pushRequest)).toMatchObject({
      ok: false,
      failure: { kind: 'unauthorised' },
    });
  });
});

describe('retry policy', () => {
  it('uses full jitter under an exponential ceiling with a cap', () => {
    const policy = { baseMs: 100, capMs: 1000, maxAttempts: 10 };
    expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
    expect(backoffDelay(20, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(5, policy, () => 0)).toBe(0);
  });

  it('retries retryable failures, honours Retry-After, and never retries a plain 4xx', async () => {
    const fail = (
      kind: 'network' | 'rejected' | 'rate-limited',
      retryAfterMs?: number,
    ): TransportResult<string> => ({
      ok: false,
      failure: {
        kind,
        reasons: [],
        retryable: kind !== 'rejected',
        ...(retryAfterMs ? { retryAfterMs } : {}),
      },
    });
    const sleeps: number[] = [];
    const sleep = async (ms: number) => void sleeps.push(ms);
    const policy = { baseMs: 100, capMs: 10_000, maxAttempts: 5 };
    let n = 0;
    const r = await withRetry(
      async () =>
        ++n < 3 ? (n === 1 ? fail('network') : fail('rate-limited', 5000)) : { ok: true, value: 'done' },
      { policy, sleep, random: () => 0.5 },
    );
    expect(r).toEqual({ ok: true, value: 'done' });
    expect(sleeps).toEqual([50, 5000]);
    let m = 0;
    const rejected = await withRetry(async () => (m++, fail('rejected')), { policy, sleep });
    expect(rejected.ok).toBe(false);
    expect(m).toBe(1);
    let k = 0;
    await withRetry(async () => (k++, fail('network')), { policy, sleep });
    expect(k).toBe(5);
  });
});

describe('connectivity monitor', () => {
  it('is online only when the office answers its health check validly, and reports changes', async () => {
    const answers = [
      {
        ok: false as const,
        failure: { kind: 'invalid-answer' as const, reasons: ['captive portal'], retryable: true },
      },
      {
        ok: true as const,
        value: { service: 'commune-office' as const, protocol: 1 as const, time: '2026-11-21T01:00:00.000Z' },
      },
    ];
    let i = 0;
    const changes: boolean[] = [];
    const monitor = createConnectivityMonitor({
      transport: { health: async () => answers[Math.min(i++, 1)]! },
      now: () => 1000,
    });
    monitor.onChange((s) => changes.push(s.online));
    expect(await monitor.probe()).toMatchObject({
      online: false,
      consecutiveFailures: 1,
      lastFailure: 'invalid-answer: captive portal',
    });
    expect(await monitor.probe()).toMatchObject({ online: true, lastOnlineAt: 1000, consecutiveFailures: 0 });
    expect(changes).toEqual([false, true]);
  });

  it('probes with backoff while offline and at the interval while online', async () => {
    const timers: number[] = [];
    let online = false;
    const monitor = createConnectivityMonitor({
      transport: {
        health: async () =>
          online
            ? {
                ok: true,
                value: { service: 'commune-office', protocol: 1, time: '2026-11-21T01:00:00.000Z' },
              }
            : { ok: false, failure: { kind: 'network', reasons: [], retryable: true } },
      },
      random: () => 0.999,
      onlineIntervalMs: 30_000,
      offlineBackoff: { baseMs: 1000, capMs: 8000, maxAttempts: Infinity },
      setTimer: (_fn, ms) => timers.push(ms),
      clearTimer: () => {},
    });
    monitor.start();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(timers[0]).toBe(1998); // 1 failure: random × min(8000, 1000·2¹)
    online = true;
    await monitor.probe();
    monitor.stop();
    expect(monitor.state().online).toBe(true);
  });
});
