import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHeadlessHost } from '../../main/node/headless-host.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StartKioskHostOptions {
  /** An example profile's name in assets/profiles (e.g. 'pac-nam', 'gia-lam') or a path to a profile file. */
  profile: string;
  /** 0 (default) picks a free port, so specs can run in parallel. */
  port?: number;
  /** The built renderer; the e2e script builds it before Playwright starts. */
  distDir?: string;
}

export interface KioskHostHandle {
  /** http://127.0.0.1:<port>/ */
  url: string;
  close(): Promise<void>;
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
  const host = await startHeadlessHost({
    port: options.port ?? 0,
    profilePath: profilePath(options.profile),
    distDir: options.distDir ?? path.join(ROOT, 'dist', 'renderer'),
  });
  return { url: host.url, close: host.close };
}
