import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { PageQuerySchema } from '../../shared/contracts/office.ts';
import {
  ProfileFormSchema,
  type ProfileFormBody,
  type ProfileFormValues,
} from '../../shared/contracts/profile-form.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { validateOfficeProfile } from '../../shared/domain/profile-validation.ts';
import { currentCatalogue, currentProfile, currentVersions, publishConfig } from '../published-config.ts';
import { explainProfileErrors, formToProfile, profileToForm, type FormProblem } from '../profile-form.ts';
import { PROFILE_FORM_PATH, profileFormPage } from '../dashboard/profile-form-page.ts';
import { canManageKiosks, forbidden, pageView, sendPage } from './staff.ts';
import { t } from '../dashboard/i18n.ts';

/** What the form shows again: everything posted but the token. */
function withoutCsrf(body: ProfileFormBody): ProfileFormValues {
  const values: Partial<ProfileFormBody> = { ...body };
  delete values.csrf;
  return values as ProfileFormValues;
}

/** The grid posts one field per ticked box: a large office's form is still well under this. */
const PROFILE_FORM_LIMIT = 2 * 1024 * 1024;

/**
 * The office profile edited as forms. A save runs the kiosk's own validation against the
 * catalogue kiosks pull; refused, nothing is published and the form comes back as typed
 * with every reason; accepted, it is published as a new version (published-config.ts).
 */
export function profileFormRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const catalogue = async () => (await currentCatalogue(ctx.db)) ?? CATALOGUE;
    const version = async () => (await currentVersions(ctx.db)).profile?.version ?? null;

    app.get(PROFILE_FORM_PATH, { schema: { querystring: PageQuerySchema } }, async (request, reply) => {
      if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
      const cat = await catalogue();
      return sendPage(
        reply,
        200,
        profileFormPage(pageView(request), request.staff!, {
          values: profileToForm(await currentProfile(ctx.db), cat, await version()),
          catalogue: cat,
          currentVersion: await version(),
          outcome: null,
        }),
      );
    });

    app.post(
      PROFILE_FORM_PATH,
      { schema: { body: ProfileFormSchema }, bodyLimit: PROFILE_FORM_LIMIT },
      async (request, reply) => {
        if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
        const values = withoutCsrf(request.body);
        const cat = await catalogue();
        const { profile, problems } = formToProfile(values, await currentProfile(ctx.db), cat);
        const check = validateOfficeProfile(profile, cat);
        const all: FormProblem[] = [
          ...problems,
          ...(check.ok ? [] : explainProfileErrors(check.errors, profile, cat)),
        ];
        const refuse = async (list: FormProblem[]) =>
          sendPage(
            reply,
            400,
            profileFormPage(pageView(request), request.staff!, {
              values,
              catalogue: cat,
              currentVersion: await version(),
              outcome: { problems: list },
            }),
          );
        if (all.length > 0) return refuse(all);
        // Someone published while this form was open: saving would undo their change unseen.
        const current = await version();
        if ((current ?? '') !== values.baseVersion)
          return refuse([
            {
              section: 'other',
              message: {
                vi: t('vi', 'configForm.stale', { version: current ?? '' }),
                en: t('en', 'configForm.stale', { version: current ?? '' }),
              },
            },
          ]);

        const published = await publishConfig(
          ctx.db,
          'profile',
          JSON.stringify(check.ok ? check.profile : profile),
          request.staff!.accountId,
          ctx.now(),
          request.lang,
        );
        // Checked again on publishing: a catalogue published meanwhile may refuse it.
        if (!published.ok)
          return refuse(published.reasons.map((r) => ({ section: 'other', message: { vi: r, en: r } })));
        const saved = (await currentProfile(ctx.db))!;
        return sendPage(
          reply,
          200,
          profileFormPage(pageView(request), request.staff!, {
            values: profileToForm(saved, cat, published.version),
            catalogue: cat,
            currentVersion: published.version,
            outcome: { published: published.version },
          }),
        );
      },
    );
  };
}
