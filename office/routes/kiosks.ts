import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { kiosksPage } from '../dashboard/pages.ts';
import { createEnrolmentCode } from '../sync/enrol.ts';
import { kioskViews, revokeKiosk } from '../queries/kiosks.ts';
import { CsrfOnlyFormSchema, KioskParamsSchema, PageQuerySchema } from '../../shared/contracts/office.ts';
import { canManageKiosks, forbidden, sendPage } from './staff.ts';

/** Kiosks: their sync state, enrolment codes, revocation. */
export function kioskRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/kiosks', { schema: { querystring: PageQuerySchema } }, async (request, reply) =>
      sendPage(reply, 200, kiosksPage(request.lang, request.staff!, await kioskViews(ctx.db), null)),
    );

    app.post('/kiosks/codes', { schema: { body: CsrfOnlyFormSchema } }, async (request, reply) => {
      if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
      const code = await createEnrolmentCode(ctx.db, request.staff!.accountId, ctx.now());
      return sendPage(reply, 200, kiosksPage(request.lang, request.staff!, await kioskViews(ctx.db), code));
    });

    app.post(
      '/kiosks/:id/revoke',
      { schema: { params: KioskParamsSchema, body: CsrfOnlyFormSchema } },
      async (request, reply) => {
        if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
        await revokeKiosk(ctx.db, request.params.id);
        return reply.redirect('/kiosks', 303);
      },
    );
  };
}
