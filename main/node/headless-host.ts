import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../../shared/domain/procedure.ts';
import type { OfficeProfile } from '../../shared/domain/office-profile.ts';
import { createBridgeHandlers, type BridgeDispatcher } from '../services/bridge-handlers.ts';
import { createKioskServices } from '../services/kiosk-services.ts';
import { createSetupCodeCheck } from '../services/officer/setup-code.ts';
import { createOfficerPinService } from '../services/officer/officer-pin.ts';
import { createDossierCodeMarkStore } from '../services/dossier-code/code-mark-store.ts';
import {
  createSerialScannerService,
  type SerialDriver,
} from '../services/serial-scanner/serial-scanner-service.ts';
import { createSerialportDriver } from '../services/serial-scanner/serialport-driver.ts';
import { createSerialSettingsFile } from '../services/serial-scanner/settings-file.ts';
import { createMemoryLogger, type Logger } from '../services/logger.ts';
import { formatProfileProblems, loadOfficeProfile, type ProfileProblem } from '../services/profile-loader.ts';
import { defaultCatalogue, officeCatalogueFile } from '../services/catalogue.ts';
import { loadStartupConfig } from '../services/startup-config.ts';
import { createKioskRequestHandler } from './http-server.ts';
import { createBridgeSecret } from '../services/bridge-secret.ts';
import { createLaunchTickets, LAUNCH_PARAM } from './launch-tickets.ts';
import { dataDirLayout, secureDataDir } from '../services/data-dir.ts';
import type { DocumentRenderer, PrinterDriver } from '../services/print/types.ts';
import { createHeadlessPrintService, fontsDirOf, PRINT_BODY_LIMIT_BYTES } from './print-host.ts';
import {
  createHostSync,
  SYNC_BRIDGE_BODY_LIMIT_BYTES,
  type HostSyncOptions,
} from '../services/sync/host-sync.ts';
import type { SyncService } from '../services/sync/sync-service.ts';
import { createPlainFileCipher } from '../services/sync/token-cipher.ts';
import { createDayKeyStore } from '../services/at-rest/day-key-store.ts';
import { createHostSpeech } from '../services/speech/host-speech.ts';
import { createHostTickets, type HostTicketOptions } from '../services/tickets/host-tickets.ts';
import type { SpeechService } from '../services/speech/speech-service.ts';
import type { ClipStore } from '../services/speech/clip-store.ts';

/** The checkout this file lives in (the headless host always runs from source via tsx). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_DIST_DIR = path.join(PROJECT_ROOT, 'dist', 'renderer');
export const DEFAULT_PORT = 5170;

/** Thrown when the host refuses to start; `message` is the text to show a person. */
export class HostStartError extends Error {
  constructor(
    message: string,
    readonly problems: ProfileProblem[] = [],
  ) {
    super(message);
    this.name = 'HostStartError';
  }
}

export interface HeadlessHostOptions {
  /** 0 picks a free port (tests). */
  port: number;
  profilePath: string;
  distDir?: string;
  catalogue?: Catalogue;
  logger?: Logger;
  appVersion?: string;
  maxBodyBytes?: number;
  /** The kiosk's data folder (printed documents are kept in <dataDir>/prints); default a temp folder. */
  dataDir?: string;
  /** Print collaborators, injected in tests; default the system Chromium and the printer the profile names. */
  printRenderer?: DocumentRenderer;
  printer?: PrinterDriver;
  /**
   * Sync with the commune office (main/services/sync/host-sync.ts): `officeUrl` is suggested in the
   * enrolment settings; with `enrolmentCode` too, the host enrols at start when this
   * data folder is not enrolled yet. The token is kept in <dataDir>/sync (mode 0600).
   */
  sync?: HostSyncOptions;
  /** The ticket queue's cadence and clock (tests shorten and set them). */
  tickets?: HostTicketOptions;
  /** The serial port library, injected in tests; default `serialport`. */
  serialDriver?: SerialDriver;
  /** espeak-ng's executable (default KIOSK_ESPEAK_PATH, else `espeak-ng` on the PATH). */
  espeakCommand?: string;
  /** Read-only recorded-clip folders after <dataDir>/speech-clips (the demonstration set). */
  extraClipDirs?: readonly string[];
  /** false: no speech audio is made ahead of the taps (the speech benchmark's comparison). */
  speechPrepare?: boolean;
}

export interface HeadlessHost {
  /** e.g. http://127.0.0.1:5170/ (the page; its bridge answers only a browser opened on a launch address) */
  url: string;
  /**
   * A fresh single-use launch address (`<url>?launch=<ticket>`): the browser that opens it
   * first receives this launch's bridge secret as a cookie. For the kiosk browser (and tests).
   */
  launchUrl(): string;
  port: number;
  profile: OfficeProfile;
  dispatcher: BridgeDispatcher;
  /** The data folder in use (a fresh temp folder unless one was given). */
  dataDir: string;
  sync: SyncService;
  speech: SpeechService;
  clips: ClipStore;
  close(): Promise<void>;
}

function readAppVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * Start the kiosk's headless host: validate the office profile (refusing to start on a
 * bad one), then serve the built renderer and the bridge on 127.0.0.1 only.
 */
export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const logger = options.logger ?? createMemoryLogger().logger;
  const distDir = path.resolve(options.distDir ?? DEFAULT_DIST_DIR);
  // A kiosk with a data folder follows the catalogue its office last published, validated
  // together with the profile; the last pair that worked when the newest fails.
  const loaded =
    options.dataDir && !options.catalogue
      ? await loadStartupConfig({
          profileFile: options.profilePath,
          catalogueFile: officeCatalogueFile(options.dataDir),
          lastGoodFile: dataDirLayout(options.dataDir).lastGoodConfig,
          readFile: (file) => readFile(file, 'utf8'),
          logger,
        })
      : await loadWithCatalogue(options.profilePath, options.catalogue ?? defaultCatalogue());
  if (!loaded.ok) {
    logger.error('profile-rejected', { file: loaded.file, problems: loaded.problems });
    throw new HostStartError(formatProfileProblems(loaded.file, loaded.problems), loaded.problems);
  }
  const { catalogue } = loaded;
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new HostStartError(
      `Chưa có giao diện kiosk đã build ở ${distDir} — chạy "npm run build:renderer".\n` +
        `The kiosk renderer is not built at ${distDir} — run "npm run build:renderer".`,
    );
  }

  // Tests and e2e runs without a data folder keep their prints in a fresh temp folder.
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'kiosk-data-'));
  secureDataDir(dataDir);
  const print = await createHeadlessPrintService({
    printsDir: dataDirLayout(dataDir).prints,
    fontsDir: fontsDirOf(PROJECT_ROOT),
    printerName: loaded.profile.kiosk.printerName,
    logger,
    ...(options.printRenderer ? { renderer: options.printRenderer } : {}),
    ...(options.printer ? { printer: options.printer } : {}),
  });

  const appVersion = options.appVersion ?? readAppVersion();
  // No keychain API in plain Node: the token file is owner-only (mode 0600), not encrypted.
  const espeakCommand = options.espeakCommand ?? process.env.KIOSK_ESPEAK_PATH;
  const { speech, clips, clipSync } = await createHostSpeech({
    clipsDir: dataDirLayout(dataDir).speechClips,
    ...(options.extraClipDirs ? { extraClipDirs: options.extraClipDirs } : {}),
    cacheDir: dataDirLayout(dataDir).speechCache,
    catalogue,
    nextCatalogueFile: officeCatalogueFile(dataDir),
    ...(options.speechPrepare === false ? { prepare: false } : {}),
    profile: loaded.profile,
    logger,
    ...(espeakCommand ? { espeakCommand } : {}),
  });
  const sync = await createHostSync({
    dataDir,
    clipSync,
    cipher: createPlainFileCipher(),
    catalogue,
    profile: loaded.profile,
    appVersion,
    logger,
    ...(options.sync ?? {}),
  });
  const tickets = createHostTickets({
    dataDir,
    sync,
    logger,
    ...(options.sync?.now ? { now: options.sync.now } : {}),
    ...(options.tickets ?? {}),
  });
  const serialScanner = createSerialScannerService({
    driver: options.serialDriver ?? createSerialportDriver(),
    store: createSerialSettingsFile(dataDirLayout(dataDir).serialScanner),
    logger,
  });
  await serialScanner.start();
  // The profile's setup code is kept only as a hash from here on (officer/setup-code.ts).
  const setupCode = await createSetupCodeCheck(loaded.profile.kiosk.setupCode);
  const dispatcher = createBridgeHandlers(
    createKioskServices({
      profile: loaded.profile,
      catalogue,
      appVersion,
      host: 'headless',
      print,
      sync,
      codeMark: createDossierCodeMarkStore({ file: dataDirLayout(dataDir).dossierCodeMark }),
      // No keychain in plain Node: the day keys, like the token, are protected by mode 0600 only.
      dayKeys: createDayKeyStore({ dir: dataDirLayout(dataDir).atRestKeys, cipher: createPlainFileCipher() }),
      serialScanner,
      speech,
      tickets,
      officer: createOfficerPinService({ file: dataDirLayout(dataDir).officerPin, setupCode }),
      setupCode,
    }),
    { logger },
  );

  const launch = createLaunchTickets(createBridgeSecret());
  let port = options.port;
  const server = http.createServer(
    createKioskRequestHandler({
      distDir,
      dispatcher,
      logger,
      port: () => port,
      launch,
      maxBodyBytesFor: (method) =>
        method === 'printDocument'
          ? PRINT_BODY_LIMIT_BYTES
          : method === 'syncPush'
            ? SYNC_BRIDGE_BODY_LIMIT_BYTES
            : undefined,
      printDocuments: (ref) => print.readDocumentHtml(ref),
      ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    }),
  );
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new HostStartError(
              `Cổng ${options.port} đang bận (có kiosk khác đang chạy?). / Port ${options.port} is already in use (is another kiosk running?). Set KIOSK_PORT to use another.`,
            )
          : error,
      );
    });
    // Loopback only: the kiosk's bridge must never be reachable from the network.
    server.listen(options.port, '127.0.0.1', () => resolve());
  }).catch(async (error: unknown) => {
    sync.close();
    tickets.close();
    await serialScanner.close();
    throw error;
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  logger.info('headless-host-started', { url, profile: options.profilePath, distDir });

  return {
    url,
    launchUrl: () => `${url}?${LAUNCH_PARAM}=${launch.issue()}`,
    port,
    profile: loaded.profile,
    dispatcher,
    dataDir,
    sync,
    speech,
    clips,
    close: async () => {
      sync.close();
      tickets.close();
      // Ends the screens' pending waits first, so the server can close their connections.
      await serialScanner.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      // The print browser (if one was started) goes with the host.
      await print.close();
    },
  };
}

/** The profile checked against a catalogue the caller chose (tests, no data folder). */
async function loadWithCatalogue(profilePath: string, catalogue: Catalogue) {
  const loaded = await loadOfficeProfile({
    file: profilePath,
    catalogue,
    readFile: (file) => readFile(file, 'utf8'),
  });
  return loaded.ok ? { ...loaded, catalogue } : loaded;
}
