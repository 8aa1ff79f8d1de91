import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import type { OfficeContext } from '../app.ts';
import { sessionFromCookie, type StaffSession } from '../staff/accounts.ts';
import { parseLang, t, type Lang } from '../dashboard/i18n.ts';
import { html } from '../dashboard/html.ts';
import { layout, type PageView } from '../dashboard/pages.ts';
import { sessionRoutes } from './session.ts';
import { queueRoutes } from './queue.ts';
import { dossierRoutes } from './dossiers.ts';
import { kioskRoutes } from './kiosks.ts';
import { accountRoutes } from './accounts.ts';
import { configurationRoutes } from './configuration.ts';
import { profileFormRoutes } from './profile-form.ts';
import { catalogueFormRoutes } from './catalogue-form.ts';
import { reportRoutes } from './reports.ts';
import { deskRoutes } from './tickets.ts';
import { CLIP_FORM_LIMIT, speechClipRoutes } from './speech-clips.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member; null on the public sign-in routes. */
    staff: StaffSession | null;
    lang: Lang;
    /** Large text on the staff pages (`?text=large`, remembered in a cookie). */
    largeText: boolean;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (the sign-in page itself). */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'office_session';
const LANG_COOKIE = 'office_lang';
const TEXT_COOKIE = 'office_text';
const PASSWORD_CHANGE_ROUTES = new Set(['/account/password', '/logout']);

/**
 * Cookies the dashboard sets: never readable by scripts, never sent cross-site, and on
 * HTTPS (every office not on the development switch) never sent over plain HTTP.
 */
export function cookieOptions(ctx: Pick<OfficeContext, 'certificate'>) {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.certificate !== null } as const;
}

/** What a staff page is rendered for, from the language and text-size choices on the request. */
export function pageView(request: FastifyRequest): PageView {
  return { lang: request.lang, largeText: request.largeText };
}

/** `?text=` and its cookie: 'large' turns large text on, 'normal' off; anything else is no choice. */
function parseLargeText(value: string | undefined | null): boolean | null {
  return value === 'large' ? true : value === 'normal' ? false : null;
}

export function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

export function forbidden(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendPage(
    reply,
    403,
    layout(pageView(request), t(request.lang, 'error.forbidden'), request.staff, html``),
  );
}

export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendPage(
    reply,
    404,
    layout(pageView(request), t(request.lang, 'error.notFound'), request.staff, html``),
  );
}

/** Officers see and handle dossiers; heads of office and admins also manage kiosks and configuration. */
export function canManageKiosks(s: StaffSession): boolean {
  return s.role === 'admin' || s.role === 'head';
}

/** The staff pages: sign-in, session and CSRF for every route, then one module per resource. */
export function staffRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(fastifyCookie);
    await app.register(fastifyFormbody);
    // The recording upload (routes/speech-clips.ts): parsed before the CSRF check below reads its token.
    await app.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: { files: 1, fileSize: CLIP_FORM_LIMIT, fields: 20 },
    });
    await app.register(fastifyCsrf, {
      cookieKey: 'office_csrf',
      cookieOpts: cookieOptions(ctx),
      getToken: (request) => (request.body as { csrf?: string } | undefined)?.csrf,
    });
    app.decorateRequest('staff', null);
    app.decorateRequest('lang', 'vi');
    app.decorateRequest('largeText', false);

    app.addHook('onRequest', async (request, reply) => {
      const query = request.query as { lang?: string; text?: string } | undefined;
      const choiceCookie = { ...cookieOptions(ctx), httpOnly: false, maxAge: 31_536_000 };
      const requested = parseLang(query?.lang);
      request.lang = requested ?? parseLang(request.cookies[LANG_COOKIE]) ?? 'vi';
      if (requested) reply.setCookie(LANG_COOKIE, requested, choiceCookie);
      const requestedText = parseLargeText(query?.text);
      request.largeText = requestedText ?? parseLargeText(request.cookies[TEXT_COOKIE]) ?? false;
      if (requestedText !== null)
        reply.setCookie(TEXT_COOKIE, requestedText ? 'large' : 'normal', choiceCookie);
      if (request.routeOptions.config.public) return;
      const session = await sessionFromCookie(ctx.db, request.cookies[SESSION_COOKIE], ctx.now());
      if (!session) {
        if (request.method === 'GET') return reply.redirect('/login', 303);
        return sendPage(reply, 401, csrfPage(pageView(request)));
      }
      request.staff = { ...session, csrfToken: reply.generateCsrf() };
      // A password someone else chose opens nothing but the page that replaces it.
      if (session.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? '')) {
        if (request.method === 'GET') return reply.redirect('/account/password', 303);
        return forbidden(request, reply);
      }
    });
    // Forms carry their token in the body, so the check runs once the body is parsed.
    app.addHook('preValidation', (request, reply, done) => {
      if (request.method === 'POST') app.csrfProtection(request, reply, done);
      else done();
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET')
        return sendPage(reply, 403, csrfPage(pageView(request)));
      const status = hasZodFastifySchemaValidationErrors(error) ? 400 : (error.statusCode ?? 500);
      const message = status >= 500 ? t(request.lang, 'error.internal') : t(request.lang, 'error.badRequest');
      return sendPage(
        reply,
        status,
        layout(
          pageView(request),
          String(status),
          request.staff,
          html`<p class="error" role="alert">${message}</p>`,
        ),
      );
    });
    app.setNotFoundHandler(async (request, reply) => {
      const session = await sessionFromCookie(ctx.db, request.cookies[SESSION_COOKIE], ctx.now());
      request.staff = session;
      return notFound(request, reply);
    });

    await app.register(sessionRoutes(ctx));
    await app.register(queueRoutes(ctx));
    await app.register(dossierRoutes(ctx));
    await app.register(kioskRoutes(ctx));
    await app.register(accountRoutes(ctx));
    await app.register(configurationRoutes(ctx));
    await app.register(profileFormRoutes(ctx));
    await app.register(catalogueFormRoutes(ctx));
    await app.register(reportRoutes(ctx));
    await app.register(deskRoutes(ctx.tickets));
    await app.register(speechClipRoutes(ctx));
  };
}

function csrfPage(view: PageView): string {
  const { lang } = view;
  return layout(
    view,
    t(lang, 'login.title'),
    null,
    html`<p class="error" role="alert">${t(lang, 'error.csrf')}</p>
      <p><a href="/login">${t(lang, 'login.title')}</a></p>`,
  );
}
