import path from 'node:path';

export interface DataDirOptions {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homeDir: string;
  /** The checkout (development) or the installed app folder. */
  projectRoot: string;
  /** Running from a source checkout rather than an installed release. */
  development: boolean;
}

/** Folder name under the per-user data folder in releases. */
export const APP_DIR_NAME = 'commune-kiosk';

/**
 * Where the kiosk keeps its state: the office profile it loads, logs, and the browser
 * profile (IndexedDB with the dossiers). Both hosts resolve it the same way so a kiosk
 * can move between Electron and the headless host without losing dossiers' settings.
 *
 * - `KIOSK_DATA_DIR` wins (relative paths are taken from the current directory).
 * - In development: `<checkout>/.kiosk-data` (git-ignored), so a checkout never touches
 *   a real kiosk's data on the same machine.
 * - In a release: the per-user data folder of the OS.
 */
export function resolveDataDir(options: DataDirOptions): string {
  const { env, platform, homeDir, projectRoot, development } = options;
  const fromEnv = env.KIOSK_DATA_DIR?.trim();
  if (fromEnv) return path.resolve(fromEnv);
  if (development) return path.join(projectRoot, '.kiosk-data');
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || env.APPDATA || path.join(homeDir, 'AppData', 'Local');
    return path.win32.join(base, APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.join(homeDir, 'Library', 'Application Support', APP_DIR_NAME);
  const xdg = env.XDG_DATA_HOME?.trim();
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homeDir, '.local', 'share'), APP_DIR_NAME);
}

/** The fixed layout inside the data folder. */
export function dataDirLayout(dataDir: string) {
  return {
    dataDir,
    /** The office profile an officer installs on this kiosk. */
    officeProfile: path.join(dataDir, 'office-profile.json'),
    logs: path.join(dataDir, 'logs'),
    /** Chromium's user-data-dir under the headless host (IndexedDB lives here). */
    chromiumProfile: path.join(dataDir, 'chromium-profile'),
    /** Printed documents kept for reprint: prints/<dossierId>/<kind>.{pdf,html,json}. */
    prints: path.join(dataDir, 'prints'),
    /** Recorded clips per language published by the office (speech-clips/<language>/). */
    speechClips: path.join(dataDir, 'speech-clips'),
    /** Electron's userData (IndexedDB lives here). */
    electronProfile: path.join(dataDir, 'electron-profile'),
  };
}
