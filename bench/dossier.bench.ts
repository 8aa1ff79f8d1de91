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
import type { PageBenchOptions, PageBenchResult } from './dossier-bench-page.ts';

export const title = 'Dossiers: commit and queries in Chromium IndexedDB at 100,000 dossiers';

const OPTIONS: PageBenchOptions = {
  dossiers: Number(process.env.BENCH_DOSSIERS ?? 100_000),
  perDay: 100,
  pendingOutbox: 2_000,
  commits: 200,
  queryRuns: 200,
};

export const notes = `
Real code (renderer/features/dossier) in the system Chromium, headless, profile on disk, IndexedDB
with \`durability: 'strict'\` (each commit flushed before it resolves). Seeded with ${OPTIONS.dossiers.toLocaleString('en-US')}
dossiers (${OPTIONS.perDay} a day, ending the day before; bulkAdd in chunks of 5,000) and their outbox rows, of which
the newest ${OPTIONS.pendingOutbox.toLocaleString('en-US')} still wait for the office. *Commit* is the whole \`submitDossier\` as the wizard awaits it:
validation, dossier code, canonical JSON + SHA-256 (WebCrypto), one read-write transaction over dossiers, outbox,
meta, drafts and attachments, commit (${OPTIONS.commits} samples after 10 warm-up). The goals apply to the queries the
kiosk runs: *Today* is \`todayDossierPage\` (the dossier list's "today" page of 20 and the day's total) and
\`todayDossierCount\`; *outbox* is \`outboxPending(100)\`, the sync engine's batch, in seq order. Reading the whole day
(\`todayDossiers\`) and the protocol's largest batch (\`outboxPending(200)\`) are shown for reference.
The machine is shared with other work, so p99 includes their noise.
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
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: true,
    ...chromiumLaunchOptions(),
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30 * 60_000);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title === 'dossier bench ready');
    const r = (await page.evaluate(
      (o) =>
        (globalThis as unknown as { runDossierBench: (o: unknown) => Promise<unknown> }).runDossierBench(o),
      OPTIONS,
    )) as PageBenchResult;
    const ms = (metric: string, samples: number[], p: number, goal?: number): BenchResult => {
      const value = percentile(samples, p);
      return goal === undefined
        ? { metric, value, unit: 'ms' }
        : { metric, value, unit: 'ms', goal: `< ${goal} ms`, met: value < goal };
    };
    return [
      { metric: 'stored dossiers', value: r.storedDossiers, unit: '' },
      { metric: 'seed (bulkAdd)', value: r.seedMs / 1000, unit: 's' },
      ms('commit a submitted dossier: median', r.commit, 50),
      ms('commit a submitted dossier: p99', r.commit, 99, 25),
      ms('draft autosave: median', r.draft, 50),
      ms('Today: todayDossierPage (first 20 + total): median', r.todayPage, 50),
      ms('Today: todayDossierPage (first 20 + total): p99', r.todayPage, 99, 10),
      ms('Today: todayDossierCount p99', r.todayCount, 99, 10),
      ms('outboxPending(100), the sync batch: median', r.outbox100, 50),
      ms('outboxPending(100), the sync batch: p99', r.outbox100, 99, 10),
      ms('outboxPending(50): p99', r.outbox50, 99, 10),
      ms(`reference: todayDossiers, whole day (${r.todayRows} rows): median`, r.today, 50),
      ms(`reference: todayDossiers, whole day (${r.todayRows} rows): p99`, r.today, 99),
      ms('reference: outboxPending(200): median', r.outbox, 50),
      ms('reference: outboxPending(200): p99', r.outbox, 99),
      ms('dossierByCode p99', r.byCode, 99, 10),
      ms('listDossiers first page of 20: p99', r.listPage0, 99, 10),
      ms('listDossiers pages 0–49 of 20: median', r.listPage, 50),
      ms('listDossiers pages 0–49 of 20: p99', r.listPage, 99),
      ms('count of all dossiers (IndexedDB count): median', r.countAll, 50),
      ms('checkSpace (navigator.storage.estimate): median', r.checkSpace, 50),
    ];
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
