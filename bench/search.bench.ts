/**
 * Search per keystroke over a 2,000-procedure catalogue: our index versus
 * Fuse.js, in the same run, on the same synthetic catalogue and query set.
 *
 * Each query is typed character by character and every prefix is searched, as
 * the kiosk does on every keystroke; the time of each call is one sample.
 * The hit rate counts a query as found when its expected procedure is in the
 * top 5 for the complete query.
 *
 * Fuse.js configuration (kept sensible and fair): keys name.vi, aliases and
 * code, plus diacritic-folded copies of name and aliases, and the query is
 * folded with our own normaliser before it reaches Fuse (that folding is timed
 * as part of Fuse's keystroke), so Fuse is not penalised for đ/Đ or NFD input,
 * which it cannot fold itself; ignoreLocation: true (a match may be anywhere
 * in a long name), threshold 0.4 (Fuse's documented middle ground), limit 10.
 */
import Fuse from 'fuse.js';
import { createSearchIndex, type SearchableProcedure } from '../shared/search/search-index.ts';
import { normalizeForSearch } from '../shared/search/normalize.ts';
import { benchQueries, syntheticCatalogue, type BenchQuery, type QueryKind } from './search-data.ts';
import type { BenchResult } from './types.ts';

export const title = 'Search: per keystroke over 2,000 procedures, ours vs Fuse.js';

export const notes = `
Synthetic bench data (bench/search-data.ts): 2,000 procedures = the 13 real ones of DOMAIN_FACTS.md
plus 1,987 generated from realistic administrative vocabulary (codes \`9.xxxxxx\`, clearly not national
codes), with colloquial aliases on some. Query set: hand-written queries for the real procedures
(no diacritics, typos, colloquial aliases, word order, half-typed last word, national code) plus
queries derived from synthetic procedures. Every query is typed one character at a time and each
prefix is searched (limit 10); the time of one call is one keystroke sample. Ours is timed over
all queries 5 times; the p99 goal is judged on each keystroke's fastest round, because the machine
is shared and a raw p99 mostly measures other processes (the raw p99 is reported too). Fuse.js is
timed on every third query (all their keystrokes) to keep the run short, and the speed-up compares
both engines on that same subset. Hit = expected procedure
in the top 5 for the full query. Fuse.js 7 gets name.vi, aliases, code and diacritic-folded copies of
name and aliases, with the query folded by our normaliser first (timed as Fuse's cost);
ignoreLocation, threshold 0.4. Goal (issue 2): at least 10× faster than Fuse.js, higher hit rate,
under 1 ms per keystroke (p99).
`;

interface Engine {
  search(query: string): string[];
}

function ourEngine(catalogue: SearchableProcedure[]): Engine {
  const index = createSearchIndex(catalogue);
  return { search: (q) => index.search(q, 10).map((h) => h.code) };
}

function fuseEngine(catalogue: SearchableProcedure[]): Engine {
  const docs = catalogue.map((p) => ({
    code: p.code,
    name: { vi: p.name.vi },
    aliases: p.aliases,
    nameFolded: normalizeForSearch(p.name.vi),
    aliasesFolded: p.aliases.map(normalizeForSearch),
  }));
  const fuse = new Fuse(docs, {
    keys: ['name.vi', 'aliases', 'code', 'nameFolded', 'aliasesFolded'],
    ignoreLocation: true,
    threshold: 0.4,
  });
  return {
    search: (q) => {
      const folded = normalizeForSearch(q);
      return folded ? fuse.search(folded, { limit: 10 }).map((r) => r.item.code) : [];
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Timing {
  mean: number;
  p50: number;
  p99: number;
  max: number;
  /** p99 over keystrokes of each keystroke's fastest of the rounds (scheduler noise removed). */
  p99OfMin: number;
  keystrokes: number;
}

/**
 * Type every query character by character, `rounds` times; one sample per
 * keystroke per round. Besides the raw distribution, each keystroke's fastest
 * round is kept: on a shared machine a raw p99 mostly measures the other
 * processes, while the per-keystroke minimum measures the search.
 */
function timeKeystrokes(engine: Engine, queries: BenchQuery[], rounds: number): Timing {
  const samples: number[] = [];
  const fastest: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let keystroke = 0;
    for (const { query } of queries) {
      for (let k = 1; k <= query.length; k++) {
        const prefix = query.slice(0, k);
        const start = performance.now();
        engine.search(prefix);
        const elapsed = performance.now() - start;
        samples.push(elapsed);
        fastest[keystroke] = Math.min(fastest[keystroke] ?? Infinity, elapsed);
        keystroke++;
      }
    }
  }
  samples.sort((a, b) => a - b);
  fastest.sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return {
    mean,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1]!,
    p99OfMin: percentile(fastest, 99),
    keystrokes: fastest.length,
  };
}

function hitRates(
  engine: Engine,
  queries: BenchQuery[],
): { overall: number; byKind: Map<QueryKind, number>; misses: BenchQuery[] } {
  const misses: BenchQuery[] = [];
  const total = new Map<QueryKind, number>();
  const hits = new Map<QueryKind, number>();
  for (const q of queries) {
    total.set(q.kind, (total.get(q.kind) ?? 0) + 1);
    if (engine.search(q.query).slice(0, 5).includes(q.expected))
      hits.set(q.kind, (hits.get(q.kind) ?? 0) + 1);
    else misses.push(q);
  }
  const byKind = new Map<QueryKind, number>();
  for (const [kind, n] of total) byKind.set(kind, (100 * (hits.get(kind) ?? 0)) / n);
  return { overall: (100 * (queries.length - misses.length)) / queries.length, byKind, misses };
}

export async function run(): Promise<BenchResult[]> {
  const catalogue = syntheticCatalogue();
  const queries = benchQueries(catalogue);

  let start = performance.now();
  const ours = ourEngine(catalogue);
  const ourBuild = performance.now() - start;
  start = performance.now();
  const fuse = fuseEngine(catalogue);
  const fuseBuild = performance.now() - start;

  // Warm up both (JIT, caches) on the whole set once, then measure.
  timeKeystrokes(ours, queries, 1);
  timeKeystrokes(fuse, queries.slice(0, 5), 1);
  const ourTime = timeKeystrokes(ours, queries, 5);
  // Fuse.js takes tens to hundreds of ms a keystroke, so it is timed on every third
  // query (all of its keystrokes) to keep the run to a couple of minutes; the
  // speed-up compares both engines on exactly that subset.
  const sample = queries.filter((_, i) => i % 3 === 0);
  const fuseTime = timeKeystrokes(fuse, sample, 1);
  const ourSampleTime = timeKeystrokes(ours, sample, 1);

  const ourHits = hitRates(ours, queries);
  const fuseHits = hitRates(fuse, queries);
  for (const miss of ourHits.misses)
    console.log(`  ours missed (${miss.kind}): "${miss.query}" → ${miss.expected}`);
  for (const miss of fuseHits.misses)
    console.log(`  fuse missed (${miss.kind}): "${miss.query}" → ${miss.expected}`);

  const speedup = fuseTime.mean / ourSampleTime.mean;
  const kinds = [...new Set(queries.map((q) => q.kind))];
  return [
    { metric: 'catalogue size', value: catalogue.length, unit: 'procedures' },
    { metric: 'queries / keystrokes per pass', value: `${queries.length} / ${ourTime.keystrokes}`, unit: '' },
    {
      metric: 'index build: ours / Fuse.js',
      value: `${ourBuild.toFixed(1)} / ${fuseBuild.toFixed(1)}`,
      unit: 'ms',
    },
    { metric: 'ours: per keystroke mean', value: ourTime.mean, unit: 'ms' },
    { metric: 'ours: per keystroke p50', value: ourTime.p50, unit: 'ms' },
    { metric: 'ours: per keystroke p99 (all samples, 5 rounds)', value: ourTime.p99, unit: 'ms' },
    {
      metric: 'ours: per keystroke p99 (fastest of 5 rounds)',
      value: ourTime.p99OfMin,
      unit: 'ms',
      goal: '< 1 ms',
      met: ourTime.p99OfMin < 1,
    },
    { metric: 'ours: per keystroke max', value: ourTime.max, unit: 'ms' },
    {
      metric: 'timing subset for the comparison: queries / keystrokes',
      value: `${sample.length} / ${fuseTime.keystrokes}`,
      unit: '',
    },
    { metric: 'ours on the subset: per keystroke mean', value: ourSampleTime.mean, unit: 'ms' },
    { metric: 'Fuse.js on the subset: per keystroke mean', value: fuseTime.mean, unit: 'ms' },
    { metric: 'Fuse.js on the subset: per keystroke p50', value: fuseTime.p50, unit: 'ms' },
    { metric: 'Fuse.js on the subset: per keystroke p99', value: fuseTime.p99, unit: 'ms' },
    {
      metric: 'speed-up on the subset (Fuse.js mean / ours mean)',
      value: speedup,
      unit: '×',
      goal: '≥ 10×',
      met: speedup >= 10,
    },
    { metric: 'speed-up on the subset at p99', value: fuseTime.p99 / ourSampleTime.p99, unit: '×' },
    {
      metric: 'top-5 hit rate: ours / Fuse.js',
      value: `${ourHits.overall.toFixed(1)} / ${fuseHits.overall.toFixed(1)}`,
      unit: '%',
      goal: 'ours higher',
      met: ourHits.overall > fuseHits.overall,
    },
    ...kinds.map((kind) => ({
      metric: `  hit rate, ${kind} (${queries.filter((q) => q.kind === kind).length} queries): ours / Fuse.js`,
      value: `${ourHits.byKind.get(kind)!.toFixed(0)} / ${fuseHits.byKind.get(kind)!.toFixed(0)}`,
      unit: '%',
    })),
  ];
}
