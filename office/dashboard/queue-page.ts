import { html, type Html } from './html.ts';
import { t, type Lang } from './i18n.ts';
import { layout } from './pages.ts';
import type { StaffSession } from '../staff/accounts.ts';
import { formatVietnamDateTime } from '../../shared/domain/vietnam-time.ts';
import { DOSSIER_STATUSES } from '../../shared/domain/dossier.ts';
import { REFORM_MODEL_IDS } from '../../shared/domain/reform-model.ts';
import type { QueueFilters } from '../../shared/contracts/office.ts';
import type { TimelinessState } from '../report/timeliness-rule.ts';
import type { ReceiptPrintState } from '../sync/receipt-prints.ts';

export interface QueueRow {
  id: string;
  code: string;
  applicant: string;
  procedure: string;
  models: string[];
  receivedMs: number;
  dueMs: number;
  status: string;
  resolved: boolean;
  timeliness: TimelinessState;
  /** Working time left to the deadline, in words. */
  remaining: string;
  /** Whether the kiosk's printer gave the citizen the receipt (giấy tiếp nhận). */
  receipt: ReceiptPrintState;
}

export interface QueueView {
  date: string;
  filters: QueueFilters;
  rows: QueueRow[];
  total: number;
  procedures: { code: string; name: string }[];
}

/** The filters as a query string, so the live updates fetch the same selection. */
export function filterQuery(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The queue: filters, then the rows. public/dashboard.js listens to /queue/events and
 * reloads the rows region from /queue/rows with the same filters when a dossier arrives
 * or changes, marking rows it had not shown before as new.
 */
export function queuePage(lang: Lang, session: StaffSession, view: QueueView): string {
  const f = view.filters;
  const option = (value: string, label: string, chosen: string | undefined) =>
    html`<option value="${value}" ${value === (chosen ?? '') ? html`selected` : ''}>${label}</option>`;
  const body = html`<form class="filters" method="get" action="/" role="search">
      <label
        >${t(lang, 'queue.search')}
        <input type="search" name="q" value="${f.q ?? ''}" maxlength="100" aria-describedby="search-hint" />
      </label>
      <label
        >${t(lang, 'queue.status')}
        <select name="status">
          ${option('', t(lang, 'queue.all'), f.status)}
          ${DOSSIER_STATUSES.map((s) => option(s, t(lang, `status.${s}`), f.status))}
        </select>
      </label>
      <label
        >${t(lang, 'queue.procedure')}
        <select name="procedure">
          ${option('', t(lang, 'queue.all'), f.procedure)}
          ${view.procedures.map((p) => option(p.code, p.name, f.procedure))}
        </select>
      </label>
      <label
        >${t(lang, 'queue.models')}
        <select name="model">
          ${option('', t(lang, 'queue.all'), f.model)}
          ${REFORM_MODEL_IDS.map((m) => option(m, t(lang, `model.${m}`), f.model))}
        </select>
      </label>
      <button type="submit">${t(lang, 'queue.filter')}</button>
      <a href="/">${t(lang, 'queue.clearFilters')}</a>
      <p id="search-hint" class="hint">${t(lang, 'queue.searchHint')}</p>
    </form>
    <p id="queue-live" class="live" role="status" aria-live="polite"></p>
    <div
      id="queue-results"
      data-rows-url="/queue/rows${filterQuery(f)}"
      data-new-label="${t(lang, 'queue.new')}"
      data-new-message="${t(lang, 'queue.newMessage', { count: '{{count}}' })}"
    >
      ${queueResults(lang, view)}
    </div>`;
  return layout(lang, t(lang, 'queue.title', { date: view.date }), session, body, `/${filterQuery(f)}`);
}

/** The rows region alone: what /queue/rows answers for the live updates. */
export function queueResults(lang: Lang, view: Pick<QueueView, 'rows' | 'total'>): Html {
  if (!view.rows.length) return html`<p>${t(lang, 'queue.empty')}</p>`;
  const count =
    view.total > view.rows.length
      ? t(lang, 'queue.shownOf', { shown: view.rows.length, total: view.total })
      : t(lang, 'queue.count', { total: view.total });
  return html`<p>${count}</p>
    <table>
      <thead>
        <tr>
          <th>${t(lang, 'queue.code')}</th>
          <th>${t(lang, 'queue.applicant')}</th>
          <th>${t(lang, 'queue.procedure')}</th>
          <th>${t(lang, 'queue.models')}</th>
          <th>${t(lang, 'queue.received')}</th>
          <th>${t(lang, 'queue.due')}</th>
          <th>${t(lang, 'queue.remaining')}</th>
          <th>${t(lang, 'queue.status')}</th>
          <th>${t(lang, 'queue.receipt')}</th>
        </tr>
      </thead>
      <tbody>
        ${view.rows.map((r) => queueRow(lang, r))}
      </tbody>
    </table>`;
}

function queueRow(lang: Lang, r: QueueRow): Html {
  const overdue = !r.resolved && r.timeliness === 'late';
  return html`<tr data-id="${r.id}" class="${overdue ? 'overdue' : ''}">
    <td><a href="/dossiers/${r.id}">${r.code}</a></td>
    <td>${r.applicant}</td>
    <td>${r.procedure}</td>
    <td>${r.models.map((m) => t(lang, `model.${m}` as 'model.none')).join(', ')}</td>
    <td>${formatVietnamDateTime(r.receivedMs)}</td>
    <td>${formatVietnamDateTime(r.dueMs)}</td>
    <td class="remaining">
      ${r.resolved ? t(lang, 'queue.resolved') : overdue ? html`<strong>⚠ ${t(lang, 'queue.overdue')}</strong>` : r.remaining}
    </td>
    <td>${t(lang, `status.${r.status}` as 'status.received')}</td>
    <td class="${r.receipt === 'unprinted' ? 'receipt-unprinted' : ''}">
      ${r.receipt === 'unknown' ? '—' : t(lang, `queue.receipt.${r.receipt}`)}
    </td>
  </tr>`;
}
