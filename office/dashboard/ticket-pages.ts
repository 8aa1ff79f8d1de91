import { html, type Html } from './html.ts';
import { t, type Lang, type MessageKey } from './i18n.ts';
import { layout, type PageView } from './pages.ts';
import type { StaffSession } from '../staff/accounts.ts';
import type { Counter, Ticket } from '../../shared/queue/index.ts';
import type { BoardState, TicketPosition } from '../../shared/contracts/tickets.ts';

/** The calling board for the office's TV: numbers and counters only, never a name. */
export function boardPage(lang: Lang, state: BoardState): string {
  return (
    '<!doctype html>' +
    html`<html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${t(lang, 'board.title')}</title>
        <link rel="stylesheet" href="/static/board.css" />
        <script src="/static/board.js" defer></script>
      </head>
      <body data-lang="${lang}" data-counter-label="${t(lang, 'board.counter', { n: '{n}' })}">
        <h1>${t(lang, 'board.title')}</h1>
        <p id="board-offline" class="offline" role="alert" hidden>${t(lang, 'board.offline')}</p>
        <section aria-labelledby="counters-h">
          <h2 id="counters-h" class="visually-hidden">${t(lang, 'board.counter', { n: '' })}</h2>
          <ul id="board-counters" class="counters">
            ${state.counters.map(
              (c) =>
                html`<li data-counter="${c.number}">
                  <span class="counter">${t(lang, 'board.counter', { n: c.number })}</span>
                  <span class="number"
                    >${c.current ?? (c.open ? t(lang, 'board.none') : t(lang, 'board.closed'))}</span
                  >
                </li>`,
            )}
          </ul>
        </section>
        <section aria-labelledby="calls-h">
          <h2 id="calls-h">${t(lang, 'board.lastCalls')}</h2>
          <ol id="board-calls" class="calls" aria-live="assertive">
            ${state.lastCalls.map(
              (c) => html`<li>${t(lang, 'board.call', { number: c.number, counter: c.counter })}</li>`,
            )}
          </ol>
        </section>
        <section aria-labelledby="waiting-h">
          <h2 id="waiting-h">${t(lang, 'board.waiting')}</h2>
          <ul class="waiting">
            ${state.waiting.map(
              (w) => html`<li>${w.prefix} — ${w.name}: ${t(lang, 'board.waitingCount', { n: w.count })}</li>`,
            )}
          </ul>
        </section>
      </body>
    </html>`.text
  );
}

/**
 * A ticket's live position, the page its QR opens on the citizen's phone: the number, where
 * it stands and the wait; no name. It reloads itself (no script: the office's CSP allows none inline).
 */
export function positionPage(lang: Lang, position: TicketPosition | null): string {
  const status = position
    ? t(lang, `position.${position.status}` as MessageKey, { counter: position.counter ?? '' })
    : t(lang, 'position.notFound');
  return (
    '<!doctype html>' +
    html`<html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta http-equiv="refresh" content="20" />
        <title>
          ${position ? t(lang, 'position.title', { number: position.number }) : t(lang, 'board.title')}
        </title>
        <link rel="stylesheet" href="/static/board.css" />
      </head>
      <body class="position">
        <h1>${position ? t(lang, 'position.title', { number: position.number }) : t(lang, 'board.title')}</h1>
        <p class="status">${status}</p>
        ${
          position?.status === 'issued'
            ? html`<p>${t(lang, 'position.ahead', { n: position.peopleAhead })}</p>
                ${
                  position.estimateMinutes !== null
                    ? html`<p>${t(lang, 'position.estimate', { n: position.estimateMinutes })}</p>`
                    : ''
                }`
            : ''
        }
        <p class="refresh">${t(lang, 'position.refresh')}</p>
      </body>
    </html>`.text
  );
}

const ERRORS = {
  'nobody-waiting': 'desk.nobodyWaiting',
  'no-current-ticket': 'desk.noCurrentTicket',
  'wrong-status': 'desk.wrongStatus',
  'wrong-counter': 'desk.wrongStatus',
  'counter-closed': 'desk.counterClosed',
  'unknown-counter': 'error.notFound',
  'refused-not-found': 'desk.refused.notFound',
  'refused-already-handled': 'desk.refused.alreadyHandled',
  'refused-unknown-service': 'desk.refused.unknownService',
} as const;
export type DeskError = keyof typeof ERRORS;

/** One counter's calling page: the ticket in front of the officer and what can be done with it. */
export function deskPage(
  pageView: PageView,
  session: StaffSession,
  counters: Counter[],
  counter: Counter | null,
  current: Ticket | null,
  waiting: number,
  error: DeskError | null,
  /** Today's refused offline tickets (refused-tickets-section.ts), shown on every counter's page. */
  refused: Html,
  notice: string | null,
): string {
  const { lang } = pageView;
  const form = (action: string, label: string, extra = html``) =>
    html`<form method="post" action="/desk/${counter!.id}/${action}">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />${extra}<button type="submit">
        ${label}
      </button>
    </form>`;
  const picker = html`<nav aria-label="${t(lang, 'desk.pickCounter')}">
    ${counters.map(
      (c) =>
        html`<a href="/desk/${c.id}" ${c.id === counter?.id ? html`aria-current="page"` : ''}
          >${t(lang, 'board.counter', { n: c.number })}</a
        > `,
    )}
  </nav>`;
  const messages = html`${error ? html`<p class="error" role="alert">${t(lang, ERRORS[error])}</p>` : ''}
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}`;
  if (!counter)
    return layout(pageView, t(lang, 'desk.title'), session, html`${picker} ${messages} ${refused}`, '/desk');
  // layout() gives the page its one heading.
  const body = html`${picker} ${messages}
    <p>${t(lang, 'desk.waiting', { n: waiting })}</p>
    <section aria-labelledby="current-h">
      <h2 id="current-h">${t(lang, 'desk.current')}</h2>
      ${
        current
          ? html`<p class="ticket-number">${current.number}</p>
              ${current.priority ? html`<p>${t(lang, `priority.${current.priority}` as MessageKey)}</p>` : ''}`
          : html`<p>${t(lang, 'desk.noCurrent')}</p>`
      }
    </section>
    <div class="actions">
      ${form('call-next', t(lang, 'desk.callNext'))}
      ${
        current
          ? html`${form('recall', t(lang, 'desk.recall'))}
            ${current.status === 'called' ? form('start', t(lang, 'desk.start')) : ''}
            ${form(
              'finish',
              t(lang, 'desk.finish'),
              html`<label>${t(lang, 'desk.dossierCode')} <input name="dossierCode" maxlength="60" /></label>`,
            )}
            ${current.status === 'called' ? form('no-show', t(lang, 'desk.noShow')) : ''}
            ${
              current.priority && current.priorityConfirmed === null
                ? html`${form('confirm-priority', t(lang, 'desk.confirmPriority'), html`<input type="hidden" name="confirmed" value="1" />`)}
                  ${form('confirm-priority', t(lang, 'desk.rejectPriority'), html`<input type="hidden" name="confirmed" value="0" />`)}`
                : ''
            }
            ${form(
              'transfer',
              t(lang, 'desk.transfer'),
              html`<label
                >${t(lang, 'desk.transfer')}
                <select name="toCounterId">
                  ${counters
                    .filter((c) => c.id !== counter.id)
                    .map(
                      (c) =>
                        html`<option value="${c.id}">${t(lang, 'board.counter', { n: c.number })}</option>`,
                    )}
                </select></label
              >`,
            )}`
          : ''
      }
    </div>
    ${refused}`;
  return layout(
    pageView,
    `${t(lang, 'desk.title')} — ${t(lang, 'board.counter', { n: counter.number })}`,
    session,
    body,
    `/desk/${counter.id}`,
  );
}

export function setupPage(
  pageView: PageView,
  session: StaffSession,
  values: { services: string; counters: string },
  message: { ok: boolean; text: string } | null,
): string {
  const { lang } = pageView;
  const body = html`<h1>${t(lang, 'desk.setup')}</h1>
    ${
      message
        ? html`<p class="${message.ok ? 'notice' : 'error'}" role="${message.ok ? 'status' : 'alert'}">
            ${message.text}
          </p>`
        : ''
    }
    <form method="post" action="/desk/setup">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      <label
        >${t(lang, 'desk.setupServices')}<textarea name="services" rows="6">${values.services}</textarea>
      </label>
      <label
        >${t(lang, 'desk.setupCounters')}<textarea name="counters" rows="6">${values.counters}</textarea>
      </label>
      <button type="submit">${t(lang, 'desk.setupSave')}</button>
    </form>`;
  return layout(pageView, t(lang, 'desk.setup'), session, body, '/desk/setup');
}
