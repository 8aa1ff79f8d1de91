import type { StaffSession } from '../staff/accounts.ts';
import type { ReportRow } from '../report/weekly.ts';
import type { ColumnPart, ReportTable } from '../report/export.ts';
import { formatVietnamDate } from '../../shared/domain/vietnam-time.ts';
import { html } from './html.ts';
import { layout, type PageView } from './pages.ts';
import { reportChart, type ChartPart } from './chart.ts';
import { waitChart } from './wait-chart.ts';
import { formatNumber, formatPercent } from './number-format.ts';
import { t } from './i18n.ts';

export interface ReportPageData {
  /** yyyy-mm-dd when the range was read; as typed when it was refused. */
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

/**
 * The weekly report: range form, period, download links, then the dossiers (table with its
 * total line, stacked chart) and the desk's tickets (table, waiting-time chart).
 */
export function reportPage(pageView: PageView, session: StaffSession, data: ReportPageData): string {
  const { lang } = pageView;
  const { from, to, report } = data;
  // Text, not <input type="date">: the browser draws that in its own locale's order
  // (mm/dd/yyyy on an English Windows), and staff write dates dd/mm/yyyy.
  const shown = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? formatVietnamDate(date) : date);
  const dateField = (name: 'from' | 'to', value: string) =>
    html`<label
      >${t(lang, `report.${name}`)}
      <input
        type="text"
        name="${name}"
        value="${shown(value)}"
        inputmode="numeric"
        size="12"
        maxlength="20"
        placeholder="${t(lang, 'report.datePlaceholder')}"
        aria-describedby="report-date-hint"
    /></label>`;
  const form = html`<form method="get" action="/reports/weekly">
    ${dateField('from', from)} ${dateField('to', to)}
    <span id="report-date-hint" class="hint">${t(lang, 'report.dateHint')}</span>
    <button type="submit">${t(lang, 'report.show')}</button>
  </form>`;
  const query = `from=${from}&to=${to}`;
  if (!report)
    return layout(
      pageView,
      t(lang, 'report.title'),
      session,
      html`${form}
        <p class="error" role="alert">${t(lang, 'report.badRange')}</p>`,
      '/reports/weekly',
    );
  const { rows, table, totalRow, nameOf } = report;
  const cell = (value: string | number | null, column: number) =>
    typeof value === 'string'
      ? value
      : table.kinds[column] === 'percent'
        ? formatPercent(value, lang)
        : formatNumber(value, lang);
  // The no-break space keeps "·" with the name, so a wrapped label starts its line with the model.
  const label = (r: ReportRow) => `${nameOf(r)}\u00a0· ${t(lang, `model.${r.model}`)}`;
  const withDossiers = rows.filter((r) => r.received > 0);
  const period = t(lang, 'report.period', { from: formatVietnamDate(from), to: formatVietnamDate(to) });
  const withTickets = rows.filter((r) => (r.wait?.tickets ?? 0) > 0);
  const body = rows.length
    ? html`${form}
        <p class="period">${period}</p>
        <p class="downloads">
          <a href="/reports/weekly?${query}&format=csv">${t(lang, 'report.csv')}</a> ·
          <a href="/reports/weekly?${query}&format=xlsx">${t(lang, 'report.xlsx')}</a>
        </p>
        ${
          withDossiers.length
            ? html`<h2>${t(lang, 'report.dossiersHeading')}</h2>
                ${tablePart('dossiers', withDossiers)}
                <section class="chart-block">
                  <h2>${t(lang, 'report.chart')}</h2>
                  ${reportChart(withDossiers, label, {
                    title: t(lang, 'report.chart'),
                    part: (p: ChartPart) => t(lang, `report.${p}`),
                    percent: (f) => formatPercent(f, lang),
                    total: (count) => t(lang, 'report.chartTotal', { count: formatNumber(count, lang) }),
                  })}
                </section>`
            : html`<p>${t(lang, 'report.empty')}</p>`
        }
        ${
          withTickets.length
            ? html`<h2>${t(lang, 'report.ticketsHeading')}</h2>
                ${tablePart('tickets', withTickets)}
                ${
                  withTickets.some((r) => r.wait?.waitMedian != null)
                    ? html`<section class="chart-block">
                        <h2>${t(lang, 'report.waitChart')}</h2>
                        ${waitChart(withTickets, label, {
                          title: t(lang, 'report.waitChart'),
                          median: t(lang, 'report.waitMedian'),
                          p90: t(lang, 'report.waitP90'),
                          mark: t(lang, 'report.noWaitMark'),
                          summary: (w) =>
                            t(lang, 'report.waitChartBar', {
                              median: formatNumber(w.waitMedian, lang),
                              p90: formatNumber(w.waitP90, lang),
                              share: formatPercent(w.calledWithinNoWait, lang),
                            }),
                        })}
                      </section>`
                    : ''
                }`
            : ''
        }`
    : html`${form}
        <p>${t(lang, 'report.empty')}</p>`;

  /**
   * One of the page's two tables: the row's name, then either the dossier columns or the
   * desk's ticket columns. Split this way each fits an upright 1080 px screen and an A4
   * sheet without scrolling sideways; the downloads keep them side by side.
   */
  function tablePart(part: ColumnPart, shown: readonly ReportRow[]) {
    // A cell's text right against its tags, so that the stacked layout (narrow screens) aligns it.
    const td = (i: number, text: string) =>
      html`<td class="${table.kinds[i]}" data-label="${table.header[i]}">${text}</td>`;
    const columns = table.parts.flatMap((p, i) => (p === 'name' || p === part ? [i] : []));
    return html`<table class="report ${part}">
      <thead>
        <tr>
          ${columns.map((i) => html`<th scope="col" class="${table.kinds[i]}">${table.header[i]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${shown.map((r) => {
          const values = table.rows[rows.indexOf(r)]!;
          return html`<tr>
            ${columns.map((i) => td(i, cell(values[i]!, i)))}
          </tr>`;
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${totalRow[0]}</th>
          ${columns
            .slice(1)
            .map((i) => (i === 1 ? html`<td class="text"></td>` : td(i, cell(totalRow[i]!, i))))}
        </tr>
      </tfoot>
    </table>`;
  }
  return layout(pageView, t(lang, 'report.title'), session, body, `/reports/weekly?${query}`);
}
