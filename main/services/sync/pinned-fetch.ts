import { createHash } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';

/**
 * The office certificates this kiosk accepts: the one pinned at enrolment and, during a
 * rotation, the next one the office announced through pull (docs/sync.md).
 */
export interface CertificatePins {
  /** SHA-256 of the certificate's DER bytes, 64 lowercase hex digits. */
  pinned: string;
  next: string | null;
}

/**
 * The connection was closed before any byte of the request: the office presented a
 * certificate this kiosk has not pinned (`presented` its SHA-256), none is pinned, or the
 * address is plain HTTP without the development switch.
 */
export class UntrustedOfficeError extends Error {
  override readonly name = 'UntrustedOfficeError';
  constructor(
    readonly reason: 'certificate-mismatch' | 'not-pinned' | 'plain-http',
    readonly presented: string | null,
  ) {
    super(
      reason === 'plain-http'
        ? 'plain HTTP to the office is refused (KIOSK_INSECURE_HTTP=1 allows it in development)'
        : reason === 'not-pinned'
          ? 'no office certificate is pinned: enrol the kiosk again'
          : `the office presented certificate SHA-256 ${presented ?? '(none)'}, which this kiosk has not pinned`,
    );
  }
}

/** The UntrustedOfficeError behind a failed fetch (undici wraps it in a TypeError's cause). */
export function untrustedOfficeOf(error: unknown): UntrustedOfficeError | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++)
    if (e instanceof UntrustedOfficeError) return e;
  return null;
}

export interface PinnedFetchOptions {
  /** Read at every new connection: a rotation or re-enrolment applies at once. */
  pins: () => CertificatePins | null;
  /** A TLS connection was accepted with this certificate (the kiosk promotes "next" when it sees it). */
  onAccepted?: (fingerprint: string) => void;
  /** Plain http:// connections are allowed (the development switch); otherwise refused. */
  allowPlainHttp?: boolean;
}

export interface PinnedFetch {
  fetch: typeof fetch;
  close(): Promise<void>;
}

/**
 * fetch over an undici Agent whose TLS connector accepts exactly the pinned certificates.
 * The office's certificate is self-signed and its address may change (DHCP), so neither
 * a CA chain nor a host name can be checked: the fingerprint is the whole of the trust.
 * Node's `checkServerIdentity` is not called for a certificate that fails chain
 * verification, hence a connector that verifies after the handshake and before undici
 * writes the request.
 */
export function createPinnedFetch(options: PinnedFetchOptions): PinnedFetch {
  // Session resumption off: every connection shows its certificate in a full handshake.
  const connectTls = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0 });
  const agent = new Agent({
    connect(connectOptions, callback) {
      if (connectOptions.protocol !== 'https:') {
        if (!options.allowPlainHttp) {
          callback(new UntrustedOfficeError('plain-http', null), null);
          return;
        }
        connectTls(connectOptions, callback);
        return;
      }
      connectTls(connectOptions, (error, socket) => {
        if (error) {
          callback(error, null);
          return;
        }
        const certificate = (socket as TLSSocket).getPeerX509Certificate();
        const presented = certificate ? createHash('sha256').update(certificate.raw).digest('hex') : null;
        const pins = options.pins();
        if (!presented || !pins || (presented !== pins.pinned && presented !== pins.next)) {
          socket!.destroy();
          callback(new UntrustedOfficeError(pins ? 'certificate-mismatch' : 'not-pinned', presented), null);
          return;
        }
        options.onAccepted?.(presented);
        callback(null, socket!);
      });
    },
  });
  const pinnedFetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    })) as unknown as typeof fetch;
  return { fetch: pinnedFetch, close: () => agent.close() };
}
