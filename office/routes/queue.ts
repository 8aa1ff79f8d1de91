import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { queuePage } from '../dashboard/pages.ts';
import { queueRows } from '../queries/queue.ts';
import { formatVietnamDate } from '../../shared/domain/vietnam-time.ts';
import { PageQuerySchema } from '../../shared/contracts/office.ts';
import { sendPage } from './staff.ts';

/** `/`: today's queue. */
export function queueRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/', { schema: { querystring: PageQuerySchema } }, async (request, reply) => {
      const now = ctx.now();
      const rows = await queueRows(ctx.db, now, request.lang);
      return sendPage(reply, 200, queuePage(request.lang, request.staff!, formatVietnamDate(now), rows));
    });
  };
}
