/**
 * `npm run kiosk:browser`: the kiosk on the headless Node host, shown by the system
 * Chromium in kiosk mode. This is how the kiosk runs on thin clients without Electron.
 *
 * Environment: KIOSK_PORT (default 5170), KIOSK_PROFILE, KIOSK_DATA_DIR, CHROMIUM_PATH,
 * KIOSK_OFFICE_URL (pre-fills the enrolment settings), KIOSK_ENROLMENT_CODE (with it and
 * KIOSK_OFFICE_CERT_SHA256: enrol at start; the enrolment QR's whole text also works),
 * KIOSK_INSECURE_HTTP=1 (development: an office on plain HTTP),
 * KIOSK_NO_BROWSER=1 (serve only), KIOSK_CHROMIUM_FLAGS (extra flags, space-separated),
 * NODE_ENV=production (no development defaults: data in the OS user-data folder and no
 * example profile).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataDirLayout, resolveDataDir } from '../services/data-dir.ts';
import { createFileLogger } from '../services/logger.ts';
import { formatProfileProblems, locateOfficeProfile } from '../services/profile-loader.ts';
import { createRestartLimiter, DEFAULT_RESTART_POLICY } from '../services/restart-limiter.ts';
import { findChromium, kioskChromiumArgs } from './chromium.ts';
import { DEFAULT_PORT, HostStartError, PROJECT_ROOT, startHeadlessHost } from './headless-host.ts';
import { demonstrationClipsDir } from '../services/speech/host-speech.ts';

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`KIOSK_PORT must be a port number 1–65535, got "${value}".`);
    process.exit(2);
  }
  return port;
}

async function main() {
  const env = process.env;
  const development = env.NODE_ENV !== 'production';
  // The port is part of the browser origin (http://127.0.0.1:5170), and IndexedDB — where
  // the dossiers and the outbox live — belongs to the origin AND the user-data-dir. Both
  // must stay the same across releases and restarts, or the kiosk would come up with an
  // empty database while the old one sits unreachable beside it. Change KIOSK_PORT on a
  // kiosk only before its first dossier.
  const port = parsePort(env.KIOSK_PORT);
  const dataDir = resolveDataDir({
    env,
    platform: process.platform,
    homeDir: os.homedir(),
    projectRoot: PROJECT_ROOT,
    development,
  });
  const layout = dataDirLayout(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logger = createFileLogger({ dir: layout.logs });

  const location = locateOfficeProfile({
    env,
    installedProfile: layout.officeProfile,
    developmentDefault: development ? path.join(PROJECT_ROOT, 'assets', 'profiles', 'pac-nam.json') : null,
    exists: existsSync,
  });
  if (!location.ok) {
    console.error(formatProfileProblems(location.file, location.problems));
    process.exit(1);
  }

  let host;
  try {
    host = await startHeadlessHost({
      port,
      profilePath: location.file,
      logger,
      dataDir,
      // The demonstration recordings (assets/speech-clips) only in a checkout, never in production.
      ...(development ? { extraClipDirs: [demonstrationClipsDir(PROJECT_ROOT)] } : {}),
      sync: {
        ...(env.KIOSK_OFFICE_URL ? { officeUrl: env.KIOSK_OFFICE_URL } : {}),
        ...(env.KIOSK_ENROLMENT_CODE ? { enrolmentCode: env.KIOSK_ENROLMENT_CODE } : {}),
        ...(env.KIOSK_OFFICE_CERT_SHA256 ? { officeCertificateSha256: env.KIOSK_OFFICE_CERT_SHA256 } : {}),
        ...(env.KIOSK_INSECURE_HTTP === '1' ? { allowInsecureHttp: true } : {}),
      },
    });
  } catch (error) {
    console.error(error instanceof HostStartError ? error.message : error);
    logger.error('host-start-failed', { error });
    process.exit(1);
  }
  console.log(`Kiosk: ${host.url}`);
  console.log(`  profile: ${location.file} (${location.source})`);
  console.log(`  data:    ${dataDir}`);
  console.log(`  prints:  ${layout.prints}`);

  let browser: ChildProcess | undefined;
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info('shutdown', { signal });
    if (browser && browser.exitCode === null && browser.signalCode === null) {
      const exited = new Promise((resolve) => browser?.once('exit', resolve));
      browser.kill('SIGTERM');
      const timer = setTimeout(() => browser?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (env.KIOSK_NO_BROWSER === '1') {
    // The bridge answers only the browser that opens this (single-use) address first.
    console.log(`  open once: ${host.launchUrl()}`);
    console.log('  KIOSK_NO_BROWSER=1: not starting a browser. Ctrl-C to stop.');
    return;
  }

  const chromium = findChromium();
  if (!chromium) {
    console.error(
      'Không tìm thấy Chromium. / No Chromium found: install it (e.g. apt install chromium) or set CHROMIUM_PATH;' +
        ' KIOSK_NO_BROWSER=1 serves the kiosk without opening a browser.',
    );
    await host.close();
    process.exit(1);
  }
  mkdirSync(layout.chromiumProfile, { recursive: true, mode: 0o700 });
  const restarts = createRestartLimiter({ ...DEFAULT_RESTART_POLICY, now: Date.now });

  const launch = () => {
    // Every start of the browser gets a fresh single-use launch address (its bridge secret cookie).
    const args = kioskChromiumArgs({
      url: host.launchUrl(),
      userDataDir: layout.chromiumProfile,
      runningAsRoot: process.getuid?.() === 0,
      extraFlags: (env.KIOSK_CHROMIUM_FLAGS ?? '').split(/\s+/).filter(Boolean),
    });
    logger.info('browser-launch', { chromium });
    browser = spawn(chromium, args, { stdio: 'ignore' });
    browser.on('error', (error) => logger.error('browser-spawn-failed', { error }));
    browser.on('exit', (code, signal) => {
      if (shuttingDown) return;
      logger.warn('browser-exited', { code, signal });
      // A kiosk browser that dies (crash, OOM) comes back by itself, but not in a tight loop.
      if (restarts.tryRestart()) {
        setTimeout(launch, 1000);
      } else {
        console.error('Chromium keeps exiting; giving up. See the log in ' + layout.logs);
        void host.close().then(() => process.exit(1));
      }
    });
  };
  launch();
}

await main();
