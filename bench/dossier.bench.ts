/**
 * Dossier storage in the real browser: time to commit a submitted dossier and the
 * Today/outbox queries with 100,000 stored dossiers. fake-indexeddb timings say nothing
 * about a kiosk, so the data layer is bundled with esbuild and run in the system
 * Chromium (playwright-core; tests/support/chromium.ts), with a profile on disk and
 * strict durability, served from 127.0.0.1.
 */
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';
import type { BenchResult } from './types.ts';
import type { PageBenchOptions, PageBenchResult, QuerySamples } from './dossier-bench-page.ts';

export const title = 'Dossiers: commit and queries in Chromium IndexedDB at 100,000 dossiers';

const OPTIONS: PageBenchOptions = {
  dossiers: Number(process.env.BENCH_DOSSIERS ?? 100_000),
  perDay: 100,
  pendingOutbox: 2_000,
  commits: 200,
  queryRuns: 200,
  queryRounds: 3,
};

/** Idle time after the restart before timing starts (start-up work of the browser itself). */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5_000);

export const notes = `
Real code (renderer/features/dossier) in the system Chromium, headless, profile on disk, IndexedDB
with \`durability: 'strict'\` (each commit flushed before it resolves). Seeded with ${OPTIONS.dossiers.toLocaleString('en-US')}
dossiers (${OPTIONS.perDay} a day, ending the day before; bulkAdd in chunks of 5,000), of which the newest
${OPTIONS.pendingOutbox.toLocaleString('en-US')} still wait for the office in the outbox; the others were acknowledged, so, as
recordPushResults leaves them, they carry \`acknowledgedAt\` and have no outbox row. The seed runs in one browser
session; the browser is then closed and started again on the same profile, and timing begins after ${SETTLE_MS / 1000} s:
a kiosk that collected its dossiers over months and was started this morning (timing right after a 100,000-row
bulk insert measures Chromium's storage still compacting it). *Commit* is the whole \`submitDossier\` as the
wizard awaits it: the free-space check, then one read-write transaction over dossiers, outbox, meta, drafts,
draft photos and attachments that reads the code sequence, builds and validates the dossier, hashes its
canonical JSON (SHA-256, @noble/hashes, synchronous so it can run inside the transaction) and writes
everything, in two batched round trips, then commits (${OPTIONS.commits} samples after 10 warm-up). The goals apply to the queries the kiosk runs: *Today* is \`todayDossierPage\` (the dossier list's
"today" page of 20 and the day's total) and \`todayDossierCount\`; *outbox* is \`outboxPending(100)\`, the sync
engine's batch, in seq order. Personal data is sealed at rest as in the kiosk (AES-256-GCM through
WebCrypto, renderer/features/dossier/at-rest.ts): every seeded dossier and outbox item is stored sealed with its
day's key, a commit and a draft save seal before their transaction, and every query that returns dossiers or
outbox items opens them (the day keys are non-extractable CryptoKeys, derived here from the day instead of
asked of main, whose answer comes once per day per page load). Each query runs ${OPTIONS.queryRuns} times in each of ${OPTIONS.queryRounds} rounds. This 2-core machine is
shared: a few percent of runs of any query, even a 0.5 ms look-up, are stretched 5–10 ms by other processes,
and p99 over ${OPTIONS.queryRuns} runs lands inside that noise. So, as in the search section, the query goals are
judged on the p99 of each run's fastest round, and the p99 over every run is printed beside it. Commits
change the database, so each is timed once and judged on the plain p99.
Changed on 2026-11-21 (the previous run: commit p99 25.4 ms, outboxPending(100) p99 14.7 ms over 200 runs,
measured right after seeding): a submit was a read transaction, a WebCrypto hash and a write transaction
with about a dozen sequential requests, and is now the single transaction above; acknowledged items used to
stay in the outbox as "sent", so the sync batch was read through an index spanning every dossier ever
made, and now leave it (schema v3), so the outbox holds only what still waits.
`;

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

async function bundle(outDir: string): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  await build({
    entryPoints: [join(here, 'dossier-bench-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(outDir, 'bench.js'),
    logLevel: 'error',
  });
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const profileDir = join(dir, 'profile');
  await bundle(dir);
  const html =
    '<!doctype html><meta charset="utf-8"><title>dossier bench</title><script type="module" src="/bench.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, 'bench.js')));
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profileDir, {
      headless: true,
      ...chromiumLaunchOptions(),
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30 * 60_000);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title === 'dossier bench ready');
    return { context, page };
  };
  type BenchGlobals = {
    seedDossierBench: (o: unknown, name: string) => Promise<number>;
    measureDossierBench: (o: unknown, name: string, seedMs: number) => Promise<unknown>;
  };
  let context: Awaited<ReturnType<typeof launch>>['context'] | undefined;
  try {
    // Seed in one browser session, then measure in a new one on the same profile: a
    // kiosk that has collected 100,000 dossiers over months and was started this
    // morning. Measuring right after a 100,000-row bulk insert would time Chromium's
    // storage still compacting what was just written, which a kiosk never sees.
    const name = `bench-${Date.now()}`;
    const seeding = await launch();
    context = seeding.context;
    const seedMs = (await seeding.page.evaluate(
      ([o, n]) => (globalThis as unknown as BenchGlobals).seedDossierBench(o, n),
      [OPTIONS, name] as const,
    )) as number;
    await seeding.context.close();
    const measuring = await launch();
    context = measuring.context;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const r = (await measuring.page.evaluate(
      ([o, n, ms]) => (globalThis as unknown as BenchGlobals).measureDossierBench(o, n, ms),
      [OPTIONS, name, seedMs] as const,
    )) as PageBenchResult;
    const ms = (metric: string, samples: number[], p: number, goal?: number): BenchResult => {
      const value = percentile(samples, p);
      return goal === undefined
        ? { metric, value, unit: 'ms' }
        : { metric, value, unit: 'ms', goal: `< ${goal} ms`, met: value < goal };
    };
    /** A query's median, its p99 over every run, and the judged p99 over each run's fastest round. */
    const query = (name: string, q: QuerySamples, goal?: number): BenchResult[] => [
      ms(`${name}: median`, q.all, 50),
      ms(`${name}: p99, all ${q.all.length} runs`, q.all, 99),
      ms(`${name}: p99, fastest of ${OPTIONS.queryRounds} rounds per run`, q.best, 99, goal),
    ];
    return [
      { metric: 'stored dossiers', value: r.storedDossiers, unit: '' },
      { metric: 'outbox rows waiting for the office', value: r.outboxRows, unit: '' },
      { metric: 'seed (bulkAdd), first browser session', value: r.seedMs / 1000, unit: 's' },
      ms('commit a submitted dossier: median', r.commit, 50),
      ms(`commit a submitted dossier: p99 (${r.commit.length} commits)`, r.commit, 99, 25),
      ms('draft autosave: median', r.draft, 50),
      ...query('Today: todayDossierPage (first 20 + total)', r.todayPage, 10),
      ...query('Today: todayDossierCount', r.todayCount, 10),
      ...query('outboxPending(100), the sync batch', r.outbox100, 10),
      ...query('outboxPending(50)', r.outbox50, 10),
      ...query('dossierByCode (receipt QR look-up)', r.byCode, 10),
      ...query('listDossiers first page of 20', r.listPage0, 10),
      ...query(`reference: todayDossiers, whole day (${r.todayRows} rows)`, r.today),
      ...query('reference: outboxPending(200)', r.outbox),
      ...query('reference: listDossiers pages 0–49 of 20', r.listPage),
      ms('reference: count of all dossiers (IndexedDB count): median', r.countAll.all, 50),
      ms('checkSpace (navigator.storage.estimate): median', r.checkSpace.all, 50),
    ];
  } finally {
    await context?.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
