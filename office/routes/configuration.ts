import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { configPage } from '../dashboard/pages.ts';
import { t, type Lang } from '../dashboard/i18n.ts';
import {
  currentCatalogue,
  publishConfig,
  publishedBody,
  publishedVersions,
  type ConfigKind,
  type PublishResult,
} from '../published-config.ts';
import { explainProfileErrors } from '../profile-form.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import {
  ConfigKindParamsSchema,
  PageQuerySchema,
  PublishFormSchema,
  RepublishFormSchema,
} from '../../shared/contracts/office.ts';
import { canManageKiosks, forbidden, notFound, pageView, sendPage } from './staff.ts';

/** A published catalogue can be large; only the configuration forms get this much. */
const CONFIG_FORM_LIMIT = 4 * 1024 * 1024;

/** The office profile and catalogue the kiosks pull. */
export function configurationRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const versions = async () => ({
      profile: await publishedVersions(ctx.db, 'profile'),
      catalogue: await publishedVersions(ctx.db, 'catalogue'),
    });
    const answer = async (
      request: FastifyRequest,
      reply: FastifyReply,
      result: Awaited<ReturnType<typeof publishConfig>>,
      typed: { kind: ConfigKind; json: string } | null = null,
    ) => {
      const message = result.ok
        ? { ok: true, text: t(request.lang, 'config.published', { version: result.version }) }
        : {
            ok: false,
            text: t(request.lang, 'config.invalid'),
            reasons: await reasonsOf(request.lang, result),
          };
      return sendPage(
        reply,
        result.ok ? 200 : 400,
        configPage(pageView(request), request.staff!, await versions(), message, result.ok ? null : typed),
      );
    };
    // A pair the kiosk would refuse: each reason with the place in words, procedures named
    // from the catalogue kiosks hold now (the one that still has them).
    const reasonsOf = async (lang: Lang, result: Extract<PublishResult, { ok: false }>) => {
      if (!result.pairErrors) return result.reasons;
      const { errors, profile } = result.pairErrors;
      return explainProfileErrors(errors, profile, (await currentCatalogue(ctx.db)) ?? CATALOGUE).map(
        (p) => `${p.where ? `${p.where[lang]}: ` : ''}${p.message[lang]}`,
      );
    };
    const publish = (request: FastifyRequest, kind: ConfigKind, json: string) =>
      publishConfig(ctx.db, kind, json, request.staff!.accountId, ctx.now(), request.lang);

    app.get('/config', { schema: { querystring: PageQuerySchema } }, async (request, reply) =>
      sendPage(reply, 200, configPage(pageView(request), request.staff!, await versions(), null)),
    );
    // An earlier version published again becomes the one kiosks pull (rollback).
    app.post(
      '/config/:kind/republish',
      { schema: { params: ConfigKindParamsSchema, body: RepublishFormSchema } },
      async (request, reply) => {
        if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
        const body = await publishedBody(ctx.db, request.params.kind, request.body.version);
        if (body === null) return notFound(request, reply);
        return answer(request, reply, await publish(request, request.params.kind, body));
      },
    );
    app.post(
      '/config/:kind',
      { schema: { params: ConfigKindParamsSchema, body: PublishFormSchema }, bodyLimit: CONFIG_FORM_LIMIT },
      async (request, reply) => {
        if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
        const { kind } = request.params;
        const { json } = request.body;
        return answer(request, reply, await publish(request, kind, json), { kind, json });
      },
    );
  };
}
