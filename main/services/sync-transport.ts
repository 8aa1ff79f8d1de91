import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import {
  ClipAudioSchema,
  ClipPackIndexSchema,
  type ClipAudio,
  type ClipPackIndex,
} from '../../shared/contracts/speech-clips.ts';
import {
  AttachmentStateSchema,
  EnrolAnswerSchema,
  HealthAnswerSchema,
  PullAnswerSchema,
  PushAnswerSchema,
  SyncErrorSchema,
  type AttachmentState,
  type EnrolAnswer,
  type EnrolRequest,
  type HealthAnswer,
  type PullAnswer,
  type PullRequest,
  type PushAnswer,
  type PushRequest,
} from '../../shared/contracts/sync.ts';
import { untrustedOfficeOf, type UntrustedOfficeError } from './sync/pinned-fetch.ts';

/**
 * The main process's HTTP client to the commune office (docs/sync.md). Each call is
 * one attempt whose outcome is classified; `withRetry` adds the backoff policy. Every
 * answer is validated against the shared protocol schema: a 200 that does not parse —
 * a captive portal's login page, a proxy's error page, a truncated body — is a
 * failure, never an acknowledgement.
 */
export type FailureKind =
  /** Could not connect, connection reset, body cut off. */
  | 'network'
  | 'timeout'
  /** A 2xx that is not a valid protocol answer (captive portal, truncation, wrong echo). */
  | 'invalid-answer'
  /** 401: unknown kiosk or wrong token → needs re-enrolment. */
  | 'unauthorised'
  /** 403 revoked → needs re-enrolment. */
  | 'revoked'
  /** 429 */
  | 'rate-limited'
  /** 5xx */
  | 'server'
  /** Any other 4xx: the request itself is wrong; retrying it unchanged cannot help. */
  | 'rejected'
  /**
   * The office presented a certificate this kiosk has not pinned (or the address is plain
   * HTTP without the development switch): nothing was sent. Retried: the office may be
   * switching certificates, or whoever answered may leave.
   */
  | 'untrusted-office';

export interface TransportFailure {
  kind: FailureKind;
  status?: number;
  reasons: string[];
  retryable: boolean;
  /** From Retry-After, when the office sent one. */
  retryAfterMs?: number;
  /** untrusted-office: why, and the SHA-256 of the certificate refused (null: plain HTTP or none). */
  untrusted?: { reason: UntrustedOfficeError['reason']; presented: string | null };
}

export type TransportResult<T> = { ok: true; value: T } | { ok: false; failure: TransportFailure };

export interface SyncTransportOptions {
  /** e.g. http://192.168.1.10:5180 */
  baseUrl: string;
  /** The enrolment token, or null before enrolment. */
  getToken: () => string | null | Promise<string | null>;
  fetch?: typeof fetch;
  /** Per request; a commune office link can be slow but must not hang the engine. */
  timeoutMs?: number;
  /**
   * Gzip JSON request bodies: true/false forces it; absent, the transport starts plain
   * and compresses once the office's /api/health lists `gzip` in requestEncodings, so an
   * older office (which would not inflate them) keeps getting plain JSON.
   */
  compressRequests?: boolean;
}

/** Bodies below this go plain: gzip's header and CPU buy nothing there. */
const COMPRESS_FROM_BYTES = 1024;

export interface SyncTransport {
  health(): Promise<TransportResult<HealthAnswer>>;
  enrol(request: EnrolRequest): Promise<TransportResult<EnrolAnswer>>;
  push(request: PushRequest): Promise<TransportResult<PushAnswer>>;
  pull(request: PullRequest): Promise<TransportResult<PullAnswer>>;
  attachmentState(hash: string): Promise<TransportResult<AttachmentState>>;
  putChunk(
    hash: string,
    offset: number,
    total: number,
    bytes: Uint8Array,
  ): Promise<TransportResult<AttachmentState>>;
  /** A recorded language the office publishes: its clips' keys and hashes. */
  clipPack(language: string): Promise<TransportResult<ClipPackIndex>>;
  clipAudio(language: string, sha256: string): Promise<TransportResult<ClipAudio>>;
}

const RETRYABLE: Record<FailureKind, boolean> = {
  network: true,
  timeout: true,
  'invalid-answer': true,
  'rate-limited': true,
  server: true,
  unauthorised: false,
  revoked: false,
  rejected: false,
  'untrusted-office': true,
};

function failure(
  kind: FailureKind,
  reasons: string[],
  status?: number,
  retryAfterMs?: number,
): TransportFailure {
  return {
    kind,
    reasons,
    retryable: RETRYABLE[kind],
    ...(status !== undefined ? { status } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** One classified, validated request to the office (what every transport call is made of). */
export type OfficeCall = <T>(
  path: string,
  init: { method: string; json?: unknown; bytes?: Uint8Array; auth: boolean },
  schema: z.ZodType<T>,
  okStatuses?: readonly number[],
) => Promise<TransportResult<T>>;

/**
 * The office caller behind the transport, also used by the kiosk's other office clients
 * (the ticket queue): the same token, failure classes and answer validation.
 */
export function createOfficeCaller(
  options: SyncTransportOptions,
  gzip: () => boolean = () => options.compressRequests ?? false,
): OfficeCall {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const base = options.baseUrl.replace(/\/+$/, '');

  return async function call<T>(
    path: string,
    init: { method: string; json?: unknown; bytes?: Uint8Array; auth: boolean },
    schema: z.ZodType<T>,
    okStatuses: readonly number[] = [200],
  ): Promise<TransportResult<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.auth) {
      const token = await options.getToken();
      if (!token) return { ok: false, failure: failure('unauthorised', ['this kiosk is not enrolled']) };
      headers.Authorization = `Bearer ${token}`;
    }
    let body: string | Uint8Array | undefined;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
      if (gzip() && body.length >= COMPRESS_FROM_BYTES) {
        // Dossier JSON shrinks about six-fold: on a 1 Mbit/s uplink the bytes decide.
        body = gzipSync(body, { level: 6 });
        headers['Content-Encoding'] = 'gzip';
      }
    } else if (init.bytes) {
      headers['Content-Type'] = 'application/octet-stream';
      body = init.bytes;
    }
    let response: Response;
    let text: string;
    try {
      response = await doFetch(base + path, {
        method: init.method,
        headers,
        body: body as BodyInit | undefined,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      text = await response.text();
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        return { ok: false, failure: failure('timeout', [`no answer within ${timeoutMs} ms`]) };
      const untrusted = untrustedOfficeOf(e);
      if (untrusted)
        return {
          ok: false,
          failure: {
            ...failure('untrusted-office', [untrusted.message]),
            untrusted: { reason: untrusted.reason, presented: untrusted.presented },
          },
        };
      return { ok: false, failure: failure('network', [String((e as Error).message ?? e)]) };
    }
    const parsed = parseJson(text);
    if (okStatuses.includes(response.status)) {
      const answer = schema.safeParse(parsed);
      if (answer.success) return { ok: true, value: answer.data };
      return {
        ok: false,
        failure: failure(
          'invalid-answer',
          [`HTTP ${response.status} but not a protocol answer (${describe(response, text)})`],
          response.status,
        ),
      };
    }
    const error = SyncErrorSchema.safeParse(parsed);
    const reasons = error.success
      ? error.data.reasons
      : [`HTTP ${response.status} (${describe(response, text)})`];
    const status = response.status;
    if (status === 429)
      return {
        ok: false,
        failure: failure('rate-limited', reasons, status, retryAfter(response.headers.get('retry-after'))),
      };
    if (status === 401) return { ok: false, failure: failure('unauthorised', reasons, status) };
    if (status === 403)
      return {
        ok: false,
        failure: failure(
          error.success && error.data.error === 'revoked' ? 'revoked' : 'unauthorised',
          reasons,
          status,
        ),
      };
    if (status >= 500)
      return {
        ok: false,
        failure: failure('server', reasons, status, retryAfter(response.headers.get('retry-after'))),
      };
    if (status >= 300 && status < 400)
      return {
        ok: false,
        failure: failure('invalid-answer', [`redirected (HTTP ${status}): a captive portal?`], status),
      };
    return { ok: false, failure: failure('rejected', reasons, status) };
  };
}

export function createSyncTransport(options: SyncTransportOptions): SyncTransport {
  let gzipRequests = options.compressRequests ?? false;
  const call = createOfficeCaller(options, () => gzipRequests);

  return {
    async health() {
      const result = await call('/api/health', { method: 'GET', auth: false }, HealthAnswerSchema);
      if (result.ok && options.compressRequests === undefined)
        gzipRequests = result.value.requestEncodings?.includes('gzip') ?? false;
      return result;
    },
    enrol: (request) =>
      call('/api/sync/enrol', { method: 'POST', json: request, auth: false }, EnrolAnswerSchema),
    async push(request) {
      const result = await call(
        '/api/sync/push',
        { method: 'POST', json: request, auth: true },
        PushAnswerSchema,
      );
      if (!result.ok) return result;
      // The answer must be about exactly these items, in order; anything else is not an answer to this batch.
      const echoes =
        result.value.results.length === request.items.length &&
        result.value.results.every(
          (r, i) => r.id === request.items[i]!.id && r.hash === request.items[i]!.hash,
        );
      return echoes
        ? result
        : { ok: false, failure: failure('invalid-answer', ['answer does not echo the batch items']) };
    },
    pull: (request) =>
      call('/api/sync/pull', { method: 'POST', json: request, auth: true }, PullAnswerSchema),
    attachmentState: (hash) =>
      call(`/api/sync/attachments/${hash}`, { method: 'GET', auth: true }, AttachmentStateSchema),
    async putChunk(hash, offset, total, bytes) {
      const result = await call(
        `/api/sync/attachments/${hash}?offset=${offset}&total=${total}`,
        { method: 'PUT', bytes, auth: true },
        AttachmentStateSchema,
      );
      // A bad token is 401 and a revoked kiosk 403 `revoked` (checked before the route);
      // any other 403 here is about this attachment (not announced yet, another size):
      // the request is wrong, the enrolment is not.
      if (!result.ok && result.failure.kind === 'unauthorised' && result.failure.status === 403)
        return { ok: false, failure: { ...result.failure, kind: 'rejected', retryable: false } };
      return result;
    },
    clipPack: (language) =>
      call(
        `/api/sync/clips/${encodeURIComponent(language)}`,
        { method: 'GET', auth: true },
        ClipPackIndexSchema,
      ),
    clipAudio: (language, sha256) =>
      call(
        `/api/sync/clips/${encodeURIComponent(language)}/${encodeURIComponent(sha256)}`,
        { method: 'GET', auth: true },
        ClipAudioSchema,
      ),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(response: Response, text: string): string {
  const type = response.headers.get('content-type') ?? 'no content type';
  return `${type}, ${text.length} bytes`;
}

// ---------------------------------------------------------------- retry policy

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Attempts in total, including the first. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 5 * 60_000, maxAttempts: 8 };

/**
 * "Full jitter" (AWS Architecture Blog, "Exponential Backoff and Jitter", 2015):
 * sleep = random(0, min(cap, base · 2^attempt)). Spreads many kiosks reconnecting
 * after an office outage instead of having them retry in lockstep.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

export interface RetryDeps {
  policy?: BackoffPolicy;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Stop retrying (kiosk shutting down, user cancelled). */
  signal?: AbortSignal;
  onRetry?: (failure: TransportFailure, attempt: number, delayMs: number) => void;
}

/** Retries only retryable failures (network, timeout, invalid answer, 429, 5xx); never other 4xx. */
export async function withRetry<T>(
  attemptFn: () => Promise<TransportResult<T>>,
  deps: RetryDeps = {},
): Promise<TransportResult<T>> {
  const policy = deps.policy ?? DEFAULT_BACKOFF;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last: TransportResult<T> | undefined;
  for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
    last = await attemptFn();
    if (last.ok || !last.failure.retryable || deps.signal?.aborted) return last;
    if (attempt === policy.maxAttempts - 1) break;
    const delay = Math.max(
      backoffDelay(attempt, policy, deps.random),
      Math.min(last.failure.retryAfterMs ?? 0, policy.capMs),
    );
    deps.onRetry?.(last.failure, attempt + 1, delay);
    await sleep(delay);
  }
  return last!;
}
