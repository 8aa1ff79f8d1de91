import { randomUUID } from 'node:crypto';
import {
  SYNC_PROTOCOL,
  type AttachmentState,
  type EnrolRequest,
  type DossierStatusInfo,
  type PushItem,
  type PushResult,
} from '../../../shared/contracts/sync.ts';
import type { SyncFailure, SyncFailureKind, SyncStatus } from '../../../shared/contracts/bridge.ts';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Catalogue } from '../../../shared/domain/procedure.ts';
import {
  createSyncTransport,
  type SyncTransport,
  type SyncTransportOptions,
  type TransportFailure,
  type TransportResult,
} from '../sync-transport.ts';
import {
  createConnectivityMonitor,
  type ConnectivityDeps,
  type ConnectivityMonitor,
} from '../connectivity.ts';
import type { Logger } from '../logger.ts';
import type { ClipSync } from '../speech/clip-sync.ts';
import type { DeviceIdentityStore } from './device-identity-store.ts';
import { normaliseEnrolmentCode, normaliseOfficeUrl } from './office-url.ts';
import { createPinnedFetch, type CertificatePins } from './pinned-fetch.ts';
import { normaliseFingerprint, parseEnrolmentText } from '../../../shared/contracts/enrolment-text.ts';

export type EnrolOutcome =
  | { ok: true; kioskId: string; officeName: string }
  | {
      ok: false;
      reason:
        | 'bad-url'
        | 'bad-code'
        | 'code-refused'
        | 'unreachable'
        | 'not-an-office'
        | 'server-error'
        | 'bad-fingerprint'
        | 'insecure-http'
        | 'untrusted-office';
      message: string;
    };

export type PushOutcome = { ok: true; results: PushResult[] } | SyncFailure;
export type PullOutcome =
  | {
      ok: true;
      asOf: string;
      statuses: DossierStatusInfo[];
      nextCursor: string | null;
      more: boolean;
      lookups: DossierStatusInfo[];
      profileSaved: string | null;
      catalogueSaved: string | null;
    }
  | SyncFailure;
export type AttachmentOutcome = { ok: true; state: AttachmentState } | SyncFailure;

/** Saves a newer office profile/catalogue from a pull; returns false when it does not validate. */
export interface OfficeConfigSink {
  saveProfile(profile: OfficeProfile, catalogue: Catalogue | null): Promise<boolean>;
  saveCatalogue(catalogue: Catalogue): Promise<boolean>;
}

export interface SyncServiceDeps {
  store: DeviceIdentityStore;
  appVersion: string;
  /** Shown on the dashboard's kiosk list, e.g. the host name. */
  deviceName: string;
  logger: Logger;
  now?: () => Date;
  /** Injected in tests; default the real HTTP transport. */
  createTransport?: (options: SyncTransportOptions) => SyncTransport;
  /** Injected in tests instead of the pinned fetch (then no certificate is checked). */
  fetch?: typeof fetch;
  /**
   * The development switch (KIOSK_INSECURE_HTTP=1): enrol with and talk to an office on
   * plain http://. Off, an http:// address is refused and nothing is sent to it.
   */
  allowInsecureHttp?: boolean;
  requestTimeoutMs?: number;
  /** Connectivity probe cadence (tests shorten it). */
  connectivity?: Pick<ConnectivityDeps, 'onlineIntervalMs' | 'offlineBackoff' | 'setTimer' | 'clearTimer'>;
  /** Suggested office address before enrolment (host option / KIOSK_OFFICE_URL). */
  suggestedOfficeUrl?: string;
  /** Retry cadence handed to the renderer's engine. */
  timing?: SyncStatus['timing'];
  configSink?: OfficeConfigSink;
  /** Fetches the office's recorded languages listed in a pull answer (in the background). */
  clipSync?: ClipSync;
}

export interface SyncService {
  /**
   * `firstSeq`: the lowest outbox seq the kiosk will send under the new identity (the
   * renderer owns the outbox); the office counts sequence gaps from it.
   */
  enrol(input: {
    officeUrl: string;
    /** The code, or the whole text of the dashboard's enrolment QR (address, code, fingerprint). */
    enrolmentCode: string;
    /** The office certificate's SHA-256 to pin; required for an https:// office. */
    certificateSha256?: string;
    firstSeq?: number;
  }): Promise<EnrolOutcome>;
  push(input: { items: PushItem[]; waiting: number }): Promise<PushOutcome>;
  pull(input: {
    cursor: string | null;
    lookupCodes: string[];
    /** Look-ups by receipt QR (code and check part). */
    lookupRefs?: { code: string; key: string }[];
  }): Promise<PullOutcome>;
  status(input?: { probe?: boolean }): Promise<SyncStatus>;
  attachmentState(hash: string): Promise<AttachmentOutcome>;
  uploadChunk(input: {
    hash: string;
    offset: number;
    total: number;
    bytes: Uint8Array;
  }): Promise<AttachmentOutcome>;
  /** The enrolment and the token, for main's other office clients (the ticket queue). */
  identity: Pick<DeviceIdentityStore, 'state' | 'token'>;
  /** Start probing the office (when enrolled). */
  start(): Promise<void>;
  close(): void;
}

export const DEFAULT_SYNC_TIMING: SyncStatus['timing'] = { baseMs: 2_000, capMs: 5 * 60_000, idleMs: 30_000 };

const FAILURE_OF: Record<TransportFailure['kind'], SyncFailureKind> = {
  network: 'offline',
  timeout: 'offline',
  'invalid-answer': 'invalid-response',
  unauthorised: 'unauthorized',
  revoked: 'revoked',
  'rate-limited': 'rate-limited',
  server: 'server-error',
  rejected: 'rejected',
  'untrusted-office': 'untrusted-office',
};

/**
 * The kiosk side of sync in the main process: enrolment, one-attempt push/pull/upload
 * calls for the renderer's engine (which owns the retry schedule), and the status the
 * staff see. The token stays here. A 401/403 marks the kiosk "needs re-enrolment"
 * and changes nothing else: the outbox lives in the renderer and is never touched.
 */
export function createSyncService(deps: SyncServiceDeps): SyncService {
  const now = deps.now ?? (() => new Date());
  const makeTransport = deps.createTransport ?? createSyncTransport;
  const timing = deps.timing ?? DEFAULT_SYNC_TIMING;
  const { store, logger } = deps;
  let current: {
    baseUrl: string;
    transport: SyncTransport;
    monitor: ConnectivityMonitor;
    close(): Promise<void>;
  } | null = null;
  /** The certificates accepted now (mirror of the stored state; read at every new connection). */
  let pins: CertificatePins | null = null;
  /** The last connection refused before anything was sent; cleared by any answered call. */
  let untrusted: SyncStatus['untrustedOffice'] = null;
  let closed = false;
  // One push at a time, whoever asks (a reloaded renderer may ask while the old push still runs).
  let pushQueue: Promise<unknown> = Promise.resolve();

  /** A certificate announced as next was presented: the office has switched; it becomes the pin. */
  function accepted(fingerprint: string): void {
    if (!pins || fingerprint !== pins.next) return;
    pins = { pinned: fingerprint, next: null };
    logger.info('sync-certificate-promoted', { fingerprint });
    void store
      .update({ certificatePins: pins })
      .catch((error: unknown) => logger.warn('sync-certificate-promote-failed', { error: String(error) }));
  }

  /** Notes refused connections (for the status screen) whichever call met them, the health probe included. */
  function watched(transport: SyncTransport): SyncTransport {
    const note = <T>(result: TransportResult<T>): TransportResult<T> => {
      if (result.ok) untrusted = null;
      else if (result.failure.kind === 'untrusted-office' && result.failure.untrusted) {
        const { reason, presented } = result.failure.untrusted;
        if (untrusted?.reason !== reason || untrusted.presented !== presented)
          logger.warn('sync-untrusted-office', { reason, presented, pinned: pins });
        untrusted = { reason, presented, at: now().toISOString() };
      }
      return result;
    };
    return {
      health: async () => note(await transport.health()),
      enrol: async (r) => note(await transport.enrol(r)),
      push: async (r) => note(await transport.push(r)),
      pull: async (r) => note(await transport.pull(r)),
      attachmentState: async (h) => note(await transport.attachmentState(h)),
      putChunk: async (h, o, t, b) => note(await transport.putChunk(h, o, t, b)),
      clipPack: async (language) => note(await transport.clipPack(language)),
      clipAudio: async (language, sha256) => note(await transport.clipAudio(language, sha256)),
    };
  }

  function transportFor(
    baseUrl: string,
    trust: { pins: () => CertificatePins | null; onAccepted?: (fingerprint: string) => void },
  ): { transport: SyncTransport; close(): Promise<void> } {
    const pinned = deps.fetch
      ? null
      : createPinnedFetch({ ...trust, allowPlainHttp: deps.allowInsecureHttp ?? false });
    const transport = makeTransport({
      baseUrl,
      getToken: () => store.token(),
      ...(pinned ? { fetch: pinned.fetch } : deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.requestTimeoutMs ? { timeoutMs: deps.requestTimeoutMs } : {}),
    });
    return { transport: watched(transport), close: async () => pinned?.close() };
  }

  /** `fresh`: new connections even to the same address (after an enrolment changed the pin). */
  function connect(baseUrl: string, fresh = false): NonNullable<typeof current> {
    if (current?.baseUrl === baseUrl && !fresh) return current;
    current?.monitor.stop();
    void current?.close();
    const { transport, close } = transportFor(baseUrl, { pins: () => pins, onAccepted: accepted });
    const monitor = createConnectivityMonitor({
      transport,
      now: () => now().getTime(),
      ...deps.connectivity,
    });
    monitor.onChange((s) =>
      logger.info('sync-connectivity', { online: s.online, lastFailure: s.lastFailure }),
    );
    current = { baseUrl, transport, monitor, close };
    if (!closed) monitor.start();
    return current;
  }

  async function session(): Promise<NonNullable<typeof current> | SyncFailure> {
    const state = await store.state();
    if (!state.kioskId || !state.officeUrl)
      return { ok: false, failure: 'not-enrolled', reasons: ['this kiosk is not enrolled'] };
    pins = state.certificatePins;
    return connect(state.officeUrl);
  }

  /** Classifies a failed call; 401/403 flag re-enrolment, network failures re-probe the office. */
  async function failed(failure: TransportFailure, conn: NonNullable<typeof current>): Promise<SyncFailure> {
    const kind = FAILURE_OF[failure.kind];
    if (kind === 'unauthorized' || kind === 'revoked') {
      const state = await store.state();
      if (!state.needsReEnrolment) {
        logger.warn('sync-needs-re-enrolment', { kind, reasons: failure.reasons });
        await store.update({ needsReEnrolment: true, reEnrolmentReason: kind });
      }
    } else if (kind === 'offline' || kind === 'invalid-response') {
      void conn.monitor.probe();
    }
    return {
      ok: false,
      failure: kind,
      reasons: failure.reasons,
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: Math.round(failure.retryAfterMs) } : {}),
    };
  }

  /**
   * Rotation: the office announces the certificate it will switch to (through the pinned
   * connection, so the announcement is the office's); from now on the kiosk accepts both.
   * null withdraws an announcement; absent (an older office) changes nothing.
   */
  async function learnNextCertificate(announced: string | null | undefined): Promise<void> {
    if (announced === undefined || !pins) return;
    const next = announced === pins.pinned ? null : announced;
    if (next === pins.next) return;
    pins = { ...pins, next };
    logger.info('sync-certificate-next', { pinned: pins.pinned, next });
    await store.update({ certificatePins: pins });
  }

  async function succeeded(): Promise<void> {
    await store.update({ lastSuccessAt: now().toISOString() });
  }

  async function enrolWith(
    transport: SyncTransport,
    baseUrl: string,
    code: string,
    enrolmentPins: CertificatePins | null,
    requestedFirstSeq: number | undefined,
  ): Promise<EnrolOutcome> {
    let { installId } = await store.state();
    if (!installId) {
      installId = randomUUID();
      await store.update({ installId });
    }
    const request = (firstSeq: number | undefined, withInstallId = true): EnrolRequest => ({
      protocol: SYNC_PROTOCOL,
      code,
      deviceName: deps.deviceName.slice(0, 200) || 'kiosk',
      appVersion: deps.appVersion.slice(0, 40) || '0.0.0',
      ...(firstSeq !== undefined ? { firstSeq } : {}),
      ...(withInstallId ? { installId } : {}),
    });
    // 1 is what an absent firstSeq means; leaving it out keeps a fresh kiosk working
    // with an office that predates the field (its schema refuses unknown keys).
    let firstSeq = requestedFirstSeq !== undefined && requestedFirstSeq > 1 ? requestedFirstSeq : undefined;
    let result = await transport.enrol(request(firstSeq));
    if (!result.ok && result.failure.status === 400) {
      // An older office refuses the unknown fields before looking at the code (which stays
      // unused): enrol without them; that office counts gaps from 1, as it always did,
      // and cannot recognise a retry.
      logger.warn('sync-enrol-without-new-fields', { baseUrl, reasons: result.failure.reasons });
      firstSeq = undefined;
      result = await transport.enrol(request(firstSeq, false));
    }
    if (!result.ok) {
      const { kind, reasons, status } = result.failure;
      logger.warn('sync-enrol-failed', { baseUrl, kind, status, reasons });
      const message = reasons.join('; ');
      if (kind === 'untrusted-office') return { ok: false, reason: 'untrusted-office', message };
      if (kind === 'network' || kind === 'timeout') return { ok: false, reason: 'unreachable', message };
      if (kind === 'invalid-answer') return { ok: false, reason: 'not-an-office', message };
      if (kind === 'server' || kind === 'rate-limited') return { ok: false, reason: 'server-error', message };
      // 401/403 from /enrol: the code is unknown, used or expired; 400: the office did not accept its form.
      if (kind === 'unauthorised' || kind === 'revoked')
        return { ok: false, reason: 'code-refused', message };
      if (status === 404 || status === 405) return { ok: false, reason: 'not-an-office', message };
      return { ok: false, reason: 'bad-code', message };
    }
    const answer = result.value;
    await store.saveEnrolment({
      kioskId: answer.kioskId,
      officeUrl: baseUrl,
      officeName: answer.officeName,
      token: answer.token,
      at: now(),
      certificatePins: enrolmentPins,
    });
    pins = enrolmentPins;
    untrusted = null;
    logger.info('sync-enrolled', { baseUrl, kioskId: answer.kioskId, firstSeq: firstSeq ?? 1 });
    const conn = connect(baseUrl, true);
    await conn.monitor.probe();
    return { ok: true, kioskId: answer.kioskId, officeName: answer.officeName };
  }

  const service: SyncService = {
    identity: { state: () => store.state(), token: () => store.token() },

    async enrol(input) {
      // The dashboard's QR text (typed by a scanner into the code field) brings all three.
      const scanned = parseEnrolmentText(input.enrolmentCode);
      const baseUrl = normaliseOfficeUrl(scanned?.officeUrl ?? input.officeUrl);
      if (!baseUrl) return { ok: false, reason: 'bad-url', message: 'not an http(s) address' };
      const code = normaliseEnrolmentCode(scanned?.code ?? input.enrolmentCode);
      if (!code) return { ok: false, reason: 'bad-code', message: 'expected a code like ABCD-2345' };
      let enrolmentPins: CertificatePins | null = null;
      if (baseUrl.startsWith('https:')) {
        const fingerprint = normaliseFingerprint(scanned?.sha256 ?? input.certificateSha256 ?? '');
        if (!fingerprint)
          return {
            ok: false,
            reason: 'bad-fingerprint',
            message: 'expected the 64 hex digits of the office certificate’s SHA-256 fingerprint',
          };
        enrolmentPins = { pinned: fingerprint, next: null };
      } else if (!deps.allowInsecureHttp) {
        return {
          ok: false,
          reason: 'insecure-http',
          message: 'plain HTTP is refused (KIOSK_INSECURE_HTTP=1 allows it in development)',
        };
      }
      const { transport, close } = transportFor(baseUrl, { pins: () => enrolmentPins });
      try {
        return await enrolWith(transport, baseUrl, code, enrolmentPins, input.firstSeq);
      } finally {
        await close();
      }
    },

    push(input) {
      const run = async (): Promise<PushOutcome> => {
        const conn = await session();
        if ('ok' in conn) return conn;
        const result = await conn.transport.push({
          protocol: SYNC_PROTOCOL,
          appVersion: deps.appVersion.slice(0, 40) || '0.0.0',
          waiting: input.waiting,
          items: input.items,
        });
        if (!result.ok) return failed(result.failure, conn);
        await succeeded();
        return { ok: true, results: result.value.results };
      };
      const next = pushQueue.then(run, run);
      pushQueue = next.catch(() => undefined);
      return next;
    },

    async pull(input) {
      const conn = await session();
      if ('ok' in conn) return conn;
      const state = await store.state();
      const result = await conn.transport.pull({
        protocol: SYNC_PROTOCOL,
        profileVersion: state.profileVersion,
        catalogueVersion: state.catalogueVersion,
        statusCursor: input.cursor,
        lookupCodes: input.lookupCodes,
        // Only when there are any: an office from before the field refuses unknown keys.
        ...(input.lookupRefs?.length ? { lookupRefs: input.lookupRefs } : {}),
      });
      if (!result.ok) return failed(result.failure, conn);
      await succeeded();
      const answer = result.value;
      await learnNextCertificate(answer.nextCertificateSha256);
      let catalogueSaved: string | null = null;
      let profileSaved: string | null = null;
      if (deps.configSink) {
        if (answer.catalogue && (await deps.configSink.saveCatalogue(answer.catalogue.catalogue))) {
          catalogueSaved = answer.catalogue.version;
          await store.update({ catalogueVersion: catalogueSaved });
        }
        if (
          answer.profile &&
          (await deps.configSink.saveProfile(answer.profile.profile, answer.catalogue?.catalogue ?? null))
        ) {
          profileSaved = answer.profile.version;
          await store.update({ profileVersion: profileSaved });
        }
        if (profileSaved || catalogueSaved)
          logger.info('sync-office-config-saved', { profileSaved, catalogueSaved });
      }
      // Clips can be megabytes on a slow link: fetched after the answer, not before it.
      if (deps.clipSync && answer.clipLanguages) {
        const transport = conn.transport;
        void deps.clipSync
          .update(answer.clipLanguages, transport)
          .catch((error: unknown) => logger.warn('speech-clips-sync-failed', { error: String(error) }));
      }
      return {
        ok: true,
        asOf: answer.asOf,
        statuses: answer.statuses,
        nextCursor: answer.nextCursor,
        more: answer.more,
        lookups: answer.lookups,
        profileSaved,
        catalogueSaved,
      };
    },

    async status(input = {}) {
      const state = await store.state();
      const enrolled = state.kioskId !== null && state.officeUrl !== null;
      let online = false;
      let lastProbeAt: string | null = null;
      if (enrolled) {
        pins = state.certificatePins;
        const conn = connect(state.officeUrl!);
        const probe = input.probe ? await conn.monitor.probe() : conn.monitor.state();
        online = probe.online;
        lastProbeAt = probe.lastProbeAt === null ? null : new Date(probe.lastProbeAt).toISOString();
      }
      return {
        enrolled,
        kioskId: state.kioskId,
        officeUrl: state.officeUrl ?? deps.suggestedOfficeUrl ?? null,
        officeName: state.officeName,
        online,
        lastProbeAt,
        lastSuccessAt: state.lastSuccessAt,
        needsReEnrolment: state.needsReEnrolment,
        tokenProtection: state.tokenProtection,
        officeCertificate: enrolled ? state.certificatePins : null,
        untrustedOffice: enrolled ? untrusted : null,
        timing,
      };
    },

    async attachmentState(hash) {
      const conn = await session();
      if ('ok' in conn) return conn;
      const result = await conn.transport.attachmentState(hash);
      return result.ok ? { ok: true, state: result.value } : failed(result.failure, conn);
    },

    async uploadChunk(input) {
      const conn = await session();
      if ('ok' in conn) return conn;
      const result = await conn.transport.putChunk(input.hash, input.offset, input.total, input.bytes);
      if (!result.ok) return failed(result.failure, conn);
      await succeeded();
      return { ok: true, state: result.value };
    },

    async start() {
      const state = await store.state();
      pins = state.certificatePins;
      if (state.kioskId && state.officeUrl && !closed) connect(state.officeUrl);
    },

    close() {
      closed = true;
      current?.monitor.stop();
      void current?.close();
    },
  };
  return service;
}
