import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { PageQuerySchema } from '../../shared/contracts/office.ts';
import { CatalogueFormSchema } from '../../shared/contracts/catalogue-form.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { currentCatalogue, currentProfile, currentVersions, publishConfig } from '../published-config.ts';
import { catalogueToForm, formFromBody, removalToken, type CatalogueProblem } from '../catalogue-form.ts';
import { checkCatalogueForm } from '../catalogue-form-check.ts';
import {
  CATALOGUE_FORM_PATH,
  catalogueFormPage,
  type CatalogueFormView,
} from '../dashboard/catalogue-form-page.ts';
import { canManageKiosks, forbidden, pageView, sendPage } from './staff.ts';
import { t } from '../dashboard/i18n.ts';

/** Thirteen procedures post a few hundred fields; a catalogue of hundreds stays well under this. */
const CATALOGUE_FORM_LIMIT = 4 * 1024 * 1024;

/**
 * The procedure catalogue edited as forms. A save runs the kiosk's own schema and the pair
 * check against the published office profile; refused, nothing is published and the form
 * comes back as typed with every reason; removing procedures asks to confirm them by name;
 * accepted, it is published as a new version (published-config.ts).
 */
export function catalogueFormRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const version = async () => (await currentVersions(ctx.db)).catalogue?.version ?? null;
    const view = async (
      form: CatalogueFormView['form'],
      baseVersion: string,
      outcome: CatalogueFormView['outcome'],
    ): Promise<CatalogueFormView> => ({
      form,
      baseVersion,
      currentVersion: await version(),
      shippedVersion: CATALOGUE.version,
      outcome,
    });

    app.get(CATALOGUE_FORM_PATH, { schema: { querystring: PageQuerySchema } }, async (request, reply) => {
      if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
      const current = await version();
      const form = catalogueToForm((await currentCatalogue(ctx.db)) ?? CATALOGUE, current);
      return sendPage(
        reply,
        200,
        catalogueFormPage(pageView(request), request.staff!, await view(form, current ?? '', null)),
      );
    });

    app.post(
      CATALOGUE_FORM_PATH,
      { schema: { body: CatalogueFormSchema }, bodyLimit: CATALOGUE_FORM_LIMIT },
      async (request, reply) => {
        if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
        const form = formFromBody(request.body);
        const show = async (status: number, baseVersion: string, outcome: CatalogueFormView['outcome']) =>
          sendPage(
            reply,
            status,
            catalogueFormPage(pageView(request), request.staff!, await view(form, baseVersion, outcome)),
          );
        const refuse = (problems: CatalogueProblem[], baseVersion = form.baseVersion) =>
          show(400, baseVersion, { problems });

        const check = checkCatalogueForm(form, await currentProfile(ctx.db));
        if (!check.ok) return refuse(check.problems);
        // Removing a procedure takes it off every kiosk: asked again, by name, before publishing.
        const token = removalToken(form);
        if (token && request.body.confirmRemoval !== token) {
          const rows = form.procedures.flatMap((r, i) => (r.remove ? [i] : []));
          return show(200, form.baseVersion, { confirm: { token, rows } });
        }
        // Someone published while this form was open: saving would undo their change unseen.
        const current = await version();
        if ((current ?? '') !== form.baseVersion)
          return refuse(
            [
              {
                row: null,
                message: {
                  vi: t('vi', 'configForm.stale', { version: current ?? '' }),
                  en: t('en', 'configForm.stale', { version: current ?? '' }),
                },
              },
            ],
            current ?? '',
          );

        const published = await publishConfig(
          ctx.db,
          'catalogue',
          JSON.stringify(check.catalogue),
          request.staff!.accountId,
          ctx.now(),
          request.lang,
        );
        // Checked again on publishing: a profile published meanwhile may refuse it.
        if (!published.ok)
          return refuse(published.reasons.map((r) => ({ row: null, message: { vi: r, en: r } })));
        const saved = (await currentCatalogue(ctx.db))!;
        return sendPage(
          reply,
          200,
          catalogueFormPage(
            pageView(request),
            request.staff!,
            await view(catalogueToForm(saved, published.version), published.version, {
              published: published.version,
            }),
          ),
        );
      },
    );
  };
}
