import { html, type Html } from './html.ts';
import { t, type Lang, type MessageKey } from './i18n.ts';
import type { StaffSession } from '../staff/accounts.ts';
import type { RefusedTicket } from '../tickets/refused.ts';
import type { QueueService } from '../../shared/queue/index.ts';
import { formatVietnamTime } from '../../shared/domain/vietnam-time.ts';

/**
 * Numbers an offline kiosk printed that the office did not take into the queue: the citizen
 * holding one would never be called, so every counter page lists today's until an officer
 * queues that citizen under a proper number or marks the case handled.
 */
export function refusedTicketsSection(
  lang: Lang,
  session: StaffSession,
  refused: RefusedTicket[],
  services: QueueService[],
  /** Where the officer is, so the answer comes back to the same page. */
  counterId: string | null,
): Html {
  if (!refused.length) return html``;
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? null;
  const form = (r: RefusedTicket, action: 'queue' | 'dismiss', label: string) =>
    html`<form method="post" action="/desk/refused">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      <input type="hidden" name="id" value="${r.id}" />
      <input type="hidden" name="action" value="${action}" />
      ${counterId ? html`<input type="hidden" name="counterId" value="${counterId}" />` : ''}
      <button type="submit" aria-label="${label} — ${r.number}">${label}</button>
    </form>`;
  return html`<section aria-labelledby="refused-h" class="refused-tickets">
    <h2 id="refused-h">${t(lang, 'desk.refused.title', { n: refused.length })}</h2>
    <p>${t(lang, 'desk.refused.lead')}</p>
    <table>
      <thead>
        <tr>
          <th>${t(lang, 'desk.refused.number')}</th>
          <th>${t(lang, 'desk.refused.service')}</th>
          <th>${t(lang, 'desk.refused.kiosk')}</th>
          <th>${t(lang, 'desk.refused.issuedAt')}</th>
          <th>${t(lang, 'desk.refused.reason')}</th>
          <th>${t(lang, 'desk.refused.actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${refused.map((r) => {
          const name = serviceName(r.serviceId);
          return html`<tr>
            <td class="refused-number">${r.number}</td>
            <td>
              ${name ?? t(lang, 'desk.refused.noService')}
              ${
                r.priority
                  ? html`<br />${t(lang, 'desk.refused.priority', {
                        group: t(lang, `priority.${r.priority}` as MessageKey),
                      })}`
                  : ''
              }
            </td>
            <td>${r.kioskName ?? r.kioskId}</td>
            <td>${formatVietnamTime(Date.parse(r.issuedAt))}</td>
            <td>${t(lang, `desk.refused.why.${r.reason}` as MessageKey)}</td>
            <td class="actions">
              ${name ? form(r, 'queue', t(lang, 'desk.refused.queue')) : ''}
              ${form(r, 'dismiss', t(lang, 'desk.refused.dismiss'))}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </section>`;
}
