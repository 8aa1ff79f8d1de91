/**
 * Call → calling board updated, on the simulated Monday morning (shared/queue/monday-simulation.ts:
 * 300 citizens, 3 counters, 2 kiosks, kiosk 2 offline for 30 minutes), replayed against the
 * real office server — started as `npm run office` starts it, in its own process, on
 * 127.0.0.1 with a temporary SQLite database — through its real HTTP routes: kiosks take
 * numbers with their sync tokens, the offline kiosk hands in its tickets when it is back,
 * officers press "Gọi số tiếp theo" / "Gọi lại" on their counter pages.
 *
 * Several boards listen to /board/events (server-sent events, what the board page uses) and
 * record when each call arrives. In the same run, boards polling /board/state every second
 * (the alternative) record when a call first shows in "last calls". Latency = arrival −
 * the moment the officer's request was sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openDatabase } from '../office/db/connect.ts';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';
import { percentile } from '../shared/queue/stats.ts';
import {
  MONDAY_MORNING,
  SIMULATED_SERVICES,
  simulateMondayMorning,
} from '../shared/queue/monday-simulation.ts';
import type { BenchResult } from './types.ts';

const SSE_BOARDS = 4;
/** Board pages in Chromium (the TV's browser running board.js, chime and spoken call included). */
const BROWSER_BOARDS = 1;
const POLLING_BOARDS = 2;
const POLL_INTERVAL_MS = 1000;
/** Real milliseconds per simulated minute: the morning is replayed about 240 times faster. */
const MS_PER_SIM_MINUTE = 250;
/** The whole run stops here whatever happens (bounded in time). */
const RUN_LIMIT_MS = 240_000;
const PASSWORD = 'bench-board-password';

export const title = 'Queue: call → calling board updated (simulated Monday morning, real office server)';

export const notes = `
The Monday simulation (seed ${MONDAY_MORNING.seed}: ${MONDAY_MORNING.citizens} citizens, 3 counters, 2 kiosks, kiosk 2 offline
from minute ${MONDAY_MORNING.offline.from} to ${MONDAY_MORNING.offline.to}) replayed ${60_000 / MS_PER_SIM_MINUTE}× faster than real time against
\`office/main.ts\` in its own process (SQLite in a temporary directory, 127.0.0.1): every online ticket is taken with
\`POST /api/tickets\` (kiosk token), the offline kiosk's tickets are handed in with \`POST /api/tickets/offline\` when it
is back, and each call and recall of the simulation is an officer's \`POST /desk/:counter/call-next\` (or \`recall\`,
then \`start\` for a citizen who came) with a signed-in session. ${SSE_BOARDS} boards hold \`GET /board/events\` (server-sent events,
as the board page does; a small reader timestamps each event as its bytes arrive) and ${POLLING_BOARDS} boards poll \`GET /board/state\` every
${POLL_INTERVAL_MS} ms, the alternative. Latency = when the board has the call − when the officer's request was sent;
SSE: one sample per call per board; polling: per call per board, the first answer whose "last calls" holds it.
${BROWSER_BOARDS} real board page (\`/board\` in Chromium with its own board.js: EventSource, chime, the spoken call fetched from
\`/board/announce.wav\`, so the office also synthesises speech during the run) records when each call's line appears
on screen (wall clock). The bench process drives Chromium too, so its own SSE readers see events late when it is busy:
their numbers are an upper bound.
A polling board "missed" a call when no answer held it (for example a burst of calls and recalls in one simulated
10-second step pushed it out of the 8 "last calls" before the next poll); missed calls are not in its percentiles.
After the run: every ticket of the morning is in the office's database, each was handed out by exactly one call-next (as the boards heard it).
Goal (issue 12): p95 < 1 s.
`;

interface BoardEvent {
  number: string;
  counter: number;
  receivedAt: number;
}

/**
 * A board listening to /board/events. The bench needs each event's arrival time as its
 * bytes come in; reading the stream with fetch does exactly that, where an EventSource
 * package would add a dependency and its own buffering in between.
 */
function sseBoard(url: string, signal: AbortSignal): { events: BoardEvent[]; ready: Promise<void> } {
  const events: BoardEvent[] = [];
  const ready = (async () => {
    const res = await fetch(`${url}/board/events`, { signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          const receivedAt = performance.now();
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^event: call\ndata: (.*)$/m.exec(block)?.[1];
            if (data) {
              const call = JSON.parse(data) as { number: string; counter: number };
              events.push({ number: call.number, counter: call.counter, receivedAt });
            }
          }
        }
      } catch {
        // aborted at the end of the run
      }
    })();
  })();
  return { events, ready };
}

interface Poll {
  receivedAt: number;
  calls: { number: string; counter: number; atMs: number }[];
}

function pollingBoard(url: string, signal: AbortSignal, offsetMs: number): Poll[] {
  const polls: Poll[] = [];
  void (async () => {
    await new Promise((r) => setTimeout(r, offsetMs));
    while (!signal.aborted) {
      const started = performance.now();
      try {
        const res = await fetch(`${url}/board/state`, { signal });
        const state = (await res.json()) as { lastCalls: { number: string; counter: number; at: string }[] };
        polls.push({
          receivedAt: performance.now(),
          calls: state.lastCalls.map((c) => ({
            number: c.number,
            counter: c.counter,
            atMs: Date.parse(c.at),
          })),
        });
      } catch {
        if (signal.aborted) return;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, POLL_INTERVAL_MS - (performance.now() - started))));
    }
  })();
  return polls;
}

async function startOfficeProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', 'office/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      OFFICE_HOST: '127.0.0.1',
      OFFICE_PORT: '0',
      OFFICE_DATA_DIR: dataDir,
      OFFICE_ADMIN_PASSWORD: PASSWORD,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the office did not start within 60 s')), 60_000);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`the office exited (${code}): ${out}`)));
  });
  return { child, url };
}

/** A signed-in officer's browser: cookies and the CSRF token of the last page. */
function officer(url: string) {
  const cookies = new Map<string, string>();
  let csrf = '';
  const req = async (path: string, form?: Record<string, string>) => {
    const res = await fetch(url + path, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams({ csrf, ...form }).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const text = await res.text();
    csrf = /name="csrf" value="([^"]+)"/.exec(text)?.[1] ?? csrf;
    return { status: res.status, text };
  };
  return req;
}

export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-board-'));
  const { child, url } = await startOfficeProcess(dataDir);
  const stop = new AbortController();
  const deadline = setTimeout(() => stop.abort(), RUN_LIMIT_MS);
  try {
    // Set up as the office would: services and counters on the dashboard, two kiosks enrolled.
    const desk = officer(url);
    await desk('/login');
    await desk('/login', { username: 'admin', password: PASSWORD });
    await desk('/desk/setup');
    const setup = await desk('/desk/setup', {
      services: SIMULATED_SERVICES.map(
        (s) => `${s.prefix} | ${s.name} | ${s.procedureCodes.join(', ')}`,
      ).join('\n'),
      counters: '1 | A\n2 | A, B\n3 | B',
    });
    if (!setup.text.includes('Đã lưu dịch vụ và quầy')) throw new Error('the desk set-up was refused');
    const tokens: string[] = [];
    for (const name of ['Ki-ốt 1', 'Ki-ốt 2']) {
      await desk('/kiosks');
      const page = await desk('/kiosks/codes', {});
      const code = /\(dùng một lần[^)]*\): ([^<\s]+)/.exec(page.text)?.[1];
      if (!code) throw new Error('no enrolment code on the kiosks page');
      const res = await fetch(`${url}/api/sync/enrol`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ protocol: 1, code, deviceName: name, appVersion: 'bench' }),
      });
      tokens.push(((await res.json()) as { token: string }).token);
    }
    const prefixToService = new Map(SIMULATED_SERVICES.map((s) => [s.id, s]));

    // The morning, replayed: times of the simulation mapped onto now, compressed.
    const sim = simulateMondayMorning(new Date('2026-11-23T00:30:00Z'));
    const opening = Date.parse('2026-11-23T00:30:00Z');
    const simMinute = (iso: string) => (Date.parse(iso) - opening) / 60_000;
    type Step =
      | { at: number; kind: 'issue'; serviceId: string; priority: string | null; kiosk: number }
      | {
          at: number;
          kind: 'merge';
          tickets: {
            id: string;
            serviceId: string;
            number: string;
            priority: string | null;
            minute: number;
          }[];
        }
      | { at: number; kind: 'call' | 'recall'; counter: number; cameToCounter: boolean };
    const steps: Step[] = [];
    let kioskTurn = 0;
    const offline = sim.outcomes.filter((o) => o.ticket.offlineKiosk !== null);
    for (const o of sim.outcomes) {
      if (o.ticket.offlineKiosk !== null) continue;
      steps.push({
        at: simMinute(o.ticket.issuedAt),
        kind: 'issue',
        serviceId: prefixToService.get(o.ticket.serviceId)!.prefix,
        priority: o.ticket.priority,
        kiosk: kioskTurn++ % 2,
      });
    }
    steps.push({
      at: MONDAY_MORNING.offline.to,
      kind: 'merge',
      tickets: offline.map((o) => ({
        id: o.ticket.id,
        serviceId: prefixToService.get(o.ticket.serviceId)!.prefix,
        number: o.ticket.number,
        priority: o.ticket.priority,
        minute: simMinute(o.ticket.issuedAt),
      })),
    });
    const status = new Map(sim.outcomes.map((o) => [o.ticket.id, o.ticket.status]));
    const seen = new Set<string>();
    for (const a of sim.announcements) {
      const first = !seen.has(a.ticketId);
      seen.add(a.ticketId);
      steps.push({
        at: a.at,
        kind: first ? 'call' : 'recall',
        counter: a.counter,
        cameToCounter: status.get(a.ticketId) === 'done',
      });
    }
    // Stable: at the same minute, tickets are taken and handed in before the counters call.
    const order = { issue: 0, merge: 1, call: 2, recall: 3 } as const;
    steps.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);

    const sse = Array.from({ length: SSE_BOARDS }, () => sseBoard(url, stop.signal));
    await Promise.all(sse.map((b) => b.ready));
    const browser = await chromium.launch(chromiumLaunchOptions());
    const shown: number[][] = [];
    for (let i = 0; i < BROWSER_BOARDS; i++) {
      const times: number[] = [];
      shown.push(times);
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.exposeFunction('benchShown', (at: number) => times.push(at));
      // Each call board.js announces adds a line to "last calls": when it is on screen.
      await page.addInitScript(() => {
        // Known when the board's event stream is open, so the replay starts with it listening.
        const Native = window.EventSource;
        window.EventSource = class extends Native {
          constructor(url: string | URL, init?: EventSourceInit) {
            super(url, init);
            this.addEventListener(
              'open',
              () => ((window as unknown as { benchOpen: boolean }).benchOpen = true),
            );
          }
        };
        document.addEventListener('DOMContentLoaded', () => {
          const list = document.getElementById('board-calls')!;
          new MutationObserver((records) => {
            for (const r of records)
              for (let n = 0; n < r.addedNodes.length; n++)
                (window as unknown as { benchShown(at: number): void }).benchShown(Date.now());
          }).observe(list, { childList: true });
        });
      });
      await page.goto(`${url}/board`);
      await page.waitForFunction(() => (window as unknown as { benchOpen?: boolean }).benchOpen === true);
    }
    const polls = Array.from({ length: POLLING_BOARDS }, (_, i) =>
      pollingBoard(url, stop.signal, (i * POLL_INTERVAL_MS) / POLLING_BOARDS),
    );

    const startWall = Date.now();
    const start = performance.now();
    const sent: { t0: number; wallT0: number; kind: 'call' | 'recall' }[] = [];
    let refusedCalls = 0;
    for (const step of steps) {
      if (stop.signal.aborted) throw new Error(`the run passed ${RUN_LIMIT_MS / 1000} s`);
      const due = start + step.at * MS_PER_SIM_MINUTE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (step.kind === 'issue') {
        const res = await fetch(`${url}/api/tickets`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[step.kiosk]}` },
          body: JSON.stringify({ serviceId: step.serviceId, priority: step.priority }),
        });
        if (res.status !== 200) throw new Error(`issue refused: ${res.status} ${await res.text()}`);
      } else if (step.kind === 'merge') {
        const res = await fetch(`${url}/api/tickets/offline`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[1]}` },
          body: JSON.stringify({
            tickets: step.tickets.map((t) => ({
              localId: t.id,
              serviceId: t.serviceId,
              number: t.number,
              priority: t.priority,
              issuedAt: new Date(startWall + t.minute * MS_PER_SIM_MINUTE).toISOString(),
            })),
          }),
        });
        const answer = (await res.json()) as { results: { outcome: string }[] };
        const merged = answer.results.filter((r) => r.outcome === 'merged').length;
        if (merged !== step.tickets.length) throw new Error(`merged ${merged} of ${step.tickets.length}`);
      } else {
        const t0 = performance.now();
        const wallT0 = Date.now();
        const res = await desk(`/desk/q${step.counter}/${step.kind === 'call' ? 'call-next' : 'recall'}`, {});
        if (res.status === 303) sent.push({ t0, wallT0, kind: step.kind });
        else refusedCalls++;
        if (step.kind === 'call' && step.cameToCounter && res.status === 303)
          await desk(`/desk/q${step.counter}/start`, {});
      }
    }
    // Let the last call reach every board, then stop listening.
    const settle = performance.now();
    while (
      performance.now() - settle < 3 * POLL_INTERVAL_MS &&
      (sse.some((b) => b.events.length < sent.length) || shown.some((b) => b.length < sent.length))
    )
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 2 * POLL_INTERVAL_MS));
    const replaySeconds = (performance.now() - start) / 1000;
    stop.abort();
    await browser.close();

    // Browser boards: the k-th line shown is the k-th call (wall clock on both sides).
    const browserLatencies: number[] = [];
    let browserMissing = 0;
    for (const board of shown)
      sent.forEach((s, k) => {
        const at = board[k];
        if (at === undefined) browserMissing++;
        else browserLatencies.push(at - s.wallT0);
      });
    const browserPercentile = (p: number) => percentile(browserLatencies, p) ?? Number.NaN;

    const sseLatencies: number[] = [];
    let sseMissing = 0;
    for (const board of sse)
      sent.forEach((s, k) => {
        const e = board.events[k];
        if (e) sseLatencies.push(e.receivedAt - s.t0);
        else sseMissing++;
      });
    // Polling: the first answer after the request that holds the call (same number and
    // counter, recorded at or after the request was sent).
    const pollLatencies: number[] = [];
    let pollMissed = 0;
    const reference = sse[0]!.events;
    for (const board of polls)
      sent.forEach((s, k) => {
        const call = reference[k];
        if (!call) return;
        const seenIn = board.find(
          (p) =>
            p.receivedAt >= s.t0 &&
            p.calls.some(
              (c) => c.number === call.number && c.counter === call.counter && c.atMs >= s.wallT0 - 5,
            ),
        );
        if (seenIn) pollLatencies.push(seenIn.receivedAt - s.t0);
        else pollMissed++;
      });

    const ssePercentile = (p: number) => percentile(sseLatencies, p) ?? Number.NaN;
    const pollPercentile = (p: number) => percentile(pollLatencies, p) ?? Number.NaN;
    // Which ticket each call-next handed out, as the boards heard it.
    const firstCalled = sent.flatMap((s, k) =>
      s.kind === 'call' && reference[k] ? [reference[k].number] : [],
    );
    const calledTwice = firstCalled.length - new Set(firstCalled).size;
    const atOffice = await ticketNumbers(dataDir);
    const neverCalled = atOffice.filter((n) => !firstCalled.includes(n)).length;
    return [
      { metric: 'calls and recalls replayed (answered by the office)', value: sent.length, unit: '' },
      {
        metric: 'calls refused by the office (nobody waiting at that counter)',
        value: refusedCalls,
        unit: '',
      },
      { metric: 'replay wall time', value: replaySeconds, unit: 's' },
      {
        metric: `SSE boards × calls: samples / missing`,
        value: `${sseLatencies.length} / ${sseMissing}`,
        unit: '',
      },
      { metric: 'SSE: call → board, median', value: ssePercentile(50), unit: 'ms' },
      {
        metric: 'SSE: call → board, p95',
        value: ssePercentile(95),
        unit: 'ms',
        goal: '< 1 s',
        met: sseMissing === 0 && ssePercentile(95) < 1000,
      },
      { metric: 'SSE: call → board, max', value: Math.max(...sseLatencies), unit: 'ms' },
      {
        metric: 'board page in Chromium: calls shown / missing',
        value: `${browserLatencies.length} / ${browserMissing}`,
        unit: '',
      },
      {
        metric: 'board page in Chromium: call → on screen, median',
        value: browserPercentile(50),
        unit: 'ms',
      },
      {
        metric: 'board page in Chromium: call → on screen, p95',
        value: browserPercentile(95),
        unit: 'ms',
        goal: '< 1 s',
        met: browserMissing === 0 && browserPercentile(95) < 1000,
      },
      {
        metric: `polling /board/state every ${POLL_INTERVAL_MS} ms: samples / missed`,
        value: `${pollLatencies.length} / ${pollMissed}`,
        unit: '',
      },
      { metric: 'polling: call → board, median', value: pollPercentile(50), unit: 'ms' },
      { metric: 'polling: call → board, p95', value: pollPercentile(95), unit: 'ms' },
      { metric: 'p95 ratio polling / SSE', value: pollPercentile(95) / ssePercentile(95), unit: '×' },
      {
        metric: 'tickets at the office after the morning',
        value: atOffice.length,
        unit: '',
        goal: `${MONDAY_MORNING.citizens}`,
        met: atOffice.length === MONDAY_MORNING.citizens,
      },
      { metric: 'tickets never called', value: neverCalled, unit: '', goal: '0', met: neverCalled === 0 },
      {
        metric: 'tickets called twice by call-next',
        value: calledTwice,
        unit: '',
        goal: '0',
        met: calledTwice === 0,
      },
    ];
  } finally {
    clearTimeout(deadline);
    stop.abort();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The numbers of every ticket the office's database holds after the run. */
async function ticketNumbers(dataDir: string): Promise<string[]> {
  const office = await openDatabase({ dataDir });
  try {
    return (await office.db.selectFrom('tickets').select('number').execute()).map((t) => t.number);
  } finally {
    await office.close();
  }
}
