import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { reportTable, toCsv, toXlsx } from './export.ts';
import { emptyReportRow } from './weekly.ts';
import { t } from '../dashboard/i18n.ts';

const row = Object.assign(emptyReportRow('2.000815', 'no-appointment'), {
  received: 8,
  early: 3,
  onTime: 4,
  late: 1,
  portal: 1,
  volunteer: 2,
  ratings: 4,
  satisfied: 3,
  scoreSum: 16,
});
const name = () => 'Chứng thực bản sao từ bản chính (2.000815)';

describe('report exports', () => {
  it('head their columns with the page’s words in each language, in the reports’ order', () => {
    for (const lang of ['vi', 'en'] as const) {
      const table = reportTable([row], lang, name);
      expect(table.header.slice(0, 12)).toEqual(
        (
          [
            'report.procedure',
            'report.model',
            'report.received',
            'report.early',
            'report.onTime',
            'report.late',
            'report.pending',
            'report.portalShare',
            'report.kioskShare',
            'report.volunteerShare',
            'report.ratings',
            'report.satisfied',
          ] as const
        ).map((k) => t(lang, k)),
      );
      expect(table.header).toHaveLength(18);
      expect(table.kinds).toHaveLength(18);
      expect(table.parts.filter((p) => p === 'tickets')).toHaveLength(6);
      expect(table.rows[0]!.slice(0, 2)).toEqual([name(), t(lang, 'model.no-appointment')]);
    }
  });

  it('writes rates with a % sign in CSV, and keeps a formula-like name as text', () => {
    const table = reportTable([row], 'vi', () => '=HYPERLINK("x")');
    const [header, line] = toCsv(table)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(header).toBe(table.header.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','));
    // Online 1/8, kiosk 7/8, volunteer 2/8, satisfied 3/4; no tickets.
    expect(line).toBe(`"'=HYPERLINK(""x"")",Ngày không giấy hẹn,8,3,4,1,0,12.5%,87.5%,25%,4,75%,0,,,,,`);
  });

  it('stores rates in XLSX as fractions shown as percentages, with the same headings', async () => {
    const table = reportTable([row], 'en', name);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(table, t('en', 'report.title'))) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(table.header);
    const online = table.header.indexOf('Online share') + 1;
    expect(sheet.getRow(2).getCell(online).value).toBe(0.125);
    expect(sheet.getColumn(online).numFmt).toBe('0.0%');
    expect(sheet.getRow(2).getCell(1).value).toBe(name());
  });
});
