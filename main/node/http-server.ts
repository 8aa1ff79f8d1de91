import { createReadStream } from 'node:fs';
import http from 'node:http';
import {
  PrintDossierIdSchema,
  PrintKindSchema,
  type BridgeResponse,
  type PrintKind,
} from '../../shared/contracts/bridge.ts';
import { PRINT_DOCUMENT_CSP } from '../services/print/document-html.ts';
import type { BridgeDispatcher } from '../services/bridge-handlers.ts';
import type { Logger } from '../services/logger.ts';
import { SECURITY_HEADERS } from '../services/security-policy.ts';
import { brotliVariant, resolveStaticFile } from '../services/static-files.ts';
import { BRIDGE_LOCKED } from '../services/bridge-secret.ts';
import { LAUNCH_PARAM, type LaunchTickets } from './launch-tickets.ts';

export interface KioskHttpOptions {
  distDir: string;
  dispatcher: BridgeDispatcher;
  logger: Logger;
  /** Largest bridge request body accepted. */
  maxBodyBytes?: number;
  /** A larger limit for some methods (printDocument carries a whole HTML document). */
  maxBodyBytesFor?: (method: string) => number | undefined;
  /**
   * Kept print documents, served at GET /print/<dossierId>/<kind>.html for the kiosk
   * browser to print itself (printVia 'renderer').
   */
  printDocuments?: (ref: { dossierId: string; kind: PrintKind }) => Promise<string | undefined>;
  /** The port the server listens on, once known; Host/Origin must name it. */
  port: () => number;
  /** The per-launch bridge secret: given to the browser that opens a launch address, required on /bridge and /print. */
  launch: LaunchTickets;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * A page on any website can make the kiosk's browser send requests to 127.0.0.1, and a
 * DNS-rebinding attack can even make them same-origin with a hostile name. So every
 * request must carry a loopback Host naming our port, and a request with an Origin must
 * come from the kiosk's own origin.
 */
export function isLoopbackRequest(headers: http.IncomingHttpHeaders, port: number): boolean {
  const allowed = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  const host = headers.host?.toLowerCase();
  if (!host || !allowed.includes(host)) return false;
  const origin = headers.origin;
  if (origin !== undefined && !allowed.some((name) => origin.toLowerCase() === `http://${name}`))
    return false;
  // Browsers mark cross-site requests; a kiosk page only ever talks to itself.
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return true;
}

function statusFor(response: BridgeResponse): number {
  if (response.ok) return 200;
  switch (response.error.code) {
    case 'unknown-method':
      return 404;
    case 'invalid-input':
    case 'invalid-json':
      return 400;
    case 'internal':
    case 'invalid-output':
      return 500;
    default:
      // An expected failure a service reported (e.g. printer offline): the request was fine.
      return 422;
  }
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The headless host's request handler: the built renderer as static files, and the
 * bridge as `POST /bridge/<method>` with a JSON body (the method's input) answered by a
 * JSON BridgeResponse. The status code mirrors the outcome (200 ok, 400 bad input, 404
 * unknown method, 413 too large, 422 a service's expected failure, 500 internal), but
 * the body is always a BridgeResponse, so a client can rely on it alone.
 */
export function createKioskRequestHandler(options: KioskHttpOptions): http.RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { logger } = options;

  const send = (res: http.ServerResponse, status: number, headers: Record<string, string>, body?: string) => {
    res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
    res.end(body);
  };
  const sendBridge = (res: http.ServerResponse, response: BridgeResponse, status = statusFor(response)) =>
    send(
      res,
      status,
      { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      JSON.stringify(response),
    );
  const sendText = (
    res: http.ServerResponse,
    status: number,
    text: string,
    extra: Record<string, string> = {},
  ) =>
    send(
      res,
      status,
      { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
      text,
    );

  /** Refuses a bridge or print request without the launch's secret (another process or user). */
  function locked(req: http.IncomingMessage, res: http.ServerResponse, asBridge: boolean): boolean {
    if (options.launch.authorised(req.headers.cookie)) return false;
    logger.warn('http-rejected-without-bridge-secret', {
      path: new URL(req.url ?? '/', 'http://x').pathname,
    });
    req.resume();
    if (asBridge) sendBridge(res, BRIDGE_LOCKED, 401);
    else sendText(res, 401, 'Unauthorized');
    return true;
  }

  async function handleBridge(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (locked(req, res, true)) return;
    if (req.method !== 'POST') return sendText(res, 405, 'Method Not Allowed', { Allow: 'POST' });
    const type = req.headers['content-type'] ?? '';
    // Requiring JSON also rules out the "simple" cross-site form posts browsers send without preflight.
    if (!/^application\/json\b/i.test(type)) {
      return sendBridge(
        res,
        { ok: false, error: { code: 'invalid-input', message: 'Content-Type must be application/json' } },
        415,
      );
    }
    let text: string;
    const limit = options.maxBodyBytesFor?.(method) ?? maxBodyBytes;
    try {
      text = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        return sendBridge(
          res,
          { ok: false, error: { code: 'payload-too-large', message: `Body over ${limit} bytes` } },
          413,
        );
      }
      throw error;
    }
    let input: unknown = {};
    if (text.trim() !== '') {
      try {
        input = JSON.parse(text);
      } catch {
        return sendBridge(res, {
          ok: false,
          error: { code: 'invalid-json', message: 'Body is not valid JSON' },
        });
      }
    }
    sendBridge(res, await options.dispatcher.invoke(method, input));
  }

  /**
   * A kept print document, for the kiosk page to print in a hidden same-origin iframe.
   * It is untrusted HTML, so it gets its own policy: no script at all (CSP and sandbox),
   * only inline styles and data: fonts/images, framable by the kiosk page only; the
   * sandbox keeps same-origin (so the page may call print() on it) and modals (print).
   */
  async function handlePrintDocument(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    match: RegExpExecArray,
  ) {
    if (locked(req, res, false)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    const dossierId = PrintDossierIdSchema.safeParse(match[1]);
    const kind = PrintKindSchema.safeParse(match[2]);
    const html =
      dossierId.success && kind.success && options.printDocuments
        ? await options.printDocuments({ dossierId: dossierId.data, kind: kind.data })
        : undefined;
    if (html === undefined) return sendText(res, 404, 'Not Found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': `${PRINT_DOCUMENT_CSP}; frame-ancestors 'self'; sandbox allow-modals allow-same-origin`,
      'X-Frame-Options': 'SAMEORIGIN',
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  async function handleStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
    launchTicket: string | null,
  ) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    const found = await resolveStaticFile(options.distDir, pathname);
    if (!found) return sendText(res, 404, 'Not Found');
    const brotli = await brotliVariant(found.file, req.headers['accept-encoding']);
    // A spent or unknown ticket (a reload of the launch address) just serves the page:
    // a browser that redeemed it keeps its cookie, any other stays locked out of the bridge.
    const launched = launchTicket !== null && options.launch.redeem(launchTicket);
    if (launchTicket !== null && !launched) logger.warn('http-launch-ticket-refused');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': found.contentType,
      'Cache-Control': found.cacheControl,
      Vary: 'Accept-Encoding',
      ...(brotli ? { 'Content-Encoding': 'br' } : {}),
      ...(launched ? { 'Set-Cookie': options.launch.setCookie, 'Cache-Control': 'no-store' } : {}),
    });
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(brotli ?? found.file);
    stream.on('error', (error) => {
      logger.error('static-read-failed', { file: found.file, error });
      res.destroy(error);
    });
    stream.pipe(res);
  }

  return (req, res) => {
    const port = options.port();
    if (!isLoopbackRequest(req.headers, port)) {
      logger.warn('http-rejected-foreign-request', { host: req.headers.host, origin: req.headers.origin });
      sendText(res, 403, 'Forbidden');
      req.resume();
      return;
    }
    let pathname: string;
    let launchTicket: string | null;
    try {
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      pathname = url.pathname;
      launchTicket = url.searchParams.get(LAUNCH_PARAM);
    } catch {
      return sendText(res, 400, 'Bad Request');
    }
    const bridge = /^\/bridge\/([^/]+)$/.exec(pathname);
    const printDocument = /^\/print\/([^/]+)\/([a-z]+)\.html$/.exec(pathname);
    const work = bridge
      ? handleBridge(req, res, bridge[1] ?? '')
      : printDocument
        ? handlePrintDocument(req, res, printDocument)
        : handleStatic(req, res, pathname, launchTicket);
    work.catch((error: unknown) => {
      logger.error('http-handler-failed', { url: req.url, error });
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  };
}
