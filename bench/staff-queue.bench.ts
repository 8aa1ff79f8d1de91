/**
 * The staff queue (issue 10): the queue API with 5,000 open dossiers, and a new dossier
 * reaching 20 open dashboards by server-sent events vs the same dashboards polling.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchResult } from './types.ts';
import { startOffice } from '../office/server.ts';
import { ingestBatch } from '../office/sync/push.ts';
import { publishConfig } from '../office/published-config.ts';
import { dossierPayload, item } from '../office/test-support/fixtures.ts';
import { enrol } from '../office/test-support/office.ts';
import { Staff } from '../office/test-support/staff-browser.ts';
import { percentile } from '../shared/queue/stats.ts';
import type { PushItem } from '../shared/contracts/sync.ts';
import { sql } from 'kysely';

const OPEN_DOSSIERS = 5000;
/** Resolved dossiers of earlier months, as an office holds after a year or so. */
const HISTORY = 50_000;
const QUEUE_REQUESTS = process.env.DEBUG_BENCH ? 20 : 300;
const DASHBOARDS = 20;
const POLL_INTERVAL_MS = 2000;
const ARRIVALS = 20;
const PASSWORD = 'bench-staff-password';
/** Monday 23/11/2026 09:00 in Vietnam: the office's clock during the run. */
const NOW = Date.parse('2026-11-23T09:00:00+07:00');
const PROFILE = readFileSync(new URL('../assets/profiles/gia-lam.json', import.meta.url), 'utf8');

export const title =
  'Staff queue: the queue API with 5,000 open dossiers; a new dossier reaching 20 dashboards';

export const notes = `
The office (\`startOffice\`, SQLite in a temporary directory, plain HTTP on 127.0.0.1, the Gia Lâm profile published so
the time left is counted in working hours) holds ${OPEN_DOSSIERS.toLocaleString('en-US')} open dossiers received on the
previous working days, stored through the sync ingest. *Queue API*: ${QUEUE_REQUESTS} sequential signed-in
\`GET /queue/rows\` (what an open dashboard fetches: the rows region, the first page of 50 nearest deadlines of all
open dossiers, named, with the working time left, the count and the page links). The office renders the rows once
per change and minute and shares that text with every dashboard asking for the same filters and page, so
"computed" moves the office's clock a minute before each request to time the query and rendering themselves;
"shared rendering" is what the other dashboards get after a change. Then the same with a procedure filter, with a
name search (which reads all open dossiers), page 60 of 100, and the whole page \`GET /\`. Then
${HISTORY.toLocaleString('en-US')} resolved dossiers received in earlier months are added (copies of the open ones,
written straight into the table) and \`GET /queue/rows\` is timed again. *Live queue*: ${DASHBOARDS} dashboards hold \`GET /queue/events\`
and, on each event, fetch \`/queue/rows\` as public/dashboard.js does; in the same run ${DASHBOARDS} dashboards poll
\`/queue/rows\` every ${POLL_INTERVAL_MS / 1000} s instead (the alternative). ${ARRIVALS} dossiers arrive by
\`POST /api/sync/push\` from an enrolled kiosk, one every 1–1.5 s. Latency = when a dashboard's rows hold the new
dossier − when the push was sent; one sample per dossier per dashboard. The dashboards share one signed-in session and
run in the bench process, as does the office: their numbers include waiting for each other on one event loop (an
upper bound). Requests: how many \`/queue/rows\` each approach made during the arrivals.
`;

/** The office's clock; the queue API timings move it a minute per request (see notes). */
let clock = NOW;

export async function run(): Promise<BenchResult[]> {
  clock = NOW;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-staff-queue-'));
  const office = await startOffice({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    adminPassword: PASSWORD,
    officeName: 'UBND xã (bench)',
    tls: { mode: 'insecure-http' },
    now: () => clock,
    log: () => {},
  });
  try {
    const db = office.database.db;
    const admin = await db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    await publishConfig(db, 'profile', PROFILE, Number(admin.id), NOW);
    const { kioskId, token } = await enrol(office);
    await fill(db, kioskId);
    const staff = new Staff(office.url);
    await staff.signIn(PASSWORD);
    const cookie = [...staff.jar].map(([k, v]) => `${k}=${v}`).join('; ');

    const results: BenchResult[] = [];
    const timed = async (label: string, path: string, goal?: number, cached = false) => {
      // Each label starts at 09:00: a minute per request stays within the working day and the session.
      clock = NOW;
      for (let i = 0; i < 20; i++) await get(office.url + path, cookie); // warm-up
      const times: number[] = [];
      for (let i = 0; i < QUEUE_REQUESTS; i++) {
        // A new minute: the rows are computed again, not taken from the shared rendering.
        if (!cached) clock += 60_000;
        const t0 = performance.now();
        await get(office.url + path, cookie);
        times.push(performance.now() - t0);
      }
      const p95 = percentile(times, 95)!;
      results.push({ metric: `${label}: p50`, value: percentile(times, 50)!, unit: 'ms' });
      results.push({
        metric: `${label}: p95`,
        value: p95,
        unit: 'ms',
        ...(goal ? { goal: `< ${goal} ms`, met: p95 < goal } : {}),
      });
    };
    await timed('GET /queue/rows, 5,000 open, computed', '/queue/rows', 50);
    await timed('… the same, shared rendering (dashboards after one change)', '/queue/rows', undefined, true);
    await timed('… filtered by procedure, computed', '/queue/rows?procedure=2.000815');
    await timed(
      '… name search (all open read), computed',
      `/queue/rows?q=${encodeURIComponent('nguoi nop 12')}`,
    );
    await timed('… page 60 of 100, computed', '/queue/rows?page=60');
    await timed('GET / (whole page), computed', '/');
    await addHistory(db);
    await timed(
      `GET /queue/rows, 5,000 open + ${HISTORY.toLocaleString('en-US')} resolved earlier, computed`,
      '/queue/rows',
      50,
    );
    clock = NOW;

    results.push(...(await liveQueue(office.url, cookie, token)));
    return results;
  } finally {
    await office.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function get(url: string, cookie: string): Promise<string> {
  const res = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' });
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  const text = await res.text();
  // A signed-out answer would time the wrong page.
  if (!text.includes('data-id=')) throw new Error(`${url}: no queue rows in the answer`);
  return text;
}

/** Open dossiers from the previous working days, through the real ingest. */
async function fill(db: Parameters<typeof ingestBatch>[0], kioskId: string): Promise<void> {
  let seq = 0;
  for (let batch = 0; batch < OPEN_DOSSIERS / 200; batch++) {
    const items: PushItem[] = [];
    for (let i = 0; i < 200; i++) {
      const n = batch * 200 + i;
      const day = 16 + (n % 5); // Mon 16 – Fri 20 November
      const hour = String(8 + (n % 8)).padStart(2, '0');
      items.push(
        item(
          'dossier',
          dossierPayload({
            applicantName: `Người nộp ${n}`,
            models: n % 3 ? ['no-appointment'] : ['cashless'],
            receivedAt: `2026-11-${day}T${hour}:00:00+07:00`,
            // Due from tomorrow on: the dossiers arriving during the run have the nearest deadlines.
            dueAt: `2026-11-${24 + (n % 7)}T${hour}:30:00+07:00`,
          }),
          ++seq,
        ),
      );
    }
    await ingestBatch(db, kioskId, items, NOW);
  }
}

/** Resolved dossiers from January on: copies of the open ones with new ids and codes. */
async function addHistory(db: Parameters<typeof ingestBatch>[0]): Promise<void> {
  const from = Date.parse('2026-01-05T08:00:00+07:00');
  for (let k = 0; k < HISTORY / OPEN_DOSSIERS; k++) {
    const at = from + k * 20 * 86_400_000;
    await sql`insert into dossiers (id, kiosk_id, seq, content_hash, code, procedure_code, models, model_mask,
        form_id, form_data, applicant_name, volunteer_id, channel, received_at, received_at_ms, due_at, due_at_ms,
        attachment_hashes, office_received_at_ms, status, status_reason, status_changed_at_ms, resolved_at_ms)
      select lower(hex(randomblob(16))), kiosk_id, seq + ${(k + 1) * 100_000}, content_hash, code || ${'-' + k},
        procedure_code, models, model_mask, form_id, form_data, applicant_name, volunteer_id, channel, received_at,
        ${at} + (seq % 200) * 3600000, due_at, ${at} + (seq % 200) * 3600000 + 259200000, attachment_hashes,
        office_received_at_ms, 'returned', null, status_changed_at_ms, ${at} + (seq % 200) * 3600000 + 86400000
      from dossiers where resolved_at_ms is null and seq <= ${OPEN_DOSSIERS}`.execute(db);
  }
}

interface Dashboard {
  seen: Map<string, number>;
  requests: number;
  stop(): void;
}

/** A dashboard as public/dashboard.js runs it: an event stream, rows fetched on each event. */
function sseDashboard(base: string, cookie: string): Dashboard {
  const seen = new Map<string, number>();
  const controller = new AbortController();
  const dashboard: Dashboard = { seen, requests: 0, stop: () => controller.abort() };
  let loading = false;
  let again = false;
  const refresh = async (): Promise<void> => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      dashboard.requests++;
      const text = await get(`${base}/queue/rows`, cookie);
      const at = performance.now();
      for (const m of text.matchAll(/H12\.3\d-261121-\d{4,}/g)) if (!seen.has(m[0])) seen.set(m[0], at);
    } finally {
      loading = false;
      if (again) {
        again = false;
        void refresh().catch(() => {});
      }
    }
  };
  void (async () => {
    const res = await fetch(`${base}/queue/events`, {
      headers: { Cookie: cookie },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        if (decoder.decode(value, { stream: true }).includes('event: arrived'))
          void refresh().catch(() => {});
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return dashboard;
}

function pollingDashboard(base: string, cookie: string): Dashboard {
  const seen = new Map<string, number>();
  const dashboard: Dashboard = { seen, requests: 0, stop: () => clearInterval(timer) };
  const poll = async () => {
    dashboard.requests++;
    const text = await get(`${base}/queue/rows`, cookie);
    const at = performance.now();
    for (const m of text.matchAll(/H12\.3\d-261121-\d{4,}/g)) if (!seen.has(m[0])) seen.set(m[0], at);
  };
  // Dashboards opened at different moments poll out of step; one still waiting at the end is dropped.
  const timer = setInterval(() => void poll().catch(() => {}), POLL_INTERVAL_MS);
  return dashboard;
}

async function liveQueue(base: string, cookie: string, token: string): Promise<BenchResult[]> {
  const sse = Array.from({ length: DASHBOARDS }, () => sseDashboard(base, cookie));
  const polling: Dashboard[] = [];
  for (let i = 0; i < DASHBOARDS; i++) {
    polling.push(pollingDashboard(base, cookie));
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS / DASHBOARDS));
  }
  await new Promise((r) => setTimeout(r, 1000));
  for (const d of [...sse, ...polling]) d.requests = 0;
  const sent = new Map<string, number>();
  for (let i = 0; i < ARRIVALS; i++) {
    // Near deadlines, so every new dossier is among the rows a dashboard shows.
    const payload = dossierPayload({
      applicantName: `Mới ${i}`,
      receivedAt: '2026-11-23T08:59:00+07:00',
      dueAt: '2026-11-23T09:30:00+07:00',
    });
    sent.set(String(payload.code), performance.now());
    const res = await fetch(`${base}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocol: 1,
        appVersion: '0.1.0',
        waiting: 1,
        items: [item('dossier', payload, 100_000 + i)],
      }),
    });
    const answer = (await res.json()) as { results: { outcome: string }[] };
    if (answer.results[0]?.outcome !== 'stored') throw new Error(`push: ${JSON.stringify(answer)}`);
    await new Promise((r) => setTimeout(r, 1000 + Math.random() * 500));
  }
  await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS * 2));
  for (const d of [...sse, ...polling]) d.stop();

  const latencies = (dashboards: Dashboard[]) => {
    const out: number[] = [];
    let missed = 0;
    for (const d of dashboards)
      for (const [code, at] of sent) {
        const seenAt = d.seen.get(code);
        if (seenAt === undefined) missed++;
        else out.push(seenAt - at);
      }
    return { out, missed, requests: dashboards.reduce((n, d) => n + d.requests, 0) };
  };
  const a = latencies(sse);
  const b = latencies(polling);
  const p95a = percentile(a.out, 95)!;
  const p95b = percentile(b.out, 95)!;
  return [
    { metric: `SSE, ${DASHBOARDS} dashboards: p50`, value: percentile(a.out, 50)!, unit: 'ms' },
    {
      metric: `SSE, ${DASHBOARDS} dashboards: p95`,
      value: p95a,
      unit: 'ms',
      goal: '< 1000 ms',
      met: p95a < 1000,
    },
    { metric: 'SSE: samples / missed', value: `${a.out.length} / ${a.missed}`, unit: '' },
    { metric: `polling every ${POLL_INTERVAL_MS / 1000} s: p50`, value: percentile(b.out, 50)!, unit: 'ms' },
    { metric: `polling every ${POLL_INTERVAL_MS / 1000} s: p95`, value: p95b, unit: 'ms' },
    { metric: 'polling: samples / missed', value: `${b.out.length} / ${b.missed}`, unit: '' },
    { metric: 'p95 ratio polling / SSE', value: p95b / p95a, unit: '×' },
    {
      metric: '/queue/rows requests during the arrivals, SSE / polling',
      value: `${a.requests} / ${b.requests}`,
      unit: '',
    },
  ];
}
