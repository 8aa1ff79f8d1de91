import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface FindChromiumDeps {
  env: Readonly<Record<string, string | undefined>>;
  exists: (file: string) => boolean;
  /** Full path of a command on the PATH, or undefined. */
  which: (name: string) => string | undefined;
}

const defaultDeps: FindChromiumDeps = {
  env: process.env,
  exists: existsSync,
  which: (name) => {
    try {
      return (
        execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() ||
        undefined
      );
    } catch {
      return undefined;
    }
  },
};

/** `CHROMIUM_PATH` if it exists, else a Chromium or Chrome on the PATH. */
export function findChromium(deps: FindChromiumDeps = defaultDeps): string | undefined {
  const fromEnv = deps.env.CHROMIUM_PATH?.trim();
  if (fromEnv) return deps.exists(fromEnv) ? fromEnv : undefined;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = deps.which(name);
    if (found) return found;
  }
  return undefined;
}

export interface KioskChromiumArgsOptions {
  url: string;
  userDataDir: string;
  /** Chromium refuses to run as root without --no-sandbox (containers, some thin-client images). */
  runningAsRoot: boolean;
  /** Extra flags from KIOSK_CHROMIUM_FLAGS, e.g. --disable-gpu on a machine with a broken GPU driver. */
  extraFlags?: readonly string[];
}

/**
 * Chromium as the kiosk: full screen with no browser UI (--kiosk), printing straight to
 * the default printer without the dialog (--kiosk-printing), one app window on the
 * kiosk's origin, and no calls to Google services a closed commune network cannot reach
 * (each of which would otherwise retry and log at every start).
 */
export function kioskChromiumArgs(options: KioskChromiumArgsOptions): string[] {
  return [
    '--kiosk',
    '--kiosk-printing',
    `--app=${options.url}`,
    `--user-data-dir=${options.userDataDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication',
    '--disable-session-crashed-bubble',
    '--noerrdialogs',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    // Linux: do not ask for a desktop keyring that a kiosk session does not have.
    '--password-store=basic',
    ...(options.runningAsRoot ? ['--no-sandbox'] : []),
    ...(options.extraFlags ?? []),
  ];
}
