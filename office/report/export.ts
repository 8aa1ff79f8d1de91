import type { ReportRow } from './weekly.ts';
import { share } from './weekly.ts';
import { t, type Lang } from '../dashboard/i18n.ts';

export interface ReportTable {
  header: string[];
  rows: (string | number | null)[][];
}

/**
 * The report as a table (page, CSV, XLSX): the dossier counts, then the desk's tickets —
 * wait (arrival → call) and service (call → done), median and p90 in minutes, and the
 * share called within 15 minutes ("không chờ"). `rowName` names the row's procedure (or
 * service) in words.
 */
export function reportTable(
  rows: readonly ReportRow[],
  lang: Lang,
  rowName: (row: ReportRow) => string,
): ReportTable {
  const header = [
    t(lang, 'report.procedure'),
    t(lang, 'report.model'),
    t(lang, 'report.received'),
    t(lang, 'report.early'),
    t(lang, 'report.onTime'),
    t(lang, 'report.late'),
    t(lang, 'report.pending'),
    t(lang, 'report.portalShare'),
    t(lang, 'report.kioskShare'),
    t(lang, 'report.volunteerShare'),
    t(lang, 'report.ratings'),
    t(lang, 'report.satisfied'),
    t(lang, 'report.tickets'),
    t(lang, 'report.waitMedian'),
    t(lang, 'report.waitP90'),
    t(lang, 'report.serviceMedian'),
    t(lang, 'report.serviceP90'),
    t(lang, 'report.noWaitShare'),
  ];
  const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);
  const minutes = (v: number | null | undefined) => (v == null ? null : Math.round(v * 10) / 10);
  return {
    header,
    rows: rows.map((r) => [
      rowName(r),
      t(lang, `model.${r.model}`),
      r.received,
      r.early,
      r.onTime,
      r.late,
      r.pending,
      pct(share(r.portal, r.received)),
      pct(share(r.received - r.portal, r.received)),
      pct(share(r.volunteer, r.received)),
      r.ratings,
      pct(share(r.satisfied, r.ratings)),
      r.wait?.tickets ?? 0,
      minutes(r.wait?.waitMedian),
      minutes(r.wait?.waitP90),
      minutes(r.wait?.serviceMedian),
      minutes(r.wait?.serviceP90),
      pct(r.wait?.calledWithinNoWait),
    ]),
  };
}

/** A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection). */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM so Excel opens Vietnamese text correctly. */
export function toCsv(table: ReportTable): string {
  return '\uFEFF' + [table.header, ...table.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export async function toXlsx(table: ReportTable, title: string): Promise<Buffer> {
  // Loaded on first export: exceljs is large and most starts never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
