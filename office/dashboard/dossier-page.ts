import { html, type Html } from './html.ts';
import { t, type Lang } from './i18n.ts';
import { layout, type PageView } from './pages.ts';
import type { StaffSession } from '../staff/accounts.ts';
import { formatVietnamDateTime } from '../../shared/domain/vietnam-time.ts';
import { DOSSIER_STATUSES } from '../../shared/domain/dossier.ts';
import type { TimelinessState } from '../report/timeliness-rule.ts';
import type { DecodedForm } from '../dossiers/decoded-form.ts';
import type { ReceiptPrintState } from '../sync/receipt-prints.ts';

export interface DossierView {
  id: string;
  code: string;
  applicant: string;
  procedure: string;
  models: string[];
  receivedMs: number;
  dueMs: number;
  status: string;
  timeliness: TimelinessState;
  reason: string | null;
  volunteer: string | null;
  channel: string;
  kiosk: string;
  /** Whether the kiosk's printer gave the citizen the receipt (giấy tiếp nhận). */
  receipt: ReceiptPrintState;
  form: DecodedForm;
  attachments: { hash: string; fileName: string; mediaType: string; complete: boolean }[];
  events: { status: string; reason: string | null; by: string | null; atMs: number }[];
}

/** Images the dashboard shows as thumbnails; a PDF is a link. */
const THUMBNAIL_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function dossierPage(
  pageView: PageView,
  session: StaffSession,
  d: DossierView,
  error: string | null,
  /** What the officer had chosen and typed, shown again when the change was refused. */
  typed: { status: string; reason: string } | null = null,
): string {
  const { lang } = pageView;
  const chosen = typed?.status ?? d.status;
  const body = html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    <dl class="facts">
      <dt>${t(lang, 'queue.applicant')}</dt>
      <dd>${d.applicant}</dd>
      <dt>${t(lang, 'queue.procedure')}</dt>
      <dd>${d.procedure}</dd>
      <dt>${t(lang, 'queue.models')}</dt>
      <dd>${d.models.map((m) => t(lang, `model.${m}` as 'model.none')).join(', ')}</dd>
      <dt>${t(lang, 'queue.received')}</dt>
      <dd>${formatVietnamDateTime(d.receivedMs)}</dd>
      <dt>${t(lang, 'queue.due')}</dt>
      <dd>${formatVietnamDateTime(d.dueMs)}</dd>
      <dt>${t(lang, 'queue.status')}</dt>
      <dd>${t(lang, `status.${d.status}` as 'status.received')}${d.reason ? html` — ${d.reason}` : ''}</dd>
      <dt>${t(lang, 'dossier.timeliness')}</dt>
      <dd>${t(lang, `timeliness.${d.timeliness}`)}</dd>
      <dt>${t(lang, 'dossier.channel')}</dt>
      <dd>${t(lang, `channel.${d.channel}` as 'channel.kiosk')}</dd>
      <dt>${t(lang, 'dossier.volunteer')}</dt>
      <dd>${d.volunteer ?? '—'}</dd>
      <dt>${t(lang, 'dossier.kiosk')}</dt>
      <dd>${d.kiosk}</dd>
      <dt>${t(lang, 'queue.receipt')}</dt>
      <dd class="${d.receipt === 'unprinted' ? 'receipt-unprinted' : ''}">
        ${d.receipt === 'unknown' ? '—' : t(lang, `queue.receipt.${d.receipt}`)}
      </dd>
    </dl>
    <h2>${t(lang, 'dossier.reprint')}</h2>
    <p class="reprint">
      <a href="/dossiers/${d.id}/print/declaration.pdf" target="_blank" rel="noopener"
        >${t(lang, 'dossier.reprintDeclaration')}</a
      >
      <a href="/dossiers/${d.id}/print/receipt.pdf" target="_blank" rel="noopener"
        >${t(lang, 'dossier.reprintReceipt')}</a
      >
    </p>
    ${
      d.receipt === 'unprinted'
        ? html`<form method="post" action="/dossiers/${d.id}/receipt-handed-over" class="receipt-handover">
            <input type="hidden" name="csrf" value="${session.csrfToken}" />
            <p>${t(lang, 'dossier.receiptHandoverHint')}</p>
            <button type="submit">${t(lang, 'dossier.receiptHandedOver')}</button>
          </form>`
        : ''
    }
    <h2>${t(lang, 'dossier.changeStatus')}</h2>
    <form method="post" action="/dossiers/${d.id}/status">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      <label
        >${t(lang, 'queue.status')}
        <select name="status">
          ${DOSSIER_STATUSES.map((s) => html`<option value="${s}" ${s === chosen ? html` selected` : ''}>${t(lang, `status.${s}`)}</option>`)}
        </select></label
      >
      <label
        >${t(lang, 'dossier.reason')}
        <textarea
          name="reason"
          maxlength="1000"
          rows="2"
          cols="60"
          ${error ? html`aria-invalid="true" autofocus` : ''}
        >
${typed?.reason ?? ''}</textarea>
      </label>
      <button type="submit">${t(lang, 'dossier.save')}</button>
    </form>
    <h2>${t(lang, 'dossier.formData')}</h2>
    ${declaration(lang, d.form)}
    <h2>${t(lang, 'dossier.attachments')}</h2>
    ${attachments(lang, d.attachments)}
    <h2>${t(lang, 'dossier.history')}</h2>
    <table>
      <thead>
        <tr>
          <th>${t(lang, 'queue.status')}</th>
          <th>${t(lang, 'dossier.reason')}</th>
          <th>${t(lang, 'dossier.by')}</th>
          <th>${t(lang, 'dossier.at')}</th>
        </tr>
      </thead>
      <tbody>
        ${d.events.map(
          (e) =>
            html`<tr>
              <td>${t(lang, `status.${e.status}` as 'status.received')}</td>
              <td>${e.reason ?? ''}</td>
              <td>${e.by ?? t(lang, 'dossier.system')}</td>
              <td>${formatVietnamDateTime(e.atMs)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  return layout(pageView, t(lang, 'dossier.title', { code: d.code }), session, body, `/dossiers/${d.id}`);
}

/** The declaration as the citizen filled it in: one block per step of the kiosk's form. */
function declaration(lang: Lang, form: DecodedForm): Html {
  const others = form.others.length
    ? html`<h3>${t(lang, form.known ? 'dossier.otherAnswers' : 'dossier.unknownForm')}</h3>
        <dl class="answers">
          ${form.others.map(
            (o) =>
              html`<dt><code>${o.key}</code></dt>
                <dd>${o.value}</dd>`,
          )}
        </dl>`
    : '';
  return html`${form.sections.map(
    (s) =>
      html`<section class="form-section">
        <h3>${s.title}</h3>
        <dl class="answers">
          ${s.rows.map(
            (r) =>
              html`<dt>${r.label}</dt>
                <dd>${r.value}</dd>`,
          )}
        </dl>
      </section>`,
  )}${others}`;
}

function attachments(lang: Lang, list: DossierView['attachments']): Html {
  if (!list.length) return html`<p>${t(lang, 'dossier.noAttachments')}</p>`;
  return html`<ul class="thumbnails">
    ${list.map((a) => {
      if (!a.complete) return html`<li>${a.fileName} (${t(lang, 'dossier.pending')})</li>`;
      const picture = THUMBNAIL_TYPES.has(a.mediaType)
        ? html`<img src="/attachments/${a.hash}" alt="" width="160" height="120" loading="lazy" />`
        : html`<span class="file-kind">PDF</span>`;
      return html`<li>
        <a href="/attachments/${a.hash}">${picture}<span>${a.fileName}</span></a>
      </li>`;
    })}
  </ul>`;
}
