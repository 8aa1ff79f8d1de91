#!/usr/bin/env node
/* global process, console */
// `npm start`: build the renderer and the main process, then run the kiosk in Electron.
// The Electron binary is optional for everything else in this project (install, tests,
// the headless host), so when it is missing this says so clearly instead of failing
// somewhere inside Electron's own loader.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * Where the electron package put its binary, found the way its index.js does (path.txt,
 * written by its install step, names the executable under dist/) but without its
 * fallback of downloading on require: on a closed network that would stall `npm start`.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, executable);
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.error(`Electron's binary is not installed, so the kiosk cannot start in Electron.

Install it (needs access to Electron's download host or a mirror via ELECTRON_MIRROR):
  unset ELECTRON_SKIP_BINARY_DOWNLOAD
  npx install-electron                         # electron's own installer (node_modules/electron/install.js)
  # or reinstall it: rm -rf node_modules/electron && npm install

Or run the same kiosk without Electron, served by the headless Node host to the system
Chromium in kiosk mode:
  npm run kiosk:browser`);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const script of ['build:renderer', 'build:main']) {
  const result = spawnSync(npm, ['run', script], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`npm run ${script} failed; not starting Electron.`);
    process.exit(result.status ?? 1);
  }
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
