import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { queuePage, queueResults } from '../dashboard/queue-page.ts';
import { queueRows } from '../queries/queue.ts';
import { formatVietnamDate } from '../../shared/domain/vietnam-time.ts';
import { QueueQuerySchema, type QueueFilters } from '../../shared/contracts/office.ts';
import type { Lang } from '../dashboard/i18n.ts';
import { pageView, sendPage } from './staff.ts';
import { sessionStillOpen } from '../staff/accounts.ts';

/** Proxies and browsers close an event stream that stays silent; a comment line keeps it open. */
const HEARTBEAT_MS = 25_000;

/** `/`: the queue; `/queue/rows`: its rows for the live updates; `/queue/events`: the updates. */
export function queueRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/', { schema: { querystring: QueueQuerySchema } }, async (request, reply) => {
      const filters = queueFilters(request.query);
      const now = ctx.now();
      const result = await queueRows(ctx.db, now, request.lang, filters, request.query.page);
      return sendPage(
        reply,
        200,
        queuePage(pageView(request), request.staff!, { date: formatVietnamDate(now), filters, ...result }),
      );
    });

    const rows = rowsCache(ctx);
    app.get('/queue/rows', { schema: { querystring: QueueQuerySchema } }, async (request, reply) => {
      const filters = queueFilters(request.query);
      return reply
        .type('text/html; charset=utf-8')
        .send(await rows(request.lang, filters, request.query.page ?? 1));
    });

    // Server-sent events: one line per change, no personal data; the page fetches its rows.
    // EventSource reconnects by itself after an office restart (retry: 2 s).
    app.get('/queue/events', async (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      const sessionId = request.staff!.sessionId;
      // A session ended elsewhere (signed out, account locked, password reset) or expired
      // closes its stream before the next line; the page's reconnect then meets the sign-in.
      const send = async (line: string) => {
        if (res.writableEnded) return;
        const open = await sessionStillOpen(ctx.db, sessionId, ctx.now()).catch(() => false);
        if (res.writableEnded) return;
        if (open) res.write(line);
        else res.end();
      };
      const unsubscribe = ctx.dossiers.subscribe((change) => {
        void send(`event: ${change.kind}\ndata: ${change.kind === 'arrived' ? change.count : 1}\n\n`);
      });
      const heartbeat = setInterval(() => void send(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    });
  };
}

/** The query string without the page language and number. */
function queueFilters(query: QueueFilters & { lang?: string; page?: number }): QueueFilters {
  return { status: query.status, procedure: query.procedure, model: query.model, q: query.q };
}

/**
 * The rows region, rendered once per change (and per minute, for the time left) for each
 * language, set of filters and page: when a dossier arrives every open dashboard asks at
 * once, and all but the first get the same text.
 */
function rowsCache(ctx: OfficeContext): (lang: Lang, filters: QueueFilters, page: number) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  let minute = 0;
  ctx.dossiers.subscribe(() => cache.clear());
  return (lang, filters, page) => {
    const now = ctx.now();
    // A new minute changes the time left on every row: what was kept is of no more use.
    if (Math.floor(now / 60_000) !== minute) {
      minute = Math.floor(now / 60_000);
      cache.clear();
    }
    const key = JSON.stringify([lang, filters, page]);
    let text = cache.get(key);
    if (!text) {
      // Searches are many and each is asked once: a bound keeps the memory small.
      if (cache.size >= 50) cache.clear();
      text = queueRows(ctx.db, now, lang, filters, page).then(
        (result) => queueResults(lang, { filters, ...result }).text,
      );
      text.catch(() => cache.delete(key));
      cache.set(key, text);
    }
    return text;
  };
}
