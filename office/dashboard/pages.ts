import { html, type Html } from './html.ts';
import { groupFingerprint } from '../../shared/contracts/enrolment-text.ts';
import { t, type Lang } from './i18n.ts';
import type { StaffSession } from '../staff/accounts.ts';
import { formatVietnamDateTime, formatVietnamTime } from '../../shared/domain/vietnam-time.ts';
import type { PublishedVersion } from '../published-config.ts';
import type { AccountRow } from '../staff/accounts.ts';

/**
 * How the reader asked to see the staff pages: the language (`?lang=`) and large text
 * (`?text=`), both remembered in cookies (routes/staff.ts builds it from the request).
 */
export interface PageView {
  lang: Lang;
  largeText: boolean;
}

/**
 * A staff page's shell. The header links to the same page (`path`) in the other language
 * and with the other text size.
 */
export function layout(
  view: PageView,
  title: string,
  session: StaffSession | null,
  body: Html | Html[],
  path = '/',
): string {
  const { lang, largeText } = view;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const sep = path.includes('?') ? '&' : '?';
  return (
    '<!doctype html>' +
    html`<html lang="${lang}" ${largeText ? html`class="large-text"` : ''}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title} — ${t(lang, 'app.title')}</title>
        <link rel="stylesheet" href="/static/dashboard.css" />
        <script src="/static/dashboard.js" defer></script>
      </head>
      <body>
        <header>
          <strong>${t(lang, 'app.title')}</strong>
          ${
            session
              ? html`<nav>
                    <a href="/">${t(lang, 'nav.queue')}</a> · <a href="/kiosks">${t(lang, 'nav.kiosks')}</a> ·
                    <a href="/reports/weekly">${t(lang, 'nav.report')}</a> ·
                    <a href="/desk">${t(lang, 'nav.desk')}</a> ·
                    <a href="/config">${t(lang, 'nav.config')}</a> ·
                    <a href="/speech-clips">${t(lang, 'nav.clips')}</a
                    >${session.role === 'admin' ? html` · <a href="/accounts">${t(lang, 'nav.accounts')}</a>` : ''}
                  </nav>
                  <a href="/account/password">${session.displayName}</a>
                  <form method="post" action="/logout">
                    <input type="hidden" name="csrf" value="${session.csrfToken}" /><button type="submit">
                      ${t(lang, 'nav.signOut')}
                    </button>
                  </form>`
              : ''
          }
          <a href="${path}${sep}lang=${other}" lang="${other}">${t(lang, 'nav.language')}</a>
          <a href="${path}${sep}text=${largeText ? 'normal' : 'large'}"
            >${t(lang, largeText ? 'nav.normalText' : 'nav.largeText')}</a
          >
        </header>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`.text
  );
}

/**
 * `problem`: true after a wrong name or password; `lockedUntil` (epoch ms) when sign-in is
 * refused for a while: a wait of a minute or less in seconds (an account name's growing
 * delay), a longer one as the Vietnam minute it ends, rounded up so that trying again at
 * that minute works.
 */
export function loginPage(
  pageView: PageView,
  csrf: string,
  problem: boolean | { lockedUntil: number; now: number },
): string {
  const { lang } = pageView;
  const message =
    typeof problem === 'object'
      ? problem.lockedUntil - problem.now <= 60_000
        ? t(lang, 'login.wait', {
            seconds: Math.max(1, Math.ceil((problem.lockedUntil - problem.now) / 1000)),
          })
        : t(lang, 'login.locked', {
            time: formatVietnamTime(Math.ceil(problem.lockedUntil / 60_000) * 60_000),
          })
      : problem
        ? t(lang, 'login.failed')
        : null;
  return layout(
    pageView,
    t(lang, 'login.title'),
    null,
    html`${message ? html`<p class="error" role="alert">${message}</p>` : ''}
      <form method="post" action="/login">
        <input type="hidden" name="csrf" value="${csrf}" />
        <label
          >${t(lang, 'login.username')}
          <input name="username" autocomplete="username" required maxlength="100"
        /></label>
        <label
          >${t(lang, 'login.password')}
          <input name="password" type="password" autocomplete="current-password" required maxlength="200"
        /></label>
        <button type="submit">${t(lang, 'login.submit')}</button>
      </form>`,
    '/login',
  );
}

export interface KioskView {
  id: string;
  name: string;
  lastContactMs: number | null;
  version: string | null;
  waiting: number;
  revoked: boolean;
  gaps: { missing: number; ranges: [number, number][] };
}

export function kiosksPage(
  pageView: PageView,
  session: StaffSession,
  kiosks: KioskView[],
  newCode: NewEnrolmentCode | null,
): string {
  const { lang } = pageView;
  const body = html`${newCode ? enrolmentCodeNotice(lang, newCode) : ''}
    <form method="post" action="/kiosks/codes">
      <input type="hidden" name="csrf" value="${session.csrfToken}" /><button type="submit">
        ${t(lang, 'kiosks.createCode')}
      </button>
    </form>
    ${
      kiosks.length
        ? html`<table>
            <thead>
              <tr>
                <th>${t(lang, 'kiosks.name')}</th>
                <th>${t(lang, 'kiosks.lastContact')}</th>
                <th>${t(lang, 'kiosks.version')}</th>
                <th>${t(lang, 'kiosks.waiting')}</th>
                <th>${t(lang, 'kiosks.gaps')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${kiosks.map(
                (k) =>
                  html`<tr>
                    <td>${k.name}</td>
                    <td>
                      ${k.lastContactMs ? formatVietnamDateTime(k.lastContactMs) : t(lang, 'kiosks.never')}
                    </td>
                    <td>${k.version ?? ''}</td>
                    <td>${k.waiting}</td>
                    <td>
                      ${k.gaps.missing ? html`${k.gaps.missing}: ${k.gaps.ranges.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ')}` : t(lang, 'kiosks.noGaps')}
                    </td>
                    <td>
                      ${k.revoked ? t(lang, 'kiosks.revoked') : html`<form method="post" action="/kiosks/${k.id}/revoke"><input type="hidden" name="csrf" value="${session.csrfToken}" /><button type="submit">${t(lang, 'kiosks.revoke')}</button></form>`}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${t(lang, 'kiosks.empty')}</p>`
    }`;
  return layout(pageView, t(lang, 'kiosks.title'), session, body, '/kiosks');
}

/** A new enrolment code as the Kiosks page shows it: typed at the kiosk, or its QR scanned. */
export interface NewEnrolmentCode {
  code: string;
  /** The address staff reached the dashboard on: the one the kiosk is given. */
  officeUrl: string;
  /** The certificate's SHA-256 the kiosk pins; null on plain HTTP (development switch). */
  fingerprint: string | null;
  /** The QR code (SVG data URL) of the enrolment text: address, code and fingerprint. */
  qrDataUrl: string;
}

function enrolmentCodeNotice(lang: Lang, c: NewEnrolmentCode): Html {
  return html`<div class="notice enrolment-code" role="status">
    <p>${t(lang, 'kiosks.newCode', { code: c.code })}</p>
    <dl>
      <dt>${t(lang, 'kiosks.officeUrl')}</dt>
      <dd><code>${c.officeUrl}</code></dd>
      <dt>${t(lang, 'kiosks.fingerprint')}</dt>
      <dd>
        ${c.fingerprint ? html`<code class="fingerprint">${groupFingerprint(c.fingerprint)}</code>` : t(lang, 'kiosks.noTls')}
      </dd>
    </dl>
    <img
      class="enrolment-qr"
      src="${c.qrDataUrl}"
      alt="${t(lang, 'kiosks.qrAlt', { code: c.code })}"
      width="240"
      height="240"
    />
    <p>${t(lang, 'kiosks.enrolHowTo')}</p>
  </div>`;
}

export function configPage(
  pageView: PageView,
  session: StaffSession,
  versions: Record<'profile' | 'catalogue', PublishedVersion[]>,
  message: { ok: boolean; text: string; reasons?: string[] } | null,
  /** The text a refused publication was given, shown again in its form. */
  typed: { kind: 'profile' | 'catalogue'; json: string } | null = null,
): string {
  const { lang } = pageView;
  const section = (kind: 'profile' | 'catalogue') => {
    const list = versions[kind];
    const current = list[0];
    return html`<h2>
        ${t(lang, kind === 'profile' ? 'configForm.profileHeading' : 'configForm.catalogueHeading')}
      </h2>
      <p>
        ${t(lang, 'config.current')}:
        ${current ? `${current.version} (${formatVietnamDateTime(current.publishedAtMs)})` : t(lang, 'config.none')}
      </p>
      ${
        list.length > 1
          ? html`<table>
              <caption>
                ${t(lang, 'config.history')}
              </caption>
              <thead>
                <tr>
                  <th>${t(lang, 'config.version')}</th>
                  <th>${t(lang, 'config.publishedAt')}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                ${list.slice(1).map(
                  (v) =>
                    html`<tr>
                      <td>${v.version}</td>
                      <td>${formatVietnamDateTime(v.publishedAtMs)}</td>
                      <td>
                        <form method="post" action="/config/${kind}/republish">
                          <input type="hidden" name="csrf" value="${session.csrfToken}" />
                          <input type="hidden" name="version" value="${v.version}" />
                          <button
                            type="submit"
                            aria-label="${t(lang, 'config.republishVersion', { version: v.version })}"
                          >
                            ${t(lang, 'config.republish')}
                          </button>
                        </form>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : ''
      }
      ${
        kind === 'profile'
          ? html`<p><a class="button-link" href="/config/profile/form">${t(lang, 'configForm.link')}</a></p>`
          : html`<p>
              <a class="button-link" href="/config/catalogue/form">${t(lang, 'catalogueForm.link')}</a>
            </p>`
      }
      <details ${typed?.kind === kind ? 'open' : ''}>
        <summary>${t(lang, kind === 'profile' ? 'configForm.advanced' : 'configForm.catalogueJson')}</summary>
        <form method="post" action="/config/${kind}">
          <input type="hidden" name="csrf" value="${session.csrfToken}" />
          <label
            >${t(lang, `config.${kind}`)}<br /><textarea name="json" rows="10" cols="100" required>
${typed?.kind === kind ? typed.json : ''}</textarea>
          </label>
          <button type="submit">${t(lang, 'config.publish')}</button>
        </form>
      </details>`;
  };
  const notice = message
    ? message.ok
      ? html`<p class="notice" role="status">${message.text}</p>`
      : html`<div class="error" role="alert">
          <p>${message.text}</p>
          <ul>
            ${(message.reasons ?? []).map((r) => html`<li>${r}</li>`)}
          </ul>
        </div>`
    : '';
  return layout(
    pageView,
    t(lang, 'config.title'),
    session,
    html`${notice}${section('profile')}${section('catalogue')}`,
    '/config',
  );
}

export function accountsPage(
  pageView: PageView,
  session: StaffSession,
  accounts: AccountRow[],
  message: { ok: boolean; text: string } | null,
): string {
  const { lang } = pageView;
  const action = (a: AccountRow, name: string, label: string) =>
    html`<form method="post" action="/accounts/${a.id}/${name}" class="inline">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      <button type="submit" aria-label="${label} — ${a.username}">${label}</button>
    </form>`;
  const body = html`${message ? html`<p class="${message.ok ? 'notice' : 'error'}" role="${message.ok ? 'status' : 'alert'}">${message.text}</p>` : ''}
    <table>
      <thead>
        <tr>
          <th>${t(lang, 'accounts.username')}</th>
          <th>${t(lang, 'accounts.displayName')}</th>
          <th>${t(lang, 'accounts.role')}</th>
          <th>${t(lang, 'accounts.state')}</th>
          <th>${t(lang, 'accounts.sessions')}</th>
          <th>${t(lang, 'accounts.actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${accounts.map(
          (a) =>
            html`<tr>
              <td>${a.username}</td>
              <td>${a.displayName}</td>
              <td>${t(lang, `role.${a.role}`)}</td>
              <td>
                ${a.disabled ? t(lang, 'accounts.disabled') : t(lang, 'accounts.active')}${
                  a.mustChangePassword ? html`<br />${t(lang, 'accounts.mustChange')}` : ''
                }
              </td>
              <td>${a.sessions}</td>
              <td>
                ${
                  a.id === session.accountId
                    ? html`<a href="/account/password">${t(lang, 'password.title')}</a>`
                    : html`${
                        a.disabled
                          ? action(a, 'enable', t(lang, 'accounts.enable'))
                          : action(a, 'disable', t(lang, 'accounts.disable'))
                      }
                      ${action(a, 'reset-password', t(lang, 'accounts.resetPassword'))}
                      ${a.sessions ? action(a, 'end-sessions', t(lang, 'accounts.endSessions')) : ''}`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>${t(lang, 'accounts.create')}</h2>
    <form method="post" action="/accounts">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      <label
        >${t(lang, 'accounts.username')}
        <input name="username" required pattern="[a-z0-9.]{3,40}" maxlength="40" autocomplete="off"
      /></label>
      <label>${t(lang, 'accounts.displayName')} <input name="displayName" required maxlength="100" /></label>
      <label
        >${t(lang, 'accounts.role')}
        <select name="role">
          ${(['officer', 'head', 'admin'] as const).map((r) => html`<option value="${r}">${t(lang, `role.${r}`)}</option>`)}
        </select></label
      >
      <label
        >${t(lang, 'accounts.password')}
        <input
          name="password"
          type="password"
          required
          minlength="10"
          maxlength="200"
          autocomplete="new-password"
      /></label>
      <button type="submit">${t(lang, 'accounts.create')}</button>
    </form>`;
  return layout(pageView, t(lang, 'accounts.title'), session, body, '/accounts');
}

/** The signed-in person's password change; the only page open while `mustChangePassword`. */
export function passwordPage(
  pageView: PageView,
  session: StaffSession,
  message: { ok: boolean; text: string } | null,
): string {
  const { lang } = pageView;
  const body = html`${
      session.mustChangePassword
        ? html`<p class="notice" role="status">${t(lang, 'password.mustChange')}</p>`
        : ''
    }
    ${
      message
        ? html`<p class="${message.ok ? 'notice' : 'error'}" role="${message.ok ? 'status' : 'alert'}">
            ${message.text}
          </p>`
        : ''
    }
    <form method="post" action="/account/password">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      <label
        >${t(lang, 'password.current')}
        <input name="current" type="password" required maxlength="200" autocomplete="current-password"
      /></label>
      <label
        >${t(lang, 'password.next')}
        <input
          name="next"
          type="password"
          required
          minlength="10"
          maxlength="200"
          autocomplete="new-password"
      /></label>
      <label
        >${t(lang, 'password.confirm')}
        <input
          name="confirm"
          type="password"
          required
          minlength="10"
          maxlength="200"
          autocomplete="new-password"
      /></label>
      <button type="submit">${t(lang, 'password.submit')}</button>
    </form>`;
  return layout(pageView, t(lang, 'password.title'), session, body, '/account/password');
}

/**
 * The second step of a destructive action: says what will happen and posts the same form
 * again with `confirmed=yes`; "Huỷ" goes back without doing anything.
 */
export function confirmPage(
  pageView: PageView,
  session: StaffSession,
  question: string,
  action: string,
  confirmLabel: string,
  back: string,
  /** The rest of the first form, posted again unchanged. */
  fields: Record<string, string> = {},
): string {
  const { lang } = pageView;
  const body = html`<p role="alert">${question}</p>
    <form method="post" action="${action}">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      ${Object.entries(fields).map(
        ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
      )}
      <input type="hidden" name="confirmed" value="yes" />
      <button type="submit">${confirmLabel}</button>
      <a href="${back}">${t(lang, 'confirm.cancel')}</a>
    </form>`;
  return layout(pageView, t(lang, 'confirm.title'), session, body, back);
}
