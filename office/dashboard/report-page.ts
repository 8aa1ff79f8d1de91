import type { StaffSession } from '../staff/accounts.ts';
import type { ReportRow } from '../report/weekly.ts';
import type { ReportTable } from '../report/export.ts';
import { html } from './html.ts';
import { layout } from './pages.ts';
import { reportChart } from './chart.ts';
import { t, type Lang } from './i18n.ts';

export interface ReportPageData {
  from: string;
  to: string;
  /** Null when the range was refused (the form is shown again with the message). */
  report: {
    rows: readonly ReportRow[];
    table: ReportTable;
    totalRow: (string | number | null)[];
    nameOf: (code: string) => string;
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
  const body = rows.length
    ? html`${form}
        <p>
          <a href="/reports/weekly?${query}&format=csv">${t(lang, 'report.csv')}</a> ·
          <a href="/reports/weekly?${query}&format=xlsx">${t(lang, 'report.xlsx')}</a>
        </p>
        <table>
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
        ${reportChart(rows, (r) => `${nameOf(r.procedureCode)} · ${t(lang, `model.${r.model}`)}`, t(lang, 'report.chart'))}`
    : html`${form}
        <p>${t(lang, 'report.empty')}</p>`;
  return layout(lang, t(lang, 'report.title'), session, body, `/reports/weekly?${query}`);
}
