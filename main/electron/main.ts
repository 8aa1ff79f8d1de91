/**
 * The Electron host: a thin shell (secure window, kiosk lock, preload bridge) over the
 * plain Node services in main/services, which the headless host uses as well.
 * Built by `tsc -p tsconfig.main.json` to dist/main/electron/main.js (ESM) and started
 * by `npm start` (scripts/start-electron.mjs).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, powerSaveBlocker, safeStorage, session } from 'electron';
import { createPdfStore } from '../services/print/pdf-store.ts';
import { createPrintFontSource } from '../services/print/print-fonts.ts';
import { createPrintService } from '../services/print/print-service.ts';
import { createElectronPrinter, createElectronRenderer } from './print-electron.ts';
import type { BridgeResponse } from '../../shared/contracts/bridge.ts';
import { isAppUrl } from '../services/app-origin.ts';
import { createBridgeHandlers } from '../services/bridge-handlers.ts';
import { BRIDGE_LOCKED, createBridgeSecret } from '../services/bridge-secret.ts';
import { officeCatalogueFile } from '../services/catalogue.ts';
import { loadStartupConfig } from '../services/startup-config.ts';
import { dataDirLayout, resolveDataDir, secureDataDir } from '../services/data-dir.ts';
import { createKioskServices } from '../services/kiosk-services.ts';
import { createSetupCodeCheck } from '../services/officer/setup-code.ts';
import { createOfficerPinService } from '../services/officer/officer-pin.ts';
import { createDossierCodeMarkStore } from '../services/dossier-code/code-mark-store.ts';
import { createSerialScannerService } from '../services/serial-scanner/serial-scanner-service.ts';
import { createSerialportDriver } from '../services/serial-scanner/serialport-driver.ts';
import { createSerialSettingsFile } from '../services/serial-scanner/settings-file.ts';
import { createHostSync } from '../services/sync/host-sync.ts';
import { createHostTickets } from '../services/tickets/host-tickets.ts';
import { createSafeStorageCipher } from '../services/sync/token-cipher.ts';
import { createDayKeyStore } from '../services/at-rest/day-key-store.ts';
import { createFileLogger } from '../services/logger.ts';
import { createHostSpeech, demonstrationClipsDir } from '../services/speech/host-speech.ts';
import { formatProfileProblems, locateOfficeProfile } from '../services/profile-loader.ts';
import { handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { guardAllWebContents, hardenSession } from './hardening.ts';
import { createKioskWindow } from './window.ts';

const production = app.isPackaged || process.env.NODE_ENV === 'production';

// Before `ready`: privileged schemes can only be registered now. In an ESM entry only the
// synchronous top-level code (and static imports) is guaranteed to run before `ready`, so
// nothing may be awaited above these lines (Electron docs, tutorial/esm).
registerAppScheme();

// Before `ready` too: Chromium's profile (IndexedDB with the dossiers) goes in the
// kiosk's data folder, so KIOSK_DATA_DIR moves all of the kiosk's state together.
const appPath = app.getAppPath();
const dataDir = resolveDataDir({
  env: process.env,
  platform: process.platform,
  homeDir: os.homedir(),
  projectRoot: appPath,
  development: !production,
});
const layout = dataDirLayout(dataDir);
secureDataDir(dataDir);
app.setPath('userData', layout.electronProfile);

/** A clear message (native dialog, and stderr for whoever started it) and a non-zero exit. */
function refuseToStart(title: string, message: string): void {
  console.error(message);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  const logger = createFileLogger({ dir: layout.logs });
  logger.info('electron-start', { version: app.getVersion(), production, dataDir });

  const location = locateOfficeProfile({
    env: process.env,
    installedProfile: layout.officeProfile,
    developmentDefault: production ? null : path.join(appPath, 'assets', 'profiles', 'pac-nam.json'),
    exists: existsSync,
  });
  // The newest profile and catalogue, validated together; the last pair that worked if they fail.
  const loaded = location.ok
    ? await loadStartupConfig({
        profileFile: location.file,
        catalogueFile: officeCatalogueFile(dataDir),
        lastGoodFile: layout.lastGoodConfig,
        readFile: (file) => readFile(file, 'utf8'),
        logger,
      })
    : location;
  if (!loaded.ok) {
    logger.error('profile-rejected', { file: loaded.file, problems: loaded.problems });
    refuseToStart(
      'Hồ sơ cơ quan không hợp lệ / Invalid office profile',
      formatProfileProblems(loaded.file, loaded.problems),
    );
    return;
  }
  const { catalogue } = loaded;

  const distDir = path.join(appPath, 'dist', 'renderer');
  if (!existsSync(path.join(distDir, 'index.html'))) {
    refuseToStart('Kiosk', `The renderer is not built at ${distDir} — run "npm run build".`);
    return;
  }

  // Printing: hidden per-job windows (print-electron.ts); PDFs kept in <dataDir>/prints.
  const printApi = { BrowserWindow, session };
  const print = createPrintService({
    renderer: createElectronRenderer({ electron: printApi, logger }),
    printer: createElectronPrinter({
      electron: printApi,
      logger,
      printerName: loaded.profile.kiosk.printerName,
    }),
    store: createPdfStore({ dir: layout.prints }),
    fonts: createPrintFontSource({ dir: path.join(appPath, 'assets', 'fonts') }),
    logger,
    clock: () => new Date(),
  });

  // Reading aloud: espeak-ng from KIOSK_ESPEAK_PATH, else the copy packaged in resources/espeak-ng
  // (Windows, electron-builder extraResources), else the PATH (Linux: the espeak-ng package).
  const bundledEspeak =
    app.isPackaged && process.platform === 'win32'
      ? path.join(process.resourcesPath, 'espeak-ng', 'espeak-ng.exe')
      : null;
  // espeak-ng's Windows installer (MSI) puts it here without adding it to the PATH.
  const installedEspeak =
    process.platform === 'win32'
      ? path.win32.join(process.env.ProgramFiles ?? 'C:\\Program Files', 'eSpeak NG', 'espeak-ng.exe')
      : null;
  const espeakCommand =
    process.env.KIOSK_ESPEAK_PATH ||
    [bundledEspeak, installedEspeak].find((file): file is string => Boolean(file && existsSync(file)));
  const { speech, clipSync } = await createHostSpeech({
    clipsDir: layout.speechClips,
    extraClipDirs: production ? [] : [demonstrationClipsDir(appPath)],
    cacheDir: layout.speechCache,
    catalogue,
    nextCatalogueFile: officeCatalogueFile(dataDir),
    profile: loaded.profile,
    logger,
    ...(espeakCommand ? { espeakCommand } : {}),
  });

  // Sync: the enrolment token is encrypted with the OS keychain (safeStorage, after `ready`).
  const sync = await createHostSync({
    dataDir,
    cipher: createSafeStorageCipher(safeStorage),
    clipSync,
    catalogue,
    profile: loaded.profile,
    appVersion: app.getVersion(),
    logger,
    ...(process.env.KIOSK_OFFICE_URL ? { officeUrl: process.env.KIOSK_OFFICE_URL } : {}),
    // Development only: an office on plain HTTP (OFFICE_INSECURE_HTTP=1); README.
    ...(process.env.KIOSK_INSECURE_HTTP === '1' ? { allowInsecureHttp: true } : {}),
  });
  app.on('will-quit', () => sync.close());
  // Queue tickets ("Lấy số thứ tự"): from the office, or from this kiosk's own range when it is away.
  const tickets = createHostTickets({ dataDir, sync, logger });
  app.on('will-quit', () => tickets.close());

  // The ID-card scanner in serial (COM) mode, when the officer set a port.
  const serialScanner = createSerialScannerService({
    driver: createSerialportDriver(),
    store: createSerialSettingsFile(layout.serialScanner),
    logger,
  });
  await serialScanner.start();
  app.on('will-quit', () => void serialScanner.close());

  // The profile's setup code is kept only as a hash from here on (officer/setup-code.ts).
  const setupCode = await createSetupCodeCheck(loaded.profile.kiosk.setupCode);
  const dispatcher = createBridgeHandlers(
    createKioskServices({
      profile: loaded.profile,
      catalogue,
      appVersion: app.getVersion(),
      host: 'electron',
      print,
      sync,
      codeMark: createDossierCodeMarkStore({ file: layout.dossierCodeMark }),
      // The day keys sealing personal data in IndexedDB, wrapped by the OS keychain like the token.
      dayKeys: createDayKeyStore({ dir: layout.atRestKeys, cipher: createSafeStorageCipher(safeStorage) }),
      serialScanner,
      speech,
      tickets,
      officer: createOfficerPinService({ file: dataDirLayout(dataDir).officerPin, setupCode }),
      setupCode,
    }),
    { logger },
  );
  // A fresh secret per launch, given to the kiosk window's preload only (bridge-secret.ts).
  const bridgeSecret = createBridgeSecret();
  ipcMain.handle(
    'bridge',
    async (event, secret: unknown, method: unknown, input: unknown): Promise<BridgeResponse> => {
      // Only the kiosk's own page may call the bridge (not an error page or a foreign frame).
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl)) {
        logger.warn('bridge-call-rejected', { frameUrl });
        return { ok: false, error: { code: 'forbidden', message: 'Bridge calls only from kiosk://app' } };
      }
      if (!bridgeSecret.matches(secret)) {
        logger.warn('bridge-call-without-secret', { method: typeof method === 'string' ? method : null });
        return BRIDGE_LOCKED;
      }
      return dispatcher.invoke(typeof method === 'string' ? method : '', input);
    },
  );

  handleAppProtocol(distDir);
  hardenSession(session.defaultSession, logger);
  guardAllWebContents(logger);

  // A kiosk screen that goes dark looks broken to a citizen walking up to it.
  powerSaveBlocker.start('prevent-display-sleep');

  const preload = fileURLToPath(new URL('./preload.cjs', import.meta.url));
  let quitting = false;
  app.on('before-quit', () => (quitting = true));
  const isQuitting = () => quitting;
  let win = createKioskWindow({ preload, production, logger, isQuitting, bridgeSecret: bridgeSecret.value });

  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0)
      win = createKioskWindow({ preload, production, logger, isQuitting, bridgeSecret: bridgeSecret.value });
  });
  app.on('window-all-closed', () => app.quit());
}

// A release kiosk that hits a fault in the main process starts again rather than leaving
// the desktop on a public machine; the dossiers are in IndexedDB and survive the restart.
if (production) {
  process.on('uncaughtException', (error) => {
    console.error(error);
    app.relaunch();
    app.exit(1);
  });
}

// One kiosk per machine: a second start (a double tap on the icon) focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  start().catch((error: unknown) => {
    refuseToStart('Kiosk', error instanceof Error ? (error.stack ?? error.message) : String(error));
  });
}
