import type { StaffSession } from '../staff/accounts.ts';
import type { ReportRow } from '../report/weekly.ts';
import type { ReportTable } from '../report/export.ts';
import { html } from './html.ts';
import { layout } from './pages.ts';
import { reportChart, waitChart, type ChartPart } from './chart.ts';
import { formatNumber, formatPercent } from './number-format.ts';
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
  const minutes = (m: number) => formatNumber(m, lang);
  const cell = (value: string | number | null, column: number) =>
    typeof value === 'string'
      ? value
      : table.kinds[column] === 'percent'
        ? formatPercent(value, lang)
        : formatNumber(value, lang);
  // Long official names are cut so that the model, which tells the bars apart, stays visible.
  const label = (r: ReportRow, max = 72) => `${shorten(nameOf(r), max)} · ${t(lang, `model.${r.model}`)}`;
  const body = rows.length
    ? html`${form}
        <p class="downloads">
          <a href="/reports/weekly?${query}&format=csv">${t(lang, 'report.csv')}</a> ·
          <a href="/reports/weekly?${query}&format=xlsx">${t(lang, 'report.xlsx')}</a>
        </p>
        <div class="table-scroll">
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
                    ${r.map((c, i) => html`<td class="${table.kinds[i]}">${cell(c, i)}</td>`)}
                  </tr>`,
              )}
              <tr>
                ${totalRow.map((c, i) => html`<th class="${table.kinds[i]}">${i === 1 ? '' : cell(c, i)}</th>`)}
              </tr>
            </tbody>
          </table>
        </div>
        <section class="chart-block">
          <h2 class="chart-heading">${t(lang, 'report.chart')}</h2>
          ${reportChart(
            rows.filter((r) => r.received > 0),
            label,
            {
              title: t(lang, 'report.chart'),
              part: (p: ChartPart) => t(lang, `report.${p}`),
              percent: (f) => formatPercent(f, lang),
              total: (count) => t(lang, 'report.chartTotal', { count: formatNumber(count, lang) }),
            },
          )}
        </section>
        ${
          rows.some((r) => r.wait?.waitMedian != null)
            ? html`<h2>${t(lang, 'report.waitChart')}</h2>
                ${waitChart(
                  rows,
                  (r) => label(r, 34),
                  (w) =>
                    t(lang, 'report.waitChartBar', {
                      median: minutes(w.waitMedian!),
                      p90: minutes(w.waitP90!),
                      share: formatPercent(w.calledWithinNoWait, lang),
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
