import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import { signIn, signOut, SESSION_TTL_MS } from '../staff/accounts.ts';
import { throttledSignIn, throttleKeys } from '../auth/sign-in-throttle.ts';
import { loginPage } from '../dashboard/pages.ts';
import { CsrfOnlyFormSchema, PageQuerySchema, SignInFormSchema } from '../../shared/contracts/office.ts';
import { cookieOptions, SESSION_COOKIE, pageView, sendPage } from './staff.ts';

/** /login and /logout. */
export function sessionRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/login',
      {
        config: { public: true },
        schema: { querystring: PageQuerySchema.extend({ failed: z.string().optional() }) },
      },
      async (request, reply) =>
        sendPage(
          reply,
          200,
          loginPage(pageView(request), reply.generateCsrf(), request.query.failed !== undefined),
        ),
    );

    app.post(
      '/login',
      {
        config: {
          public: true,
          // A coarse per-address brake in front of the per-name throttle (auth/sign-in-throttle.ts).
          rateLimit: { max: 60, timeWindow: 60_000 },
        },
        schema: { body: SignInFormSchema },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const now = ctx.now();
        // Throttled before the password hash is touched; see auth/sign-in-throttle.ts.
        const outcome = await throttledSignIn(ctx.db, throttleKeys(username, request.ip), ctx.now, () =>
          signIn(ctx.db, username, password, now),
        );
        if (!outcome.ok && outcome.lockedUntil !== null) {
          reply.header('Retry-After', String(Math.max(1, Math.ceil((outcome.lockedUntil - now) / 1000))));
          return sendPage(
            reply,
            429,
            loginPage(pageView(request), reply.generateCsrf(), { lockedUntil: outcome.lockedUntil, now }),
          );
        }
        if (!outcome.ok) return reply.redirect('/login?failed=1', 303);
        reply.setCookie(SESSION_COOKIE, outcome.value.cookieValue, {
          ...cookieOptions(ctx),
          maxAge: SESSION_TTL_MS / 1000,
        });
        return reply.redirect('/', 303);
      },
    );

    app.post('/logout', { schema: { body: CsrfOnlyFormSchema } }, async (request, reply) => {
      await signOut(ctx.db, request.cookies[SESSION_COOKIE]!);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(ctx));
      return reply.redirect('/login', 303);
    });
  };
}
