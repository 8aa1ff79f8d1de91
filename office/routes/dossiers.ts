import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { changeStatus } from '../dossier-status.ts';
import { dossierPage } from '../dashboard/dossier-page.ts';
import { t } from '../dashboard/i18n.ts';
import { attachmentFile, dossierView } from '../queries/dossiers.ts';
import { attachmentResponseHeaders } from '../sync/attachments.ts';
import { recordDeskReceiptPrint } from '../sync/receipt-prints.ts';
import {
  AttachmentParamsSchema,
  DossierParamsSchema,
  DossierPrintParamsSchema,
  PageQuerySchema,
  StatusChangeFormSchema,
} from '../../shared/contracts/office.ts';
import { layout } from '../dashboard/pages.ts';
import { html } from '../dashboard/html.ts';
import { notFound, pageView, sendPage } from './staff.ts';

/** A dossier's page, its status changes and its attachments. */
export function dossierRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/dossiers/:id',
      { schema: { params: DossierParamsSchema, querystring: PageQuerySchema } },
      async (request, reply) => {
        const view = await dossierView(ctx.db, request.params.id, request.lang, ctx.now());
        if (!view) return notFound(request, reply);
        return sendPage(reply, 200, dossierPage(pageView(request), request.staff!, view, null));
      },
    );

    app.post(
      '/dossiers/:id/status',
      { schema: { params: DossierParamsSchema, body: StatusChangeFormSchema } },
      async (request, reply) => {
        const { id } = request.params;
        const { status, reason } = request.body;
        const outcome = await changeStatus(ctx.db, id, status, reason, request.staff!.accountId, ctx.now());
        if (outcome === 'not-found') return notFound(request, reply);
        if (outcome === 'reason-required') {
          const view = await dossierView(ctx.db, id, request.lang, ctx.now());
          return sendPage(
            reply,
            400,
            dossierPage(pageView(request), request.staff!, view!, t(request.lang, 'dossier.reasonRequired'), {
              status,
              reason,
            }),
          );
        }
        ctx.dossiers.publish({ kind: 'status', id });
        return reply.redirect(`/dossiers/${id}`, 303);
      },
    );

    app.post(
      '/dossiers/:id/receipt-handed-over',
      { schema: { params: DossierParamsSchema } },
      async (request, reply) => {
        const { id } = request.params;
        if (!(await recordDeskReceiptPrint(ctx.db, id, request.staff!.accountId, ctx.now())))
          return notFound(request, reply);
        ctx.dossiers.publish({ kind: 'updated' });
        return reply.redirect(`/dossiers/${id}`, 303);
      },
    );

    app.get(
      '/dossiers/:id/print/:kind',
      { schema: { params: DossierPrintParamsSchema } },
      async (request, reply) => {
        const kind = request.params.kind === 'declaration.pdf' ? 'declaration' : 'receipt';
        const outcome = await ctx.prints.pdf(ctx.db, request.params.id, kind);
        if (outcome.ok)
          return reply
            .type('application/pdf')
            .header('Content-Disposition', `inline; filename="${outcome.fileName}"`)
            .send(Buffer.from(outcome.pdf));
        if (outcome.reason === 'not-found') return notFound(request, reply);
        const lang = request.lang;
        return sendPage(
          reply,
          outcome.reason === 'no-printer' ? 503 : 409,
          layout(
            pageView(request),
            t(lang, 'reprint.title'),
            request.staff,
            html`<p class="error" role="alert">${t(lang, `reprint.${outcome.reason}`)}</p>
              <p><a href="/dossiers/${request.params.id}">${t(lang, 'reprint.back')}</a></p>`,
          ),
        );
      },
    );

    app.get('/attachments/:hash', { schema: { params: AttachmentParamsSchema } }, async (request, reply) => {
      const file = await attachmentFile(ctx.db, request.params.hash);
      if (!file) return notFound(request, reply);
      // A citizen's upload is untrusted: a download in a CSP sandbox, never rendered on this origin.
      return reply
        .headers(
          attachmentResponseHeaders({
            media_type: file.mediaType,
            file_name: file.fileName,
            size: file.bytes.length,
          }),
        )
        .send(file.bytes);
    });
  };
}
