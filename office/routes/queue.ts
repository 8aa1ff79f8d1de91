import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { queuePage, queueResults } from '../dashboard/queue-page.ts';
import { queueRows } from '../queries/queue.ts';
import { formatVietnamDate } from '../../shared/domain/vietnam-time.ts';
import { QueueQuerySchema } from '../../shared/contracts/office.ts';
import { sendPage } from './staff.ts';

/** Proxies and browsers close an event stream that stays silent; a comment line keeps it open. */
const HEARTBEAT_MS = 25_000;

/** `/`: the queue; `/queue/rows`: its rows for the live updates; `/queue/events`: the updates. */
export function queueRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/', { schema: { querystring: QueueQuerySchema } }, async (request, reply) => {
      const { lang: _lang, ...filters } = request.query;
      const now = ctx.now();
      const result = await queueRows(ctx.db, now, request.lang, filters);
      return sendPage(
        reply,
        200,
        queuePage(request.lang, request.staff!, { date: formatVietnamDate(now), filters, ...result }),
      );
    });

    app.get('/queue/rows', { schema: { querystring: QueueQuerySchema } }, async (request, reply) => {
      const { lang: _lang, ...filters } = request.query;
      const result = await queueRows(ctx.db, ctx.now(), request.lang, filters);
      return reply.type('text/html; charset=utf-8').send(queueResults(request.lang, result).text);
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
      const unsubscribe = ctx.dossiers.subscribe((change) =>
        res.write(`event: ${change.kind}\ndata: ${change.kind === 'arrived' ? change.count : 1}\n\n`),
      );
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    });
  };
}
