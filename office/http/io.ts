import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGunzip, gzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { SYNC_PROTOCOL, type SyncError } from '../../shared/contracts/sync.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncError['error'],
    readonly reasons: string[],
  ) {
    super(reasons.join('; '));
  }
}

/** The client went away before its body was complete: nothing to answer, nothing stored. */
export class RequestAborted extends Error {
  constructor() {
    super('request aborted before its body was complete');
  }
}

/**
 * Reads the body up to `limit` bytes; beyond it answers 413 without buffering the rest.
 * A body sent with `Content-Encoding: gzip` (kiosks do so once /api/health said the office
 * takes it) is inflated as it arrives, and the limit applies to the inflated bytes, so a
 * small compressed body cannot expand past it. Other encodings are 415.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    req.resume();
    return Promise.reject(
      new HttpError(415, 'unsupported-media-type', ['Content-Encoding must be gzip or absent']),
    );
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, 'too-large', [`body larger than ${limit} bytes`]));
  }
  if (encoding === 'gzip') {
    const inflated = req.pipe(createGunzip());
    req.on('close', () => {
      if (!req.complete) inflated.destroy(new RequestAborted());
    });
    return readStream(inflated, limit, () => {
      req.unpipe(inflated);
      req.resume();
    }).catch((e: unknown) => {
      if (e instanceof HttpError || e instanceof RequestAborted) throw e;
      if (req.destroyed && !req.complete) throw new RequestAborted();
      throw new HttpError(400, 'bad-request', ['body is not valid gzip']);
    });
  }
  return readStream(req, limit, () => req.resume());
}

function readStream(req: Readable, limit: number, discard: () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        discard();
        reject(new HttpError(413, 'too-large', [`body larger than ${limit} bytes`]));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    const fail = (e: Error) => {
      if (!done) {
        done = true;
        reject(e);
      }
    };
    // Node reports a client gone mid-body as an 'aborted' error (ECONNRESET), then 'close'.
    req.on('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'ECONNRESET' || e.message === 'aborted' ? new RequestAborted() : e),
    );
    // A client that disconnects mid-body: nothing was read completely, nothing is stored.
    req.on('close', () => fail(new RequestAborted()));
  });
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    req.resume();
    throw new HttpError(415, 'unsupported-media-type', ['expected Content-Type: application/json']);
  }
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'bad-request', ['body is not valid JSON']);
  }
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

/** Answers below this are sent as they are: gzip's header and a round of CPU buy nothing there. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * Sends JSON; gzipped when `req` (given) accepts gzip and the body is worth it. Every
 * fetch sends Accept-Encoding: gzip and inflates the answer itself, so older kiosks
 * read compressed answers too; a client that does not ask gets plain JSON.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, req?: IncomingMessage): void {
  const text = JSON.stringify(body);
  const gzip =
    req !== undefined &&
    text.length >= COMPRESS_FROM_BYTES &&
    /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));
  const bytes = gzip ? gzipSync(text, { level: 6 }) : Buffer.from(text);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(bytes);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: SyncError['error'],
  reasons: string[],
): void {
  const body: SyncError = { protocol: SYNC_PROTOCOL, kind: 'error', error: code, reasons };
  sendJson(res, status, body);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  extra: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    // Inline scripts are not allowed: the dashboard's JS is a static file.
    'Content-Security-Policy':
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    'X-Frame-Options': 'DENY',
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    ...extra,
  });
  res.end(html);
}

export function redirect(
  res: ServerResponse,
  location: string,
  extra: Record<string, string | string[]> = {},
): void {
  res.writeHead(303, { ...SECURITY_HEADERS, Location: location, ...extra });
  res.end();
}
