import { html, type Html } from './html.ts';
import { t, type Lang } from './i18n.ts';
import { layout, type PageView } from './pages.ts';
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
  /** How many dossiers match the filters, on every page. */
  total: number;
  /** The page shown, 1-based, of `pageSize` rows each. */
  page: number;
  pageSize: number;
  procedures: { code: string; name: string }[];
}

/** The filters (and a page after the first) as a query string, so the live updates fetch the same selection. */
export function filterQuery(filters: QueueFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The queue: filters, then the rows. public/dashboard.js listens to /queue/events and
 * reloads the rows region from /queue/rows with the same filters when a dossier arrives
 * or changes, marking rows it had not shown before as new.
 */
export function queuePage(pageView: PageView, session: StaffSession, view: QueueView): string {
  const { lang } = pageView;
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
      data-rows-url="/queue/rows${filterQuery(f, view.page)}"
      data-new-label="${t(lang, 'queue.new')}"
      data-new-message="${t(lang, 'queue.newMessage', { count: '{{count}}' })}"
    >
      ${queueResults(lang, view)}
    </div>`;
  return layout(
    pageView,
    t(lang, 'queue.title', { date: view.date }),
    session,
    body,
    `/${filterQuery(f, view.page)}`,
  );
}

/** The rows region alone: what /queue/rows answers for the live updates. */
export function queueResults(
  lang: Lang,
  view: Pick<QueueView, 'rows' | 'total' | 'page' | 'pageSize' | 'filters'>,
): Html {
  if (!view.rows.length) return html`<p>${t(lang, 'queue.empty')}</p>`;
  const pages = Math.ceil(view.total / view.pageSize);
  return html`${pages > 1 ? pageSummary(lang, view, pages) : html`<p>${t(lang, 'queue.count', { total: view.total })}</p>`}
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
    </table>
    ${pages > 1 ? pager(lang, view, pages, 'queue.pagesBelow') : ''}`;
}

/** Which rows these are of how many, and how many more the pages after hold. */
function pageSummary(
  lang: Lang,
  view: Pick<QueueView, 'rows' | 'total' | 'page' | 'pageSize' | 'filters'>,
  pages: number,
): Html {
  const from = (view.page - 1) * view.pageSize + 1;
  const to = from + view.rows.length - 1;
  const n = (value: number) => value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const more = view.total - to;
  return html`<p>
      ${t(lang, 'queue.range', { from: n(from), to: n(to), total: n(view.total) })}
      ${more > 0 ? t(lang, 'queue.more', { more: n(more) }) : ''}
    </p>
    ${pager(lang, view, pages, 'queue.pages')}`;
}

/**
 * Links to the first, previous, next and last pages, keeping the filters; the page shown in
 * words. Above the table and below it, each with its own name for screen readers.
 */
function pager(
  lang: Lang,
  view: Pick<QueueView, 'page' | 'filters'>,
  pages: number,
  label: 'queue.pages' | 'queue.pagesBelow',
): Html {
  const link = (
    page: number,
    key: 'queue.first' | 'queue.previous' | 'queue.next' | 'queue.last',
    rel = '',
  ) =>
    html`<a href="/${filterQuery(view.filters, page)}" ${rel ? html`rel="${rel}"` : ''}>${t(lang, key)}</a>`;
  return html`<nav class="pager" aria-label="${t(lang, label)}">
    ${view.page > 1 ? [link(1, 'queue.first'), link(view.page - 1, 'queue.previous', 'prev')] : ''}
    <span aria-current="page">${t(lang, 'queue.pageOf', { page: view.page, pages })}</span>
    ${view.page < pages ? [link(view.page + 1, 'queue.next', 'next'), link(pages, 'queue.last')] : ''}
  </nav>`;
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
