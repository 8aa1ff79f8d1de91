import type { StaffSession } from '../staff/accounts.ts';
import type { ReportRow } from '../report/weekly.ts';
import type { ReportTable } from '../report/export.ts';
import { html } from './html.ts';
import { layout } from './pages.ts';
import { reportChart, waitChart } from './chart.ts';
import { t, type Lang } from './i18n.ts';

export interface ReportPageData {
  from: string;
  to: string;
  /** Null when the range was refused (the form is shown again with the message). */
  report: {
    rows: readonly ReportRow[];
    table: ReportTable;
    totalRow: (string | number | null)[];
    nameOf: (row: ReportRow) => string;
  } | null;
}

/** The weekly report: range form, table with its total line, chart, download links. */
export function reportPage(lang: Lang, session: StaffSession, data: ReportPageData): string {
  const { from, to, report } = data;
  const form = html`<form method="get" action="/reports/weekly">
    <label>${t(lang, 'report.from')} <input type="date" name="from" value="${from}" /></label>
    <label>${t(lang, 'report.to')} <input type="date" name="to" value="${to}" /></label>
    <button type="submit">${t(lang, 'report.show')}</button>
  </form>`;
  const query = `from=${from}&to=${to}`;
  if (!report)
    return layout(
      lang,
      t(lang, 'report.title'),
      session,
      html`${form}
        <p class="error" role="alert">${t(lang, 'report.badRange')}</p>`,
      '/reports/weekly',
    );
  const { rows, table, totalRow, nameOf } = report;
  // Long official names are cut so that the model, which tells the bars apart, stays visible.
  const minutes = (m: number) =>
    m.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  const label = (r: ReportRow) => `${shorten(nameOf(r), 34)} · ${t(lang, `model.${r.model}`)}`;
  const body = rows.length
    ? html`${form}
        <p>
          <a href="/reports/weekly?${query}&format=csv">${t(lang, 'report.csv')}</a> ·
          <a href="/reports/weekly?${query}&format=xlsx">${t(lang, 'report.xlsx')}</a>
        </p>
        <table class="report">
          <thead>
            <tr>
              ${table.header.map((h) => html`<th>${h}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${table.rows.map(
              (r) =>
                html`<tr>
                  ${r.map((c) => html`<td>${c ?? '—'}</td>`)}
                </tr>`,
            )}
            <tr>
              ${totalRow.map((c, i) => html`<th>${i === 1 ? '' : (c ?? '—')}</th>`)}
            </tr>
          </tbody>
        </table>
        <h2>${t(lang, 'report.chart')}</h2>
        ${reportChart(
          rows.filter((r) => r.received > 0),
          label,
          t(lang, 'report.chart'),
        )}
        ${
          rows.some((r) => r.wait?.waitMedian != null)
            ? html`<h2>${t(lang, 'report.waitChart')}</h2>
                ${waitChart(
                  rows,
                  label,
                  (w) =>
                    t(lang, 'report.waitChartBar', {
                      median: minutes(w.waitMedian!),
                      p90: minutes(w.waitP90!),
                      share: w.calledWithinNoWait === null ? '—' : Math.round(w.calledWithinNoWait * 100),
                    }),
                  t(lang, 'report.waitChart'),
                )}`
            : ''
        }`
    : html`${form}
        <p>${t(lang, 'report.empty')}</p>`;
  return layout(lang, t(lang, 'report.title'), session, body, `/reports/weekly?${query}`);
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
