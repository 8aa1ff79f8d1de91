import os from 'node:os';
import path from 'node:path';
import { SYNC_LIMITS } from '../../../shared/contracts/sync.ts';
import type { SyncStatus } from '../../../shared/contracts/bridge.ts';
import type { Catalogue } from '../../../shared/domain/procedure.ts';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import { officeCatalogueFile } from '../catalogue.ts';
import { dataDirLayout } from '../data-dir.ts';
import type { Logger } from '../logger.ts';
import type { ClipSync } from '../speech/clip-sync.ts';
import { createDeviceIdentityStore } from './device-identity-store.ts';
import { createOfficeConfigFiles } from './office-config-sink.ts';
import { createSyncService, type SyncService } from './sync-service.ts';
import { parseEnrolmentText } from '../../../shared/contracts/enrolment-text.ts';
import type { TokenCipher } from './token-cipher.ts';

/** syncPush carries up to the protocol's whole JSON body, plus the bridge envelope. */
export const SYNC_BRIDGE_BODY_LIMIT_BYTES = SYNC_LIMITS.maxJsonBodyBytes + 64 * 1024;

export interface HostSyncOptions {
  /** Suggested in the enrolment settings before the kiosk is enrolled (env KIOSK_OFFICE_URL). */
  officeUrl?: string;
  /**
   * With officeUrl: enrol at start if this data folder is not enrolled (env
   * KIOSK_ENROLMENT_CODE). The whole text of the dashboard's enrolment QR also works.
   */
  enrolmentCode?: string;
  /** The office certificate's SHA-256 to pin when enrolling at start (env KIOSK_OFFICE_CERT_SHA256). */
  officeCertificateSha256?: string;
  /** Development switch (env KIOSK_INSECURE_HTTP=1): allow an office on plain http://. */
  allowInsecureHttp?: boolean;
  /** Shown on the office's kiosk list; default the machine's host name. */
  deviceName?: string;
  /** The renderer engine's retry cadence; tests shorten it. */
  timing?: SyncStatus['timing'];
  /** Connectivity probe cadence: while online, and the backoff cap while offline. */
  probeIntervalMs?: number;
  probeBackoffCapMs?: number;
  requestTimeoutMs?: number;
  /** The main process's clock (last sync time, enrolment); tests set it. */
  now?: () => Date;
}

/**
 * The sync service as both hosts run it: device identity in <dataDir>/sync, a newer
 * office profile saved where the hosts look for it at start. The cipher decides how
 * the token is protected: Electron passes the OS keychain (createSafeStorageCipher);
 * the headless host has no keychain API in plain Node and passes the owner-only file
 * (createPlainFileCipher): readable by the kiosk's OS user and root, so protect the
 * data folder (dedicated kiosk user, disk encryption) on thin clients in production.
 */
export async function createHostSync(
  options: HostSyncOptions & {
    dataDir: string;
    cipher: TokenCipher;
    catalogue: Catalogue;
    /** The office profile the kiosk started with: a pulled catalogue must keep it valid. */
    profile?: OfficeProfile;
    appVersion: string;
    logger: Logger;
    /** The office's recorded languages, kept in <dataDir>/speech-clips (host-speech.ts). */
    clipSync?: ClipSync;
  },
): Promise<SyncService> {
  const layout = dataDirLayout(options.dataDir);
  const service = createSyncService({
    store: createDeviceIdentityStore({ dir: path.join(options.dataDir, 'sync'), cipher: options.cipher }),
    appVersion: options.appVersion,
    deviceName: options.deviceName ?? os.hostname(),
    logger: options.logger,
    ...(options.officeUrl ? { suggestedOfficeUrl: options.officeUrl } : {}),
    ...(options.allowInsecureHttp ? { allowInsecureHttp: true } : {}),
    ...(options.timing ? { timing: options.timing } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.now ? { now: options.now } : {}),
    connectivity: {
      ...(options.probeIntervalMs ? { onlineIntervalMs: options.probeIntervalMs } : {}),
      ...(options.probeBackoffCapMs
        ? {
            offlineBackoff: {
              baseMs: Math.min(2000, options.probeBackoffCapMs),
              capMs: options.probeBackoffCapMs,
              maxAttempts: Infinity,
            },
          }
        : {}),
    },
    ...(options.clipSync ? { clipSync: options.clipSync } : {}),
    configSink: createOfficeConfigFiles({
      profileFile: layout.officeProfile,
      catalogueFile: officeCatalogueFile(options.dataDir),
      currentCatalogue: options.catalogue,
      ...(options.profile ? { currentProfile: options.profile } : {}),
      logger: options.logger,
    }),
  });
  const status = await service.status();
  if (
    !status.enrolled &&
    options.enrolmentCode &&
    (options.officeUrl || parseEnrolmentText(options.enrolmentCode))
  ) {
    const result = await service.enrol({
      officeUrl: options.officeUrl ?? '',
      enrolmentCode: options.enrolmentCode,
      ...(options.officeCertificateSha256 ? { certificateSha256: options.officeCertificateSha256 } : {}),
    });
    if (result.ok) options.logger.info('sync-enrolled-at-start', { kioskId: result.kioskId });
    else
      options.logger.warn('sync-enrol-at-start-failed', { reason: result.reason, message: result.message });
  }
  await service.start();
  return service;
}
