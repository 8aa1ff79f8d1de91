/**
 * The layering rules of .dependency-cruiser.cjs (run by `npm run lint`) on a fixture tree laid
 * out like the project: each forbidden import must be reported under its rule, and the allowed
 * ones must not be. The rules run through dependency-cruiser's own command line, as lint runs them.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

/** path → source. Each import is commented with the rule it breaks, or "allowed". */
const FIXTURE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true } }),
  'node_modules/electron/package.json': JSON.stringify({ name: 'electron', main: 'index.js' }),
  'node_modules/electron/index.js': 'module.exports = {};',
  'node_modules/react/package.json': JSON.stringify({ name: 'react', main: 'index.js' }),
  'node_modules/react/index.js': 'module.exports = {};',
  'node_modules/zod/package.json': JSON.stringify({ name: 'zod', main: 'index.js' }),
  'node_modules/zod/index.js': 'module.exports = {};',

  'shared/domain/clock.ts': `
    import 'zod'; // allowed
    import { readFileSync } from 'node:fs'; // shared-is-pure
    import '../../renderer/ui/Button.tsx'; // shared-is-pure
    import 'react'; // shared-is-pure
    export const x = readFileSync;`,
  'shared/domain/clock.test.ts': `
    import 'node:fs'; // allowed: tests are free
    import '../../main/services/printer.ts'; // allowed`,

  'renderer/main.tsx': `
    import './features/today/index.ts'; // allowed
    import './features/today/lazy.ts'; // allowed
    import './features/shell/app.ts'; // allowed: main mounts the shell's App
    import './features/today/TodayScreen.tsx'; // feature-public-api-from-outside
    import './db/db.ts'; // screens-reach-data-through-features`,
  'renderer/db/db.ts': `export const kioskDb = () => 1;`,
  'renderer/db/context.ts': `import './db.ts'; // allowed: the database module's own files`,
  'renderer/features/shell/app.ts': `export const App = 1;`,
  'renderer/ui/Button.tsx': `export const Button = 1;`,
  'renderer/ui/Widget.tsx': `
    import 'react'; // allowed
    import '../features/today/index.ts'; // ui-knows-no-feature`,
  'renderer/features/today/index.ts': `export * from './TodayScreen.tsx';`,
  'renderer/features/today/TodayScreen.tsx': `
    import '../dossier/index.ts'; // allowed
    import '../dossier/storage.ts'; // feature-public-api
    import '../dossier/lazy.ts'; // allowed: the parts loaded on demand
    import '../shell/app.ts'; // feature-public-api
    import '../dossier/locales/vi.json'; // allowed
    import './today-data.ts'; // allowed: inside the feature
    import '../../db/db.ts'; // screens-reach-data-through-features
    import '../../../main/services/printer.ts'; // renderer-is-browser-code
    import 'node:path'; // renderer-is-browser-code
    import 'electron'; // renderer-is-browser-code, electron-only-in-the-electron-host
    export const TodayScreen = 1;`,
  'renderer/features/today/today-data.ts': `export const t = 1;`,
  'renderer/features/today/lazy.ts': `export const later = 1;`,
  'renderer/features/dossier/lazy.ts': `export const later = 1;`,
  'renderer/features/queue/index.ts': `
    import '../ticket/index.ts'; // renderer-without-cycles
    export const q = 1;`,
  'renderer/features/ticket/index.ts': `
    import '../queue/index.ts'; // allowed: a cycle is reported once, on its first edge
    export const t = 1;`,
  'renderer/features/dossier/index.ts': `export * from './storage.ts';`,
  'renderer/features/dossier/storage.ts': `
    import '../../db/db.ts'; // allowed: a feature's data module
    import './missing.ts'; // not-to-unresolvable`,
  'renderer/features/dossier/locales/vi.json': '{}',

  'main/services/printer.ts': `
    import 'node:fs'; // allowed: services may use Node
    import '../node/host.ts'; // services-know-no-host
    import '../../tests/support/page.ts'; // production-imports-no-test-code
    export const p = 1;`,
  'main/services/speech/espeak.ts': `import 'node:child_process'; // allowed`,
  'main/node/host.ts': `
    import '../services/printer.ts'; // allowed
    import '../../shared/domain/clock.ts'; // allowed
    import '../electron/main.ts'; // headless-host-layers`,
  'main/electron/main.ts': `
    import 'electron'; // allowed
    import '../services/printer.ts'; // allowed
    import '../node/host.ts'; // electron-host-layers`,
  'office/server.ts': `
    import '../shared/domain/clock.ts'; // allowed
    import '../main/services/speech/espeak.ts'; // allowed: the one named exception
    import '../main/services/printer.ts'; // office-layers
    import '../renderer/db/db.ts'; // office-layers`,

  'tests/support/page.ts': `
    import '../../renderer/features/dossier/storage.ts'; // allowed: tests are free
    import '../../main/electron/main.ts'; // allowed`,
};

/** The violations the comments above announce, as "rule: from → to". */
function expectedViolations(): string[] {
  const out: string[] = [];
  for (const [file, source] of Object.entries(FIXTURE)) {
    for (const line of source.split('\n')) {
      const m = /import (?:.* from )?'([^']+)';\s*\/\/ ([a-z, -]+)$/.exec(line.trim());
      if (!m || m[2]!.startsWith('allowed')) continue;
      const spec = m[1]!;
      const to = spec.startsWith('.') ? path.posix.join(path.posix.dirname(file), spec) : spec;
      for (const rule of m[2]!.split(', ')) {
        // What does not resolve is named as written.
        const name = rule === 'not-to-unresolvable' ? spec : resolvedName(to);
        out.push(`${rule}: ${file} → ${name}`);
      }
    }
  }
  return out.sort();
}

/** How dependency-cruiser names a dependency: core modules by name, packages by their resolved file. */
function resolvedName(to: string): string {
  if (to.startsWith('node:')) return to.slice('node:'.length);
  if (to === 'electron' || to === 'react') return `node_modules/${to}/index.js`;
  return to;
}

interface CruiseViolation {
  rule: { name: string };
  from: string;
  to: string;
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layering-'));
  for (const [file, source] of Object.entries(FIXTURE)) {
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('layering rules (.dependency-cruiser.cjs)', () => {
  it('reports every forbidden import under its rule, and nothing allowed, and fails', async () => {
    const run = promisify(execFile);
    const depcruise = (outputType: string) =>
      run(
        process.execPath,
        [
          DEPCRUISE,
          '--config',
          path.join(ROOT, '.dependency-cruiser.cjs'),
          '--output-type',
          outputType,
          ...['shared', 'renderer', 'main', 'office', 'tests'],
        ],
        { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
      );
    const json = await depcruise('json');
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as { summary: { violations: CruiseViolation[] } };
    const found = report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual(expectedViolations());
    // The reporter `npm run lint` uses fails the command, with the number of errors as its status.
    await expect(depcruise('err')).rejects.toMatchObject({ code: found.length });
  }, 60_000);
});
