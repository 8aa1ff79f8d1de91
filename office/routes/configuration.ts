import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { configPage } from '../dashboard/pages.ts';
import { t } from '../dashboard/i18n.ts';
import { currentVersions, publishConfig } from '../published-config.ts';
import { ConfigKindParamsSchema, PageQuerySchema, PublishFormSchema } from '../../shared/contracts/office.ts';
import { canManageKiosks, forbidden, sendPage } from './staff.ts';

/** A published catalogue can be large; only the configuration forms get this much. */
const CONFIG_FORM_LIMIT = 4 * 1024 * 1024;

/** The office profile and catalogue the kiosks pull. */
export function configurationRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/config', { schema: { querystring: PageQuerySchema } }, async (request, reply) =>
      sendPage(reply, 200, configPage(request.lang, request.staff!, await currentVersions(ctx.db), null)),
    );
    app.post(
      '/config/:kind',
      { schema: { params: ConfigKindParamsSchema, body: PublishFormSchema }, bodyLimit: CONFIG_FORM_LIMIT },
      async (request, reply) => {
        if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
        const result = await publishConfig(
          ctx.db,
          request.params.kind,
          request.body.json,
          request.staff!.accountId,
          ctx.now(),
        );
        const message = result.ok
          ? { ok: true, text: t(request.lang, 'config.published', { version: result.version }) }
          : { ok: false, text: t(request.lang, 'config.invalid'), reasons: result.reasons };
        return sendPage(
          reply,
          result.ok ? 200 : 400,
          configPage(request.lang, request.staff!, await currentVersions(ctx.db), message),
        );
      },
    );
  };
}
