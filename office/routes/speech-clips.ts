import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { t } from '../dashboard/i18n.ts';
import { speechClipsPage, type ClipUploadTyped } from '../dashboard/speech-clips-page.ts';
import { publishClip, recordableKeys, recordedLanguages, removeClip } from '../speech-clips.ts';
import { PageQuerySchema } from '../../shared/contracts/office.ts';
import { ClipRemoveFormSchema, ClipUploadFormSchema } from '../../shared/contracts/speech-clips.ts';
import { CLIP_MAX_BYTES } from '../../shared/speech/clips.ts';
import { canManageKiosks, forbidden, pageView, sendPage } from './staff.ts';

/**
 * A form carrying a recording: the file part may exceed the clip limit by a little so the
 * page can say "too large" itself (shared/speech/clips.ts); beyond this, HTTP refuses it.
 */
export const CLIP_FORM_LIMIT = 4 * CLIP_MAX_BYTES;

/** The recorded languages the kiosks pull with the profile and catalogue. */
export function speechClipRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const page = async (
      request: FastifyRequest,
      reply: FastifyReply,
      status: number,
      message: Parameters<typeof speechClipsPage>[4],
      typed: ClipUploadTyped | null = null,
    ) =>
      sendPage(
        reply,
        status,
        speechClipsPage(
          pageView(request),
          request.staff!,
          await recordedLanguages(ctx.db),
          await recordableKeys(ctx.db),
          message,
          typed,
        ),
      );

    app.get('/speech-clips', { schema: { querystring: PageQuerySchema } }, async (request, reply) =>
      page(request, reply, 200, null),
    );
    app.post(
      '/speech-clips',
      { schema: { body: ClipUploadFormSchema }, bodyLimit: CLIP_FORM_LIMIT },
      async (request, reply) => {
        if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
        const form = request.body;
        const result = await publishClip(ctx.db, form, request.staff!.accountId, ctx.now(), request.lang);
        if (result.ok)
          return page(request, reply, 200, {
            ok: true,
            text: t(request.lang, 'clips.published', { key: result.key, language: result.language }),
          });
        return page(
          request,
          reply,
          400,
          { ok: false, text: t(request.lang, 'clips.refused'), reasons: result.reasons },
          { language: form.language, nameVi: form.nameVi, nameEn: form.nameEn, key: form.key },
        );
      },
    );
    app.post('/speech-clips/remove', { schema: { body: ClipRemoveFormSchema } }, async (request, reply) => {
      if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
      const { language, key } = request.body;
      await removeClip(ctx.db, language, key);
      return page(request, reply, 200, {
        ok: true,
        text: t(request.lang, 'clips.removed', { key, language }),
      });
    });
  };
}
