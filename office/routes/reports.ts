import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OfficeContext } from '../app.ts';
import {
  reportCounts,
  reportRowsOf,
  reportTotalOf,
  withWaitTimes,
  type ReportRow,
} from '../report/weekly.ts';
import { waitTimes } from '../report/wait-times.ts';
import { reportTable, toCsv, toXlsx } from '../report/export.ts';
import { reportPage } from '../dashboard/report-page.ts';
import { t } from '../dashboard/i18n.ts';
import { procedureName } from '../queries/procedure-names.ts';
import { DAY_MS, vietnamDate, vietnamDateStart, vietnamWeekStart } from '../../shared/domain/vietnam-time.ts';
import { ReportQuerySchema } from '../../shared/contracts/office.ts';
import { parseDmy } from '../../shared/forms/dates.ts';
import { pageView, sendPage } from './staff.ts';

const MAX_RANGE_DAYS = 366;

/**
 * A report date as staff type it (dd/mm/yyyy, the way every Vietnamese office writes dates)
 * or as the page's own links carry it (yyyy-mm-dd); null when it is not a real date.
 */
function isoDate(text: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const d = parseDmy(text);
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : null;
}

/** GET /reports/weekly?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv|xlsx]; default: this week (Mon–Sun). */
export function reportRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/reports/weekly', { schema: { querystring: ReportQuerySchema } }, async (request, reply) => {
      const { lang } = request;
      const weekStart = vietnamWeekStart(ctx.now());
      const typed = {
        from: request.query.from?.trim() || vietnamDate(weekStart),
        to: request.query.to?.trim() || vietnamDate(weekStart + 6 * DAY_MS),
      };
      const from = isoDate(typed.from);
      const to = isoDate(typed.to);
      const fromMs = from === null ? null : vietnamDateStart(from);
      const toMsStart = to === null ? null : vietnamDateStart(to);
      if (
        from === null ||
        to === null ||
        fromMs === null ||
        toMsStart === null ||
        toMsStart < fromMs ||
        (toMsStart - fromMs) / DAY_MS > MAX_RANGE_DAYS
      )
        return sendPage(
          reply,
          400,
          reportPage(pageView(request), request.staff!, { ...typed, report: null }),
        );

      const now = ctx.now();
      const waits = await waitTimes(ctx.db, fromMs, toMsStart + DAY_MS, now);
      const counts = await reportCounts(ctx.db, fromMs, toMsStart + DAY_MS, now);
      const rows = withWaitTimes(reportRowsOf(counts), waits.rows);
      const names = new Map<string, string>();
      for (const r of rows)
        if (!r.service && !names.has(r.procedureCode))
          names.set(r.procedureCode, await procedureName(ctx.db, r.procedureCode, lang));
      const nameOf = (r: ReportRow) =>
        r.service
          ? t(lang, 'report.serviceRow', { name: r.service.name })
          : (names.get(r.procedureCode) ?? r.procedureCode);
      const table = reportTable(rows, lang, nameOf);
      const fileBase = `bao-cao-${from}_${to}`;
      if (request.query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${fileBase}.csv"`)
          .send(toCsv(table));
      if (request.query.format === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('Content-Disposition', `attachment; filename="${fileBase}.xlsx"`)
          .send(await toXlsx(table, t(lang, 'report.title')));
      const total = { ...reportTotalOf(counts, t(lang, 'report.total')), wait: waits.total };
      const [totalRow] = reportTable([total], lang, () => t(lang, 'report.total')).rows;
      return sendPage(
        reply,
        200,
        reportPage(pageView(request), request.staff!, {
          from,
          to,
          report: { rows, table, totalRow: totalRow!, nameOf },
        }),
      );
    });
  };
}
