import type { ReportRow } from './weekly.ts';
import { share } from './weekly.ts';
import { t, type Lang, type MessageKey } from '../dashboard/i18n.ts';

/** How a column's values are written: rates are kept as fractions (0..1) until shown. */
export type ColumnKind = 'text' | 'count' | 'percent' | 'minutes';

export interface ReportTable {
  header: string[];
  /** One per header column. */
  kinds: ColumnKind[];
  /** One per header column. */
  parts: ColumnPart[];
  rows: (string | number | null)[][];
}

/**
 * Which part of the page shows a column: the row's name on both, then the dossier table
 * (what the reform reports publish) and the desk's ticket table (wait and service times).
 */
export type ColumnPart = 'name' | 'dossiers' | 'tickets';

/** The columns, in the order the reform reports publish them. */
const COLUMNS = [
  ['report.procedure', 'text', 'name'],
  ['report.model', 'text', 'name'],
  ['report.received', 'count', 'dossiers'],
  ['report.early', 'count', 'dossiers'],
  ['report.onTime', 'count', 'dossiers'],
  ['report.late', 'count', 'dossiers'],
  ['report.pending', 'count', 'dossiers'],
  ['report.portalShare', 'percent', 'dossiers'],
  ['report.kioskShare', 'percent', 'dossiers'],
  ['report.volunteerShare', 'percent', 'dossiers'],
  ['report.ratings', 'count', 'dossiers'],
  ['report.satisfied', 'percent', 'dossiers'],
  ['report.tickets', 'count', 'tickets'],
  ['report.waitMedian', 'minutes', 'tickets'],
  ['report.waitP90', 'minutes', 'tickets'],
  ['report.serviceMedian', 'minutes', 'tickets'],
  ['report.serviceP90', 'minutes', 'tickets'],
  ['report.noWaitShare', 'percent', 'tickets'],
] as const satisfies readonly (readonly [MessageKey, ColumnKind, ColumnPart])[];

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
  const header = COLUMNS.map(([key]) => t(lang, key));
  const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 1000);
  const minutes = (v: number | null | undefined) => (v == null ? null : Math.round(v * 10) / 10);
  return {
    header,
    kinds: COLUMNS.map(([, kind]) => kind),
    parts: COLUMNS.map(([, , part]) => part),
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

/**
 * A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
 * A rate is written "12.5%", which spreadsheets read as a percentage.
 */
function csvCell(value: string | number | null, kind: ColumnKind | undefined): string {
  if (value === null) return '';
  let text =
    kind === 'percent' && typeof value === 'number' ? `${Math.round(value * 1000) / 10}%` : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM so Excel opens Vietnamese text correctly. */
export function toCsv(table: ReportTable): string {
  return (
    '\uFEFF' +
    [table.header, ...table.rows]
      .map((r) => r.map((c, i) => csvCell(c, table.kinds[i])).join(','))
      .join('\r\n') +
    '\r\n'
  );
}

export async function toXlsx(table: ReportTable, title: string): Promise<Buffer> {
  // Loaded on first export: exceljs is large and most starts never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  // Rates are stored as fractions and shown as percentages in the reader's own number style.
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 48 : 16;
    if (table.kinds[i] === 'percent') c.numFmt = '0.0%';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
