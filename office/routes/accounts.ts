import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { accountsPage, confirmPage, passwordPage } from '../dashboard/pages.ts';
import { t } from '../dashboard/i18n.ts';
import {
  changeOwnPassword,
  createAccountFromForm,
  endSessions,
  listAccounts,
  resetPassword,
  setAccountDisabled,
} from '../staff/accounts.ts';
import {
  AccountActionParamsSchema,
  AccountFormSchema,
  ConfirmableFormSchema,
  PageQuerySchema,
  PasswordChangeFormSchema,
} from '../../shared/contracts/office.ts';
import { forbidden, notFound, pageView, sendPage } from './staff.ts';

/** Staff accounts (administrators), and everyone's own password. */
export function accountRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/account/password', { schema: { querystring: PageQuerySchema } }, async (request, reply) =>
      sendPage(reply, 200, passwordPage(pageView(request), request.staff!, null)),
    );
    app.post('/account/password', { schema: { body: PasswordChangeFormSchema } }, async (request, reply) => {
      const outcome = await changeOwnPassword(ctx.db, request.staff!, request.body);
      if (outcome !== 'ok')
        return sendPage(
          reply,
          400,
          passwordPage(pageView(request), request.staff!, {
            ok: false,
            text: t(request.lang, `password.${outcome}`),
          }),
        );
      const staff = { ...request.staff!, mustChangePassword: false };
      return sendPage(
        reply,
        200,
        passwordPage(pageView(request), staff, { ok: true, text: t(request.lang, 'password.changed') }),
      );
    });

    const adminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.staff?.role !== 'admin') return forbidden(request, reply);
    };
    const list = async (
      request: FastifyRequest,
      reply: FastifyReply,
      message: { ok: boolean; text: string } | null,
    ) =>
      sendPage(
        reply,
        message && !message.ok ? 400 : 200,
        accountsPage(pageView(request), request.staff!, await listAccounts(ctx.db, ctx.now()), message),
      );

    app.get(
      '/accounts',
      { preHandler: adminOnly, schema: { querystring: PageQuerySchema } },
      (request, reply) => list(request, reply, null),
    );
    app.post(
      '/accounts',
      { preHandler: adminOnly, schema: { body: AccountFormSchema } },
      async (request, reply) => {
        const result = await createAccountFromForm(ctx.db, request.body, ctx.now());
        return list(
          request,
          reply,
          result.ok
            ? { ok: true, text: t(request.lang, 'accounts.created', { username: result.username }) }
            : { ok: false, text: t(request.lang, 'accounts.invalid') },
        );
      },
    );

    app.post(
      '/accounts/:id/:action',
      { preHandler: adminOnly, schema: { params: AccountActionParamsSchema, body: ConfirmableFormSchema } },
      async (request, reply) => {
        const { id, action } = request.params;
        const { lang } = request;
        const account = (await listAccounts(ctx.db, ctx.now())).find((a) => a.id === id);
        if (!account) return notFound(request, reply);
        const username = account.username;
        if (action === 'disable' && id === request.staff!.accountId)
          return list(request, reply, { ok: false, text: t(lang, 'accounts.notSelf') });
        if (action !== 'enable' && request.body.confirmed !== 'yes') {
          const question = {
            disable: t(lang, 'accounts.confirmDisable', { username }),
            'reset-password': t(lang, 'accounts.confirmReset', { username }),
            'end-sessions': t(lang, 'accounts.confirmEndSessions', { username }),
          }[action];
          const label = {
            disable: t(lang, 'accounts.disable'),
            'reset-password': t(lang, 'accounts.resetPassword'),
            'end-sessions': t(lang, 'accounts.endSessions'),
          }[action];
          return sendPage(
            reply,
            200,
            confirmPage(
              pageView(request),
              request.staff!,
              question,
              `/accounts/${id}/${action}`,
              label,
              '/accounts',
            ),
          );
        }
        if (action === 'disable' || action === 'enable') {
          await setAccountDisabled(ctx.db, id, action === 'disable', request.staff!.accountId);
          const key = action === 'disable' ? 'accounts.disabledDone' : 'accounts.enabledDone';
          return list(request, reply, { ok: true, text: t(lang, key, { username }) });
        }
        if (action === 'end-sessions') {
          await endSessions(ctx.db, id);
          return list(request, reply, { ok: true, text: t(lang, 'accounts.sessionsEnded', { username }) });
        }
        const reset = await resetPassword(ctx.db, id);
        if (!reset) return notFound(request, reply);
        return list(request, reply, {
          ok: true,
          text: t(lang, 'accounts.resetDone', { username, password: reset.temporaryPassword }),
        });
      },
    );
  };
}
