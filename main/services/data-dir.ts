import { chmodSync, mkdirSync, readdirSync, type Dirent } from 'node:fs';
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

/**
 * The data folder holds citizens' data (printed documents, the browser profile with the
 * dossiers, logs, the sync token): owner only. Makes it 0700 and, for folders created
 * before this rule, tightens what is in it: folders 0700, files 0600. The browser
 * profiles are left to the browser (it keeps its own files private), and are out of
 * reach anyway once the data folder is 0700. Best effort per entry: a file it cannot
 * change must not stop the kiosk.
 */
export function secureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const layout = dataDirLayout(dataDir);
  const skip = new Set([layout.chromiumProfile, layout.electronProfile]);
  const walk = (dir: string) => {
    tryChmod(dir, 0o700);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (skip.has(full)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) tryChmod(full, 0o600);
    }
  };
  walk(dataDir);
}

function tryChmod(file: string, mode: number): void {
  try {
    chmodSync(file, mode);
  } catch {
    // Not ours (or gone meanwhile): leave it.
  }
}

/** The fixed layout inside the data folder. */
export function dataDirLayout(dataDir: string) {
  return {
    dataDir,
    /** The office profile an officer installs on this kiosk. */
    officeProfile: path.join(dataDir, 'office-profile.json'),
    /** The profile and catalogue the kiosk last started on, for a start where the newest pair fails. */
    lastGoodConfig: path.join(dataDir, 'office-config.last-good.json'),
    logs: path.join(dataDir, 'logs'),
    /** Chromium's user-data-dir under the headless host (IndexedDB lives here). */
    chromiumProfile: path.join(dataDir, 'chromium-profile'),
    /** Printed documents kept for reprint: prints/<dossierId>/<kind>.{pdf,html,json}. */
    prints: path.join(dataDir, 'prints'),
    /** The dossier code high-water mark (main/services/dossier-code), outside the browser profile. */
    dossierCodeMark: path.join(dataDir, 'dossier-code-mark.json'),
    /** The officer PIN's hash and lockout (main/services/officer), 0600. */
    officerPin: path.join(dataDir, 'officer-pin.json'),
    /** Queue services, offline-range marks and offline tickets not yet merged (main/services/tickets). */
    queueTickets: path.join(dataDir, 'queue-tickets.json'),
    /** Recorded clips per language published by the office (speech-clips/<language>/). */
    speechClips: path.join(dataDir, 'speech-clips'),
    /** Audio of fixed texts (procedure names) made ahead of any tap; rebuilt when missing. */
    speechCache: path.join(dataDir, 'speech-cache'),
    /** Electron's userData (IndexedDB lives here). */
    electronProfile: path.join(dataDir, 'electron-profile'),
    /** One key per day sealing the personal data in IndexedDB (main/services/at-rest). */
    atRestKeys: path.join(dataDir, 'at-rest-keys'),
    /** The serial (COM) ID-card scanner's port and baud rate. */
    serialScanner: path.join(dataDir, 'serial-scanner.json'),
  };
}
