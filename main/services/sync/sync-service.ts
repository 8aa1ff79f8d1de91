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

export type EnrolOutcome =
  | { ok: true; kioskId: string; officeName: string }
  | {
      ok: false;
      reason: 'bad-url' | 'bad-code' | 'code-refused' | 'unreachable' | 'not-an-office' | 'server-error';
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
  fetch?: typeof fetch;
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
  enrol(input: { officeUrl: string; enrolmentCode: string; firstSeq?: number }): Promise<EnrolOutcome>;
  push(input: { items: PushItem[]; waiting: number }): Promise<PushOutcome>;
  pull(input: { cursor: string | null; lookupCodes: string[] }): Promise<PullOutcome>;
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
  let current: { baseUrl: string; transport: SyncTransport; monitor: ConnectivityMonitor } | null = null;
  let closed = false;
  // One push at a time, whoever asks (a reloaded renderer may ask while the old push still runs).
  let pushQueue: Promise<unknown> = Promise.resolve();

  function transportFor(baseUrl: string): SyncTransport {
    return makeTransport({
      baseUrl,
      getToken: () => store.token(),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.requestTimeoutMs ? { timeoutMs: deps.requestTimeoutMs } : {}),
    });
  }

  function connect(baseUrl: string): NonNullable<typeof current> {
    if (current?.baseUrl === baseUrl) return current;
    current?.monitor.stop();
    const transport = transportFor(baseUrl);
    const monitor = createConnectivityMonitor({
      transport,
      now: () => now().getTime(),
      ...deps.connectivity,
    });
    monitor.onChange((s) =>
      logger.info('sync-connectivity', { online: s.online, lastFailure: s.lastFailure }),
    );
    current = { baseUrl, transport, monitor };
    if (!closed) monitor.start();
    return current;
  }

  async function session(): Promise<NonNullable<typeof current> | SyncFailure> {
    const state = await store.state();
    if (!state.kioskId || !state.officeUrl)
      return { ok: false, failure: 'not-enrolled', reasons: ['this kiosk is not enrolled'] };
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

  async function succeeded(): Promise<void> {
    await store.update({ lastSuccessAt: now().toISOString() });
  }

  const service: SyncService = {
    identity: { state: () => store.state(), token: () => store.token() },

    async enrol(input) {
      const baseUrl = normaliseOfficeUrl(input.officeUrl);
      if (!baseUrl) return { ok: false, reason: 'bad-url', message: 'not an http(s) address' };
      const code = normaliseEnrolmentCode(input.enrolmentCode);
      if (!code) return { ok: false, reason: 'bad-code', message: 'expected a code like ABCD-2345' };
      const transport = transportFor(baseUrl);
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
      let firstSeq = input.firstSeq !== undefined && input.firstSeq > 1 ? input.firstSeq : undefined;
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
        if (kind === 'network' || kind === 'timeout') return { ok: false, reason: 'unreachable', message };
        if (kind === 'invalid-answer') return { ok: false, reason: 'not-an-office', message };
        if (kind === 'server' || kind === 'rate-limited')
          return { ok: false, reason: 'server-error', message };
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
      });
      logger.info('sync-enrolled', { baseUrl, kioskId: answer.kioskId, firstSeq: firstSeq ?? 1 });
      const conn = connect(baseUrl);
      await conn.monitor.probe();
      return { ok: true, kioskId: answer.kioskId, officeName: answer.officeName };
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
      });
      if (!result.ok) return failed(result.failure, conn);
      await succeeded();
      const answer = result.value;
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
      if (state.kioskId && state.officeUrl && !closed) connect(state.officeUrl);
    },

    close() {
      closed = true;
      current?.monitor.stop();
    },
  };
  return service;
}
