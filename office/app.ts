import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { Clock } from './time.ts';
import { syncRoutes } from './routes/sync.ts';
import { staffRoutes } from './routes/staff.ts';
import { boardRoutes } from './routes/tickets.ts';
import type { TicketDesk } from './tickets/desk.ts';
import type { BoardHub } from './tickets/board-hub.ts';
import type { Announcer } from './tickets/announcer.ts';
import type { DossierFeed } from './dossier-feed.ts';
import type { DossierPrints } from './print/dossier-prints.ts';

/** What every route module needs: the database, the office's name and the clock; the ticket desk and its calling board. */
export interface OfficeContext {
  db: Kysely<Database>;
  officeName: string;
  now: Clock;
  tickets: TicketDesk;
  board: BoardHub;
  announcer: Announcer;
  /** Dossier arrivals and status changes, for the live queue. */
  dossiers: DossierFeed;
  /** Reprints of a dossier's declaration and receipt, as the kiosk printed them. */
  prints: DossierPrints;
  /**
   * The certificate the office serves with and the one it announces next (pull answers,
   * the enrolment code); null when it serves plain HTTP (development switch).
   */
  certificate: { fingerprint: string; nextFingerprint: string | null } | null;
}

export interface AppOptions {
  /**
   * Fastify's trustProxy: which reverse proxies may set X-Forwarded-For. Off by default,
   * so a client on the LAN cannot pick the address it is counted under (README).
   */
  trustProxy?: boolean | string[] | number;
  log?: (line: string) => void;
  /** Serve HTTPS with this certificate and key (PEM); absent: plain HTTP (development switch). */
  https?: { cert: string; key: string };
}

export type OfficeApp = FastifyInstance;

/** The office's HTTP application: the kiosk sync API under /api, the staff pages elsewhere. */
export async function buildOfficeApp(ctx: OfficeContext, options: AppOptions = {}): Promise<OfficeApp> {
  const log = options.log ?? ((line: string) => console.log(line));
  const app = Fastify({
    ...(options.https
      ? { https: { cert: options.https.cert, key: options.https.key, minVersion: 'TLSv1.2' } }
      : {}),
    trustProxy: trustProxyOption(options.trustProxy),
    // A slow or stuck client cannot hold a connection forever.
    requestTimeout: 60_000,
    connectionTimeout: 0,
    // The sync API sets its own limits per route (contract SYNC_LIMITS); forms are small.
    bodyLimit: 64 * 1024,
    logger: false,
  } as FastifyServerOptions) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.server.headersTimeout = 20_000;

  app.addHook('onError', async (request, _reply, error) => {
    if (((error as { statusCode?: number }).statusCode ?? 500) >= 500)
      log(`office: error on ${request.method} ${request.url}: ${error.stack ?? String(error)}`);
  });
  // A client that goes away (a cut 4G link, a kiosk switched off) is ordinary on a poor
  // link: one line, without the stack trace of the body stream's error.
  app.addHook('onRequestAbort', async (request) => {
    const what = request.raw.complete
      ? 'client went away before the answer'
      : 'request aborted before its body was complete';
    log(`office: ${request.method} ${request.url.split('?')[0]}: ${what}`);
  });
  // Answers are about one person's dossier or one kiosk's state: never cached by a proxy.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // Inline scripts and styles are not allowed: the dashboard's JS and CSS are static files.
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // On HTTPS a browser that once reached the dashboard never falls back to plain HTTP
    // (browsers honour it only over a certificate they trust). On the development switch's
    // plain HTTP the header would be ignored, and is not sent.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Request bodies are never decompressed: the sync contract's byte limits hold on the wire.
  await app.register(fastifyCompress, { globalDecompression: false });
  // Per-route limits only (sign-in, enrolment); kiosks pushing batches are never throttled here.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: join(import.meta.dirname, 'dashboard', 'public'),
    prefix: '/static/',
    maxAge: 3600_000,
    index: false,
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(syncRoutes(ctx), { prefix: '/api' });
  await typed.register(boardRoutes(ctx.tickets, ctx.board, ctx.announcer));
  await typed.register(staffRoutes(ctx));
  return app;
}

/** A hop count becomes "trust the nearest N addresses" (proxy-addr's trust function). */
function trustProxyOption(
  value: AppOptions['trustProxy'],
): boolean | string[] | ((a: string, i: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value ?? false;
}
