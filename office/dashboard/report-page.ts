import type { ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StaffSession } from '../staff/accounts.ts';
import { sumReportRows, weeklyReport } from '../report/weekly.ts';
import { reportTable, toCsv, toXlsx } from '../report/export.ts';
import { html } from './html.ts';
import { layout } from './pages.ts';
import { reportChart } from './chart.ts';
import { t, type Lang } from './i18n.ts';
import { sendHtml } from '../http/io.ts';
import { DAY_MS, msToVnDate, vnDateToMs, vnWeekStart } from '../time.ts';

const MAX_RANGE_DAYS = 366;

/** GET /reports/weekly?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv|xlsx]; default: this week (Mon–Sun). */
export async function reportResponse(
  db: Kysely<Database>,
  res: ServerResponse,
  url: URL,
  lang: Lang,
  session: StaffSession,
  now: number,
  procedureName: (code: string) => Promise<string>,
): Promise<void> {
  const weekStart = vnWeekStart(now);
  const from = url.searchParams.get('from') || msToVnDate(weekStart);
  const to = url.searchParams.get('to') || msToVnDate(weekStart + 6 * DAY_MS);
  const fromMs = vnDateToMs(from);
  const toMsStart = vnDateToMs(to);
  const form = html`<form method="get" action="/reports/weekly">
    <label>${t(lang, 'report.from')} <input type="date" name="from" value="${from}" /></label>
    <label>${t(lang, 'report.to')} <input type="date" name="to" value="${to}" /></label>
    <button type="submit">${t(lang, 'report.show')}</button>
  </form>`;
  if (
    fromMs === null ||
    toMsStart === null ||
    toMsStart < fromMs ||
    (toMsStart - fromMs) / DAY_MS > MAX_RANGE_DAYS
  ) {
    sendHtml(
      res,
      400,
      layout(
        lang,
        t(lang, 'report.title'),
        session,
        html`${form}
          <p class="error" role="alert">${t(lang, 'report.badRange')}</p>`,
        '/reports/weekly',
      ),
    );
    return;
  }
  const rows = await weeklyReport(db, fromMs, toMsStart + DAY_MS);
  const names = new Map<string, string>();
  for (const r of rows)
    if (!names.has(r.procedureCode)) names.set(r.procedureCode, await procedureName(r.procedureCode));
  const nameOf = (code: string) => names.get(code) ?? code;
  const table = reportTable(rows, lang, nameOf);
  const total = sumReportRows(rows, t(lang, 'report.total'), 'none');
  const format = url.searchParams.get('format');
  const fileBase = `bao-cao-${from}_${to}`;
  if (format === 'csv') {
    const body = toCsv(table);
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileBase}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.end(body);
    return;
  }
  if (format === 'xlsx') {
    const body = await toXlsx(table, t(lang, 'report.title'));
    res.writeHead(200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${fileBase}.xlsx"`,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(body);
    return;
  }
  const query = `from=${from}&to=${to}`;
  const [totalRow] = reportTable([total], lang, () => t(lang, 'report.total')).rows;
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
              ${totalRow!.map((c, i) => html`<th>${i === 1 ? '' : (c ?? '—')}</th>`)}
            </tr>
          </tbody>
        </table>
        <h2>${t(lang, 'report.chart')}</h2>
        ${reportChart(rows, (r) => `${nameOf(r.procedureCode)} · ${t(lang, `model.${r.model}`)}`, t(lang, 'report.chart'))}`
    : html`${form}
        <p>${t(lang, 'report.empty')}</p>`;
  sendHtml(res, 200, layout(lang, t(lang, 'report.title'), session, body, `/reports/weekly?${query}`));
}
