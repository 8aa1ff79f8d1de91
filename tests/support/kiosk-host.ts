import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHeadlessHost } from '../../main/node/headless-host.ts';
import { createCupsPrinter } from '../../main/node/print-cups.ts';
import { startCupsServer, type CupsServer, type TestPrinter } from '../../main/test-support/cups-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StartKioskHostOptions {
  /** An example profile's name in assets/profiles (e.g. 'pac-nam', 'gia-lam') or a path to a profile file. */
  profile: string;
  /** 0 (default) picks a free port, so specs can run in parallel. */
  port?: number;
  /** The built renderer; the e2e script builds it before Playwright starts. */
  distDir?: string;
  /**
   * The kiosk's data folder (sync identity in <dataDir>/sync, prints, a profile saved from
   * the office). Default: a fresh temp folder per start. Pass the same folder to a second
   * start to "restart" the same kiosk with its enrolment.
   */
  dataDir?: string;
  /**
   * The office to sync with. `officeUrl` alone pre-fills the enrolment settings; with
   * `enrolmentCode` (from the office: createEnrolmentCode or the dashboard's Kiosks page)
   * the host enrols at start unless dataDir is already enrolled. If the office is down at
   * that moment the host still starts, not enrolled (the reason is logged).
   */
  officeUrl?: string;
  /** An office on the development switch (plain HTTP); pinned HTTPS is the default (sync.spec.ts). */
  allowInsecureHttp?: boolean;
  enrolmentCode?: string;
  /**
   * Short sync cadence for tests: the renderer engine's retry base/cap and idle poll, and
   * the main process's office probe interval (ms). Defaults: 2 s / 5 min / 30 s, probe 30 s
   * online and up to 2 min offline.
   */
  syncTiming?: { baseMs: number; capMs: number; idleMs: number };
  probeIntervalMs?: number;
  /** The host's clock (e.g. the last sync time shown in the top bar); default the real clock. */
  now?: () => Date;
  /** How often offline queue tickets are offered to the office (default 20 s). */
  ticketFlushIntervalMs?: number;
  /**
   * The printer, on a private CUPS scheduler (main/test-support/cups-server.ts): 'pdf'
   * (default) a fresh printer that prints to PDF files; 'none' a CUPS with no printer
   * the kiosk could use; or an existing test printer by name (a restarted kiosk).
   */
  printer?: 'pdf' | 'none' | { name: string };
  /** espeak-ng's executable (a path that does not exist: a kiosk without speech). */
  espeakCommand?: string;
  /** Read-only recorded-clip folders, e.g. the demonstration set in assets/speech-clips. */
  extraClipDirs?: string[];
  /** false: the host makes no speech audio ahead of the taps (benchmark comparison). */
  speechPrepare?: boolean;
}

export interface KioskHostHandle {
  /**
   * A fresh single-use launch address `http://127.0.0.1:<port>/?launch=…` at every read: the
   * browser context that opens it receives the bridge secret (a cookie), as the kiosk
   * browser does at start. Read it again for every new browser context.
   */
  readonly url: string;
  /** The data folder in use (the one given, or the temp folder made for this start). */
  dataDir: string;
  /** The test printer the host prints to (absent with printer 'none'). */
  printer?: TestPrinter;
  /** The private CUPS scheduler (pause/resume a printer, cancel jobs). */
  cups: CupsServer;
  close(): Promise<void>;
}

/** One private CUPS scheduler per test worker, started on first use, stopped when the worker exits. */
let cupsServer: Promise<CupsServer> | undefined;
let printerCount = 0;
const printers = new Map<string, TestPrinter>();
export function testCups(): Promise<CupsServer> {
  cupsServer ??= startCupsServer();
  return cupsServer;
}

export function profilePath(profile: string): string {
  const isName = /^[a-z0-9-]+$/.test(profile);
  return isName ? path.join(ROOT, 'assets', 'profiles', `${profile}.json`) : path.resolve(profile);
}

/**
 * Start the headless kiosk host for a Playwright spec. Builds nothing: `npm run test:e2e`
 * runs `vite build` first. Throws (with the host's own message) on a bad profile or a
 * missing build.
 */
export async function startKioskHost(options: StartKioskHostOptions): Promise<KioskHostHandle> {
  const cups = await testCups();
  const wanted = options.printer ?? 'pdf';
  let printer: TestPrinter | undefined;
  if (wanted === 'pdf') {
    printer = await cups.addPrinter(`Kiosk_${process.pid}_${++printerCount}`);
    printers.set(printer.name, printer);
  } else if (wanted !== 'none') {
    printer = printers.get(wanted.name);
  }
  const host = await startHeadlessHost({
    // Followed until CUPS completes the job, as in production; no printer: CUPS' answer.
    printer: createCupsPrinter({
      printerName: printer?.name,
      run: cups.run,
      jobTimeoutMs: 15_000,
      pollMs: 100,
    }),
    port: options.port ?? 0,
    profilePath: profilePath(options.profile),
    distDir: options.distDir ?? path.join(ROOT, 'dist', 'renderer'),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.espeakCommand ? { espeakCommand: options.espeakCommand } : {}),
    ...(options.extraClipDirs ? { extraClipDirs: options.extraClipDirs } : {}),
    ...(options.ticketFlushIntervalMs ? { tickets: { flushIntervalMs: options.ticketFlushIntervalMs } } : {}),
    ...(options.speechPrepare === false ? { speechPrepare: false } : {}),
    sync: {
      ...(options.officeUrl ? { officeUrl: options.officeUrl } : {}),
      ...(options.allowInsecureHttp ? { allowInsecureHttp: true } : {}),
      ...(options.enrolmentCode ? { enrolmentCode: options.enrolmentCode } : {}),
      ...(options.syncTiming ? { timing: options.syncTiming } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.probeIntervalMs
        ? { probeIntervalMs: options.probeIntervalMs, probeBackoffCapMs: options.probeIntervalMs }
        : {}),
    },
  });
  return {
    get url() {
      return host.launchUrl();
    },
    dataDir: host.dataDir,
    close: host.close,
    cups,
    ...(printer ? { printer } : {}),
  };
}
