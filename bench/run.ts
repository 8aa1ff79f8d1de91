/**
 * `npm run bench [-- [--write] [name…]]`
 *
 * Runs every bench/*.bench.ts module (or only those named, e.g. `search`),
 * prints a table per module, and with --write rewrites that module's section of
 * BENCHMARKS.md between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`,
 * appending the section when it is not there yet. Each section records the
 * machine (CPU model, cores, Node version) and the date, because numbers from
 * different machines are not comparable.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './types.ts';

const benchDir = dirname(fileURLToPath(import.meta.url));
const benchmarksFile = join(benchDir, '..', 'BENCHMARKS.md');

const args = process.argv.slice(2);
const write = args.includes('--write');
const only = args.filter((a) => !a.startsWith('--'));

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${availableParallelism()} cores, Node ${process.version}, ${platform()}-${arch()}`;
}

/** The run's date as YYYY-MM-DD in UTC (the machine clock's date, recorded as such). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 1
      ? value.toFixed(2)
      : value.toPrecision(3);
}

function markdownTable(results: BenchResult[]): string {
  const rows = results.map((r) => {
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    return `| ${r.metric} | ${formatValue(r.value)}${r.unit ? ' ' + r.unit : ''} | ${r.goal ?? ''} | ${met} |`;
  });
  return ['| metric | value | goal | met |', '|---|---|---|---|', ...rows].join('\n');
}

function printTable(name: string, results: BenchResult[]): void {
  const cells = results.map((r) => [
    r.metric,
    `${formatValue(r.value)}${r.unit ? ' ' + r.unit : ''}`,
    r.goal ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const header = ['metric', 'value', 'goal', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  console.log(`\n== ${name} ==`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function section(name: string, module: BenchModule, results: BenchResult[]): string {
  const parts = [
    `<!-- bench:${name} -->`,
    `## ${module.title ?? name}`,
    '',
    `Machine: ${machine()}; 1-minute load average ${loadavg()[0]!.toFixed(1)} when the run ended (other work on the`,
    `machine slows the numbers). Date: ${today()}. Command: \`npm run bench -- ${name} --write\`.`,
    '',
    markdownTable(results),
  ];
  if (module.notes) parts.push('', module.notes.trim());
  parts.push(`<!-- /bench:${name} -->`);
  return parts.join('\n');
}

function writeSection(name: string, text: string): void {
  const current = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '# Benchmarks\n';
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + text + current.slice(to + end.length)
      : current.replace(/\s*$/, '\n\n') + text + '\n';
  writeFileSync(benchmarksFile, next);
}

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const selected = files.filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')));
if (selected.length === 0) {
  console.error(`no bench module matches ${only.join(', ')}; available: ${files.join(', ')}`);
  process.exit(1);
}

console.log(`Machine: ${machine()}; date ${today()}`);
let failed = false;
for (const file of selected) {
  const name = file.replace(/\.bench\.ts$/, '');
  const module = (await import(pathToFileURL(join(benchDir, file)).href)) as Partial<BenchModule>;
  if (typeof module.run !== 'function') {
    console.error(`${file} does not export run(): Promise<BenchResult[]>`);
    failed = true;
    continue;
  }
  const results = await module.run();
  printTable(module.title ?? name, results);
  if (write) {
    writeSection(name, section(name, module as BenchModule, results));
    console.log(`(wrote section "${name}" of BENCHMARKS.md)`);
  }
}
// The test CUPS scheduler the kiosk host prints to is shared by every module of the run and lives
// as long as the process (tests/support/kiosk-host.ts), so the run ends the process itself.
process.exit(failed ? 1 : 0);
