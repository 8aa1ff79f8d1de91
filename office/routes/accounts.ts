import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { accountsPage } from '../dashboard/pages.ts';
import { t } from '../dashboard/i18n.ts';
import { createAccountFromForm, listAccounts } from '../staff/accounts.ts';
import { AccountFormSchema, PageQuerySchema } from '../../shared/contracts/office.ts';
import { forbidden, sendPage } from './staff.ts';

/** Staff accounts (administrators only). */
export function accountRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.addHook('preHandler', async (request, reply) => {
      if (request.staff?.role !== 'admin') return forbidden(request, reply);
    });
    app.get('/accounts', { schema: { querystring: PageQuerySchema } }, async (request, reply) =>
      sendPage(reply, 200, accountsPage(request.lang, request.staff!, await listAccounts(ctx.db), null)),
    );
    app.post('/accounts', { schema: { body: AccountFormSchema } }, async (request, reply) => {
      const result = await createAccountFromForm(ctx.db, request.body, ctx.now());
      const message = result.ok
        ? { ok: true, text: t(request.lang, 'accounts.created', { username: result.username }) }
        : { ok: false, text: t(request.lang, 'accounts.invalid') };
      return sendPage(
        reply,
        result.ok ? 200 : 400,
        accountsPage(request.lang, request.staff!, await listAccounts(ctx.db), message),
      );
    });
  };
}
