import type { FastifyPluginAsync } from 'fastify';
import QRCode from 'qrcode';
import { formatEnrolmentText } from '../../shared/contracts/enrolment-text.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { confirmPage, kiosksPage } from '../dashboard/pages.ts';
import { t } from '../dashboard/i18n.ts';
import { createEnrolmentCode } from '../sync/enrol.ts';
import { kioskViews, revokeKiosk } from '../queries/kiosks.ts';
import {
  ConfirmableFormSchema,
  CsrfOnlyFormSchema,
  KioskParamsSchema,
  PageQuerySchema,
} from '../../shared/contracts/office.ts';
import { canManageKiosks, forbidden, notFound, pageView, sendPage } from './staff.ts';

/** Kiosks: their sync state, enrolment codes, revocation. */
export function kioskRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/kiosks', { schema: { querystring: PageQuerySchema } }, async (request, reply) =>
      sendPage(reply, 200, kiosksPage(pageView(request), request.staff!, await kioskViews(ctx.db), null)),
    );

    app.post('/kiosks/codes', { schema: { body: CsrfOnlyFormSchema } }, async (request, reply) => {
      if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
      const code = await createEnrolmentCode(ctx.db, request.staff!.accountId, ctx.now());
      const officeUrl = `${request.protocol}://${request.host}`;
      const fingerprint = ctx.certificate?.fingerprint ?? null;
      const text = formatEnrolmentText({ officeUrl, code, ...(fingerprint ? { sha256: fingerprint } : {}) });
      const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      const qrDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      return sendPage(
        reply,
        200,
        kiosksPage(pageView(request), request.staff!, await kioskViews(ctx.db), {
          code,
          officeUrl,
          fingerprint,
          qrDataUrl,
        }),
      );
    });

    app.post(
      '/kiosks/:id/revoke',
      { schema: { params: KioskParamsSchema, body: ConfirmableFormSchema } },
      async (request, reply) => {
        if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
        const { id } = request.params;
        if (request.body.confirmed !== 'yes') {
          const kiosk = (await kioskViews(ctx.db)).find((k) => k.id === id);
          if (!kiosk) return notFound(request, reply);
          const { lang } = request;
          return sendPage(
            reply,
            200,
            confirmPage(
              pageView(request),
              request.staff!,
              t(lang, 'kiosks.confirmRevoke', { name: kiosk.name }),
              `/kiosks/${id}/revoke`,
              t(lang, 'kiosks.revoke'),
              '/kiosks',
            ),
          );
        }
        await revokeKiosk(ctx.db, id);
        return reply.redirect('/kiosks', 303);
      },
    );
  };
}
