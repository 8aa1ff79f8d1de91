import { describe, expect, it } from 'vitest';
import { CHART_PARTS, CHART_STYLE, reportChart, type ChartPart } from './chart.ts';
import { emptyReportRow } from '../report/weekly.ts';
import { formatPercent } from './number-format.ts';
import { t } from './i18n.ts';

const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

function row(code: string, counts: Record<ChartPart, number>) {
  const r = emptyReportRow(code, 'no-appointment');
  Object.assign(r, counts);
  r.received = counts.early + counts.onTime + counts.late + counts.pending;
  return r;
}

const rows = [
  row('2.000815', { early: 3, onTime: 4, late: 2, pending: 1 }),
  // A one-dossier part next to a long bar is too narrow for its count: the title still says it.
  row('1.001193', { early: 40, onTime: 0, late: 1, pending: 0 }),
];

const svg = reportChart(rows, (r) => `Thủ tục ${r.procedureCode} · Ngày không giấy hẹn`, {
  title: t('vi', 'report.chart'),
  part: (p) => t('vi', `report.${p}`),
  percent: (f) => formatPercent(f, 'vi'),
  total: (count) => t('vi', 'report.chartTotal', { count }),
}).text;

describe('report chart', () => {
  it('has a legend naming every part with its colour or pattern', () => {
    const legend = [...svg.matchAll(/<g class="legend-item"[\s\S]*?<\/g\s*>/g)].map((m) => m[0]);
    expect(legend).toHaveLength(4);
    CHART_PARTS.forEach((p, i) => {
      expect(legend[i]).toContain(`>${t('vi', `report.${p}`)}</text`);
      const fill = CHART_STYLE[p].pattern === 'none' ? CHART_STYLE[p].color : `url(#chart-${p})`;
      expect(legend[i]).toContain(`fill="${fill}"`);
    });
  });

  it('uses Okabe–Ito colours and a pattern where two parts could look alike in grey', () => {
    for (const p of CHART_PARTS) expect(OKABE_ITO).toContain(CHART_STYLE[p].color);
    expect(new Set(CHART_PARTS.map((p) => CHART_STYLE[p].color)).size).toBe(4);
    expect(svg).toContain('<pattern id="chart-late"');
    expect(svg).toContain('<pattern id="chart-pending"');
    expect(svg).not.toMatch(/#9e9e9e|#2e7d32|#c62828/i);
  });

  it('names every segment in words with its count and share, and writes the count where it fits', () => {
    const segments = [...svg.matchAll(/<g class="segment" data-part="(\w+)"[\s\S]*?<\/g\s*>/g)];
    // Parts with no dossiers draw nothing.
    expect(segments).toHaveLength(6);
    for (const [seg] of segments) expect(seg).toMatch(/<title>[^<]+: \d+ \([\d,]+%\)<\/title/);
    expect(svg).toContain('<title>Quá hạn: 2 (20%)</title');
    expect(svg).toContain('<title>Quá hạn: 1 (2,4%)</title');
    const written = segments.filter(([seg]) => /font-weight="bold"/.test(seg));
    expect(written.length).toBeGreaterThanOrEqual(4);
    expect(svg).toContain('10 hồ sơ');
    expect(svg).toContain('Thủ tục 2.000815 · Ngày không giấy hẹn');
  });

  it('writes its text at a readable size', () => {
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
  });
});
