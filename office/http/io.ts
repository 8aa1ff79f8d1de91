import type { IncomingMessage, ServerResponse } from 'node:http';
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

/** Reads the body up to `limit` bytes; beyond it answers 413 without buffering the rest. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, 'too-large', [`body larger than ${limit} bytes`]));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume();
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

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
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
