import { describe, expect, it } from 'vitest';
import { CHART_PARTS, CHART_STYLE, reportChart, type ChartPart } from './chart.ts';
import { waitChart } from './wait-chart.ts';
import { wrapLines, textWidth } from './chart-kit.ts';
import { emptyReportRow, type ReportRow } from '../report/weekly.ts';
import { formatPercent } from './number-format.ts';
import { t, type Lang } from './i18n.ts';

// Okabe & Ito, "Color Universal Design" (2008): the eight colours of their palette.
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
  row('1.001193', { early: 100, onTime: 0, late: 1, pending: 0 }),
  // Thirds: shares rounded to one decimal.
  row('2.000908', { early: 1, onTime: 1, late: 0, pending: 1 }),
];

const chart = (lang: Lang, shown: readonly ReportRow[] = rows) =>
  reportChart(shown, (r) => `Thủ tục ${r.procedureCode} · Ngày không giấy hẹn`, {
    title: t(lang, 'report.chart'),
    part: (p) => t(lang, `report.${p}`),
    percent: (f) => formatPercent(f, lang),
    total: (count) => t(lang, 'report.chartTotal', { count }),
  }).text;
const svg = chart('vi');

/** The bars' segments, each as [part, count, share in %] from its title, per bar. */
function segmentsPerBar(text: string, lang: Lang) {
  const decimal = lang === 'vi' ? ',' : '.';
  const bars: { part: string; count: number; percent: number }[][] = [];
  let current: (typeof bars)[number] = [];
  // A bar ends with its total, written after its segments.
  for (const m of text.matchAll(
    /<g class="segment" data-part="(\w+)"\s*><title>[^:]+: (\d+) \(([\d.,]+)%\)|(\d+) (hồ sơ|received)</g,
  )) {
    if (m[4]) {
      bars.push(current);
      current = [];
    } else current.push({ part: m[1]!, count: Number(m[2]), percent: Number(m[3]!.replace(decimal, '.')) });
  }
  return bars;
}

describe('report chart', () => {
  it('has a legend naming every part with its colour or pattern', () => {
    const legend = [...svg.matchAll(/<g class="legend-item"[\s\S]*?<\/g\s*>/g)].map((m) => m[0]);
    expect(legend).toHaveLength(4);
    CHART_PARTS.forEach((p, i) => {
      expect(legend[i]).toContain(`>${t('vi', `report.${p}`)}</text`);
      const fill = CHART_STYLE[p].pattern === 'none' ? CHART_STYLE[p].color : `url(#chart-${p})`;
      expect(legend[i]).toContain(`fill="${fill}"`);
    });
    expect(chart('en')).toContain('>In progress</text');
  });

  it('uses four Okabe–Ito colours, and patterns on the two that a grey print could confuse', () => {
    for (const p of CHART_PARTS) expect(OKABE_ITO).toContain(CHART_STYLE[p].color);
    expect(new Set(CHART_PARTS.map((p) => CHART_STYLE[p].color)).size).toBe(4);
    for (const p of ['late', 'pending'] as const) {
      expect(CHART_STYLE[p].pattern).not.toBe('none');
      expect(svg).toContain(`<pattern id="chart-${p}"`);
      expect(svg).toMatch(new RegExp(`<pattern id="chart-${p}"[^]*?fill="${CHART_STYLE[p].color}"`));
    }
    // Each segment is filled with its part's colour or pattern.
    for (const m of svg.matchAll(/data-part="(\w+)"[^]*?<rect[^>]*fill="([^"]+)"/g)) {
      const p = m[1] as ChartPart;
      expect(m[2]).toBe(CHART_STYLE[p].pattern === 'none' ? CHART_STYLE[p].color : `url(#chart-${p})`);
    }
  });

  it('names every segment in words with its count and share; each bar’s shares add up to 100 %', () => {
    const bars = segmentsPerBar(svg, 'vi');
    expect(bars).toHaveLength(3);
    // Parts with no dossiers draw nothing.
    expect(bars.map((b) => b.map((s) => s.part))).toEqual([
      ['early', 'onTime', 'late', 'pending'],
      ['early', 'late'],
      ['early', 'onTime', 'pending'],
    ]);
    bars.forEach((bar, i) => {
      expect(bar.reduce((sum, s) => sum + s.count, 0)).toBe(rows[i]!.received);
      // Rounded to one decimal each: at most 0.05 off per segment.
      expect(Math.abs(bar.reduce((sum, s) => sum + s.percent, 0) - 100)).toBeLessThanOrEqual(
        0.05 * bar.length,
      );
    });
    expect(svg).toContain('<title>Quá hạn: 2 (20%)</title');
    expect(svg).toContain('<title>Quá hạn: 1 (1%)</title');
    expect(svg).toContain('<title>Trước hạn: 1 (33,3%)</title');
    expect(chart('en')).toContain('<title>Early: 1 (33.3%)</title');
    expect(svg).toContain('10 hồ sơ');
    expect(chart('en')).toContain('10 received');
  });

  it('writes each count inside its part where it fits, and the title says it always', () => {
    const segments = [...svg.matchAll(/<g class="segment"[^]*?<\/g\s*>/g)].map(([seg]) => ({
      seg,
      width: Number(/width="([\d.]+)"/.exec(seg)![1]),
      written: /font-weight="bold"[^>]*>\d+<\/text/.test(seg),
    }));
    for (const { width, written } of segments) if (width >= 30) expect(written).toBe(true);
    const thin = segments.find(({ seg }) => seg.includes('<title>Quá hạn: 1 (1%)</title'))!;
    expect(thin.width).toBeLessThan(10);
    expect(thin.written).toBe(false);
    expect(segments.filter((s) => s.written).length).toBeGreaterThanOrEqual(3);
  });

  it('writes its text at a readable size', () => {
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
  });

  it('draws only its legend for no rows, with no broken numbers', () => {
    const empty = chart('vi', []);
    expect(empty).toMatch(/^<svg[^>]*class="chart"/);
    expect(empty.match(/class="legend-item"/g)).toHaveLength(4);
    expect(empty).not.toContain('class="segment"');
    expect(empty).not.toMatch(/NaN|Infinity|undefined/);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('escapes the names it is given', () => {
    const hostile = reportChart([rows[0]!], () => '<script>alert(1)</script>', {
      title: 'a"b',
      part: (p) => p,
      percent: String,
      total: String,
    }).text;
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;script&gt;');
    expect(hostile).toContain('aria-label="a&quot;b"');
  });
});

describe('chart names', () => {
  it('wrap between words, keep no-break spaces, and end with … past the last line', () => {
    const name = 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền';
    const lines = wrapLines(`${name}\u00a0· Ngày không giấy hẹn`, 300, 3);
    expect(lines.length).toBe(3);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(300);
    expect(lines[2]).toMatch(/…$/);
    expect(wrapLines(`Đăng ký kết hôn\u00a0· Ngày không chờ`, 600, 2)).toEqual([
      'Đăng ký kết hôn\u00a0· Ngày không chờ',
    ]);
    expect(wrapLines('a b\u00a0c', textWidth('a b'), 2)).toEqual(['a', 'b\u00a0c']);
  });
});

describe('wait chart', () => {
  const wait = (median: number, p90: number, share: number): ReportRow => ({
    ...emptyReportRow('2.000815', 'no-waiting'),
    wait: {
      tickets: 4,
      called: 4,
      waitMedian: median,
      waitP90: p90,
      serviceMedian: 5,
      serviceP90: 9,
      calledWithinNoWait: share,
    },
  });
  const svgOf = (shown: readonly ReportRow[]) =>
    waitChart(shown, () => 'Chứng thực\u00a0· Ngày không chờ', {
      title: t('vi', 'report.waitChart'),
      median: t('vi', 'report.waitMedian'),
      p90: t('vi', 'report.waitP90'),
      mark: t('vi', 'report.noWaitMark'),
      summary: (w) =>
        t('vi', 'report.waitChartBar', {
          median: w.waitMedian!,
          p90: w.waitP90!,
          share: formatPercent(w.calledWithinNoWait, 'vi'),
        }),
    }).text;

  it('has a legend for the median, the 90th percentile and the 15-minute mark, and readable text', () => {
    const svg = svgOf([wait(12, 30, 0.625), wait(3, 6, 1)]);
    const legend = [...svg.matchAll(/<g class="legend-item"[\s\S]*?<\/g\s*>/g)].map((m) => m[0]);
    expect(legend.map((l) => />([^<>]+)<\/text/.exec(l)![1])).toEqual([
      'Thời gian chờ, trung vị (phút)',
      'Thời gian chờ, 90% số phiếu không quá (phút)',
      'Mốc 15 phút (không chờ)',
    ]);
    expect(svg).toContain('62,5% được gọi trong 15 phút');
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    // The mark is at the same place on every bar.
    const marks = new Set(
      [...svg.matchAll(/<line\s+class="no-wait-mark"\s+x1="([\d.]+)"/g)].map((m) => m[1]),
    );
    expect(marks.size).toBe(1);
    expect(svg.match(/class="no-wait-mark"/g)).toHaveLength(2);
  });

  it('leaves out rows without a wait and draws only its legend for none', () => {
    const svg = svgOf([emptyReportRow('1.001193', 'none')]);
    expect(svg.match(/class="legend-item"/g)).toHaveLength(3);
    expect(svg).not.toContain('no-wait-mark');
    expect(svg).not.toContain('được gọi trong 15 phút');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });
});
