import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SyncContext } from '../sync/routes.ts';
import { HttpError, readBody, redirect, sendHtml } from '../http/io.ts';
import { randomToken, safeEqualHex, sha256Hex } from '../auth/passwords.ts';
import { createAccount, sessionFromCookie, signIn, signOut, type StaffSession } from '../staff/accounts.ts';
import { throttledSignIn, throttleKeys } from '../auth/sign-in-throttle.ts';
import { createEnrolmentCode } from '../sync/enrol.ts';
import { sequenceGaps } from '../sync/gaps.ts';
import { attachmentResponseHeaders, readAttachment } from '../sync/attachments.ts';
import { changeStatus } from '../dossier-status.ts';
import { DossierStatusSchema } from '../../shared/domain/dossier.ts';
import { CatalogueSchema } from '../../shared/domain/procedure.ts';
import { parseLang, t, type Lang } from './i18n.ts';
import { html } from './html.ts';
import {
  accountsPage,
  configPage,
  dossierPage,
  kiosksPage,
  layout,
  loginPage,
  queuePage,
  type QueueRow,
} from './pages.ts';
import { currentVersions, publishConfig } from '../published-config.ts';
import { reportResponse } from './report-page.ts';
import { DASHBOARD_CSS, DASHBOARD_JS } from './static.ts';
import { DAY_MS, msToVnDate, vnDayStart } from '../time.ts';

const SESSION_COOKIE = 'office_session';
const LOGIN_CSRF_COOKIE = 'office_login_csrf';
const FORM_LIMIT = 16 * 1024;
/** A published catalogue can be large; only the configuration forms get this much. */
const CONFIG_FORM_LIMIT = 4 * 1024 * 1024;

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function cookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

async function readForm(req: IncomingMessage, limit = FORM_LIMIT): Promise<URLSearchParams> {
  if (!/^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    throw new HttpError(415, 'unsupported-media-type', ['expected a form']);
  }
  return new URLSearchParams((await readBody(req, limit)).toString('utf8'));
}

/** Same-token check without leaking timing; both are random base64url strings. */
function tokensMatch(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return safeEqualHex(sha256Hex(a), sha256Hex(b));
}

export async function handleDashboard(
  ctx: SyncContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://office');
  const jar = cookies(req);
  const requested = parseLang(url.searchParams.get('lang'));
  const lang: Lang = requested ?? parseLang(jar.office_lang) ?? 'vi';
  const langCookie: Record<string, string> = requested
    ? { 'Set-Cookie': `office_lang=${requested}; Path=/; SameSite=Strict; Max-Age=31536000` }
    : {};
  const now = ctx.now();

  if (path === '/static/dashboard.css' || path === '/static/dashboard.js') {
    const css = path.endsWith('.css');
    const body = css ? DASHBOARD_CSS : DASHBOARD_JS;
    res.writeHead(200, {
      'Content-Type': css ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      'Cache-Control': 'max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
    return true;
  }

  try {
    if (path === '/login') {
      if (method === 'GET') {
        const csrf = randomToken();
        sendHtml(res, 200, loginPage(lang, csrf, url.searchParams.has('failed')), {
          'Set-Cookie': [
            cookie(LOGIN_CSRF_COOKIE, csrf, 3600),
            ...(requested ? [langCookie['Set-Cookie']!] : []),
          ],
        });
        return true;
      }
      if (method !== 'POST') throw new HttpError(405, 'method-not-allowed', ['use GET or POST']);
      const form = await readForm(req);
      // Login CSRF: double-submit of a cookie the login page set (SameSite=Strict).
      if (!tokensMatch(form.get('csrf'), jar[LOGIN_CSRF_COOKIE])) {
        sendHtml(
          res,
          403,
          layout(
            lang,
            t(lang, 'login.title'),
            null,
            html`<p class="error">${t(lang, 'error.csrf')}</p>
              <p><a href="/login">${t(lang, 'login.title')}</a></p>`,
          ),
        );
        return true;
      }
      const username = (form.get('username') ?? '').slice(0, 100);
      const password = (form.get('password') ?? '').slice(0, 200);
      // Throttled before the password hash is touched; see auth/sign-in-throttle.ts.
      const outcome = await throttledSignIn(
        ctx.db,
        throttleKeys(username, req.socket.remoteAddress),
        ctx.now,
        () => signIn(ctx.db, username, password, now),
      );
      if (!outcome.ok && outcome.lockedUntil !== null) {
        const csrf = randomToken();
        sendHtml(res, 429, loginPage(lang, csrf, { lockedUntil: outcome.lockedUntil }), {
          'Set-Cookie': cookie(LOGIN_CSRF_COOKIE, csrf, 3600),
          'Retry-After': String(Math.max(1, Math.ceil((outcome.lockedUntil - now) / 1000))),
        });
        return true;
      }
      if (!outcome.ok) {
        redirect(res, '/login?failed=1');
        return true;
      }
      const result = outcome.value;
      redirect(res, '/', {
        'Set-Cookie': [
          cookie(SESSION_COOKIE, result.cookieValue, 12 * 3600),
          cookie(LOGIN_CSRF_COOKIE, '', 0),
        ],
      });
      return true;
    }

    const session = await sessionFromCookie(ctx.db, jar[SESSION_COOKIE], now);
    if (!session) {
      if (method === 'GET' && isDashboardPath(path)) {
        redirect(res, '/login', langCookie);
        return true;
      }
      if (isDashboardPath(path)) {
        req.resume();
        sendHtml(
          res,
          401,
          layout(
            lang,
            t(lang, 'login.title'),
            null,
            html`<p class="error">${t(lang, 'error.csrf')}</p>
              <p><a href="/login">${t(lang, 'login.title')}</a></p>`,
          ),
        );
        return true;
      }
      return false;
    }

    let form: URLSearchParams | null = null;
    if (method === 'POST') {
      form = await readForm(req, path.startsWith('/config/') ? CONFIG_FORM_LIMIT : FORM_LIMIT);
      if (!tokensMatch(form.get('csrf'), session.csrfToken)) {
        sendHtml(
          res,
          403,
          layout(
            lang,
            t(lang, 'error.forbidden'),
            session,
            html`<p class="error">${t(lang, 'error.csrf')}</p>`,
          ),
        );
        return true;
      }
    }

    if (path === '/logout' && method === 'POST') {
      await signOut(ctx.db, jar[SESSION_COOKIE]!);
      redirect(res, '/login', { 'Set-Cookie': cookie(SESSION_COOKIE, '', 0) });
      return true;
    }
    if (path === '/' && method === 'GET') {
      sendHtml(
        res,
        200,
        queuePage(lang, session, formatDay(now), await queueRows(ctx.db, now, lang), now),
        langCookie,
      );
      return true;
    }
    const dossier = /^\/dossiers\/([0-9a-f-]{36})(\/status)?$/.exec(path);
    if (dossier) {
      const id = dossier[1]!;
      if (dossier[2] && form) {
        const status = DossierStatusSchema.safeParse(form.get('status'));
        if (!status.success) throw new HttpError(400, 'bad-request', ['unknown status']);
        const outcome = await changeStatus(
          ctx.db,
          id,
          status.data,
          (form.get('reason') ?? '').slice(0, 1000),
          session.accountId,
          now,
        );
        if (outcome === 'not-found') return notFound(res, lang, session);
        if (outcome === 'reason-required') {
          const view = await dossierView(ctx.db, id, lang);
          sendHtml(res, 400, dossierPage(lang, session, view!, t(lang, 'dossier.reasonRequired')));
          return true;
        }
        redirect(res, `/dossiers/${id}`);
        return true;
      }
      if (method !== 'GET' || dossier[2]) throw new HttpError(405, 'method-not-allowed', ['use GET']);
      const view = await dossierView(ctx.db, id, lang);
      if (!view) return notFound(res, lang, session);
      sendHtml(res, 200, dossierPage(lang, session, view, null), langCookie);
      return true;
    }
    const attachment = /^\/attachments\/([0-9a-f]{64})$/.exec(path);
    if (attachment && method === 'GET') {
      const meta = await ctx.db
        .selectFrom('attachment_meta')
        .select(['media_type', 'file_name'])
        .where('hash', '=', attachment[1]!)
        .executeTakeFirst();
      const bytes = meta ? await readAttachment(ctx.db, attachment[1]!) : null;
      if (!meta || !bytes) return notFound(res, lang, session);
      res.writeHead(200, attachmentResponseHeaders({ ...meta, size: bytes.length }));
      res.end(bytes);
      return true;
    }
    if (path === '/kiosks' && method === 'GET') {
      sendHtml(res, 200, kiosksPage(lang, session, await kioskViews(ctx.db), null), langCookie);
      return true;
    }
    if (path === '/kiosks/codes' && form) {
      if (!canManageKiosks(session)) return forbidden(res, lang, session);
      const code = await createEnrolmentCode(ctx.db, session.accountId, now);
      sendHtml(res, 200, kiosksPage(lang, session, await kioskViews(ctx.db), code));
      return true;
    }
    const revoke = /^\/kiosks\/([0-9a-f-]{36})\/revoke$/.exec(path);
    if (revoke && form) {
      if (!canManageKiosks(session)) return forbidden(res, lang, session);
      await ctx.db.updateTable('kiosks').set({ revoked: 1 }).where('id', '=', revoke[1]!).execute();
      redirect(res, '/kiosks');
      return true;
    }
    if (path === '/accounts') {
      if (session.role !== 'admin') return forbidden(res, lang, session);
      let message: { ok: boolean; text: string } | null = null;
      if (form) {
        const username = (form.get('username') ?? '').trim();
        const displayName = (form.get('displayName') ?? '').trim().slice(0, 100);
        const role = form.get('role');
        const password = form.get('password') ?? '';
        const taken = await ctx.db
          .selectFrom('accounts')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirst();
        const valid =
          /^[a-z0-9.]{3,40}$/.test(username) &&
          displayName &&
          (role === 'officer' || role === 'head' || role === 'admin') &&
          password.length >= 10 &&
          password.length <= 200 &&
          !taken;
        if (valid) await createAccount(ctx.db, { username, displayName, role, password }, now);
        message = valid
          ? { ok: true, text: t(lang, 'accounts.created', { username }) }
          : { ok: false, text: t(lang, 'accounts.invalid') };
      }
      const accounts = await ctx.db
        .selectFrom('accounts')
        .select(['username', 'display_name', 'role'])
        .orderBy('username')
        .execute();
      sendHtml(
        res,
        message && !message.ok ? 400 : 200,
        accountsPage(
          lang,
          session,
          accounts.map((a) => ({ username: a.username, displayName: a.display_name, role: a.role })),
          message,
        ),
        langCookie,
      );
      return true;
    }
    if (path === '/config' && method === 'GET') {
      sendHtml(res, 200, configPage(lang, session, await currentVersions(ctx.db), null), langCookie);
      return true;
    }
    const publish = /^\/config\/(profile|catalogue)$/.exec(path);
    if (publish && form) {
      if (!canManageKiosks(session)) return forbidden(res, lang, session);
      const result = await publishConfig(
        ctx.db,
        publish[1] as 'profile' | 'catalogue',
        form.get('json') ?? '',
        session.accountId,
        now,
      );
      const message = result.ok
        ? { ok: true, text: t(lang, 'config.published', { version: result.version }) }
        : { ok: false, text: t(lang, 'config.invalid'), reasons: result.reasons };
      sendHtml(res, result.ok ? 200 : 400, configPage(lang, session, await currentVersions(ctx.db), message));
      return true;
    }
    if (path === '/reports/weekly' && method === 'GET') {
      await reportResponse(ctx.db, res, url, lang, session, now, (code) => procedureName(ctx.db, code, lang));
      return true;
    }
    if (isDashboardPath(path)) return notFound(res, lang, session);
    return false;
  } catch (e) {
    if (e instanceof HttpError) {
      sendHtml(
        res,
        e.status,
        layout(lang, String(e.status), null, html`<p class="error">${e.reasons.join('; ')}</p>`),
      );
      return true;
    }
    throw e;
  }
}

function isDashboardPath(path: string): boolean {
  return path === '/' || /^\/(logout|dossiers|kiosks|reports|attachments|config|accounts)(\/|$)/.test(path);
}

function canManageKiosks(s: StaffSession): boolean {
  return s.role === 'admin' || s.role === 'head';
}

function notFound(res: ServerResponse, lang: Lang, session: StaffSession): true {
  sendHtml(res, 404, layout(lang, t(lang, 'error.notFound'), session, html``));
  return true;
}

function forbidden(res: ServerResponse, lang: Lang, session: StaffSession): true {
  sendHtml(res, 403, layout(lang, t(lang, 'error.forbidden'), session, html``));
  return true;
}

function formatDay(ms: number): string {
  const [y, m, d] = msToVnDate(ms).split('-');
  return `${d}/${m}/${y}`;
}

let catalogueCache: { version: string; names: Map<string, { vi: string; en: string }> } | null = null;

/** Procedure name from the latest published catalogue, else the code itself. */
async function procedureName(db: Kysely<Database>, code: string, lang: Lang): Promise<string> {
  const row = await db
    .selectFrom('published_config')
    .select(['version', 'body'])
    .where('kind', '=', 'catalogue')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return code;
  if (catalogueCache?.version !== row.version) {
    const parsed = CatalogueSchema.safeParse(JSON.parse(row.body));
    catalogueCache = {
      version: row.version,
      names: new Map(parsed.success ? parsed.data.procedures.map((p) => [p.code, p.name]) : []),
    };
  }
  const name = catalogueCache.names.get(code);
  return name ? `${name[lang]} (${code})` : code;
}

/** Today's arrivals plus anything still open from earlier days, by arrival. */
async function queueRows(db: Kysely<Database>, now: number, lang: Lang): Promise<QueueRow[]> {
  const start = vnDayStart(now);
  const rows = await db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'applicant_name',
      'procedure_code',
      'models',
      'received_at_ms',
      'due_at_ms',
      'status',
      'resolved_at_ms',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('received_at_ms', '>=', start), eb('received_at_ms', '<', start + DAY_MS)]),
        eb.and([eb('resolved_at_ms', 'is', null), eb('received_at_ms', '<', start)]),
      ]),
    )
    .orderBy('received_at_ms')
    .limit(1000)
    .execute();
  const out: QueueRow[] = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      code: r.code,
      applicant: r.applicant_name,
      procedure: await procedureName(db, r.procedure_code, lang),
      models: JSON.parse(r.models) as string[],
      receivedMs: Number(r.received_at_ms),
      dueMs: Number(r.due_at_ms),
      status: r.status,
      resolved: r.resolved_at_ms !== null,
    });
  }
  return out;
}

async function dossierView(db: Kysely<Database>, id: string, lang: Lang) {
  const d = await db
    .selectFrom('dossiers as d')
    .innerJoin('kiosks as k', 'k.id', 'd.kiosk_id')
    .selectAll('d')
    .select('k.name as kiosk_name')
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) return null;
  const attachments = await db
    .selectFrom('attachment_meta as m')
    .leftJoin('attachments as a', 'a.hash', 'm.hash')
    .select(['m.hash', 'm.file_name', 'a.complete'])
    .where('m.dossier_id', '=', id)
    .execute();
  const events = await db
    .selectFrom('dossier_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.account_id')
    .select(['e.status', 'e.reason', 'a.display_name', 'e.at_ms'])
    .where('e.dossier_id', '=', id)
    .orderBy('e.id')
    .execute();
  return {
    id: d.id,
    code: d.code,
    applicant: d.applicant_name,
    procedure: await procedureName(db, d.procedure_code, lang),
    models: JSON.parse(d.models) as string[],
    receivedMs: Number(d.received_at_ms),
    dueMs: Number(d.due_at_ms),
    status: d.status,
    reason: d.status_reason,
    volunteer: d.volunteer_id,
    channel: d.channel,
    kiosk: d.kiosk_name,
    formData: JSON.parse(d.form_data) as Record<string, string>,
    attachments: attachments.map((a) => ({
      hash: a.hash,
      fileName: a.file_name,
      complete: a.complete === 1,
    })),
    events: [
      { status: 'received', reason: null, by: null, atMs: Number(d.office_received_at_ms) },
      ...events.map((e) => ({
        status: e.status,
        reason: e.reason,
        by: e.display_name,
        atMs: Number(e.at_ms),
      })),
    ],
  };
}

async function kioskViews(db: Kysely<Database>) {
  const kiosks = await db.selectFrom('kiosks').selectAll().orderBy('enrolled_at').execute();
  return Promise.all(
    kiosks.map(async (k) => ({
      id: k.id,
      name: k.name,
      lastContactMs: k.last_contact_at === null ? null : Number(k.last_contact_at),
      version: k.app_version,
      waiting: Number(k.waiting_count),
      revoked: k.revoked === 1,
      gaps: await sequenceGaps(db, k.id),
    })),
  );
}
