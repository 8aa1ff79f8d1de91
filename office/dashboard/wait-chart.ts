import { html, type Html } from './html.ts';
import type { ReportRow } from '../report/weekly.ts';
import { NO_WAIT_MINUTES } from '../../shared/queue/index.ts';
import { FONT, LINE, OUTLINE, legend, svgChart, textLines, wrapLines } from './chart-kit.ts';

export interface WaitChartWords {
  title: string;
  /** Legend names: the median bar, the 90th percentile bar, the 15-minute mark. */
  median: string;
  p90: string;
  mark: string;
  /** The bar's words under it: median, 90th percentile and the share called within 15 minutes. */
  summary: (wait: NonNullable<ReportRow['wait']>) => string;
}

/** Okabe–Ito blue and sky blue for the bars, vermillion for the mark (see chart.ts). */
const MEDIAN = '#0072B2';
const P90 = '#56B4E9';
const MARK = '#D55E00';
const WIDTH = 940;
const PLOT_W = WIDTH - 20;
const BAR_H = 26;
const GAP = 18;

/**
 * Waiting time per row as inline SVG (same reasons as reportChart): a bar to the median
 * wait over a thinner one to the 90th percentile, a dashed line at the 15-minute
 * "không chờ" mark, and the numbers written in words under the bar.
 */
export function waitChart(
  rows: readonly ReportRow[],
  label: (r: ReportRow) => string,
  words: WaitChartWords,
): Html {
  const shown = rows.filter((r) => r.wait && r.wait.waitMedian !== null);
  const max = Math.max(NO_WAIT_MINUTES * 1.5, ...shown.map((r) => r.wait!.waitP90 ?? 0));
  const x = (minutes: number) => (minutes / max) * PLOT_W;
  const mark = x(NO_WAIT_MINUTES).toFixed(1);
  const key = legend(
    [
      { swatch: { fill: MEDIAN }, label: words.median },
      { swatch: { fill: P90 }, label: words.p90 },
      { swatch: { line: MARK }, label: words.mark },
    ],
    WIDTH,
  );
  let top = key.height;
  const bars = shown.map((r) => {
    const w = r.wait!;
    const name = wrapLines(label(r), WIDTH, 2);
    const y = top + name.length * LINE + 6;
    const summary = wrapLines(words.summary(w), WIDTH, 2);
    const svg = html`${textLines(name, 0, top + FONT)}<rect
        x="0"
        y="${y + 8}"
        width="${x(w.waitP90 ?? w.waitMedian!).toFixed(1)}"
        height="${BAR_H - 16}"
        fill="${P90}"
        stroke="${OUTLINE}"
      /><rect
        x="0"
        y="${y}"
        width="${x(w.waitMedian!).toFixed(1)}"
        height="${BAR_H}"
        fill="${MEDIAN}"
        stroke="${OUTLINE}"
      /><line
        class="no-wait-mark"
        x1="${mark}"
        x2="${mark}"
        y1="${y - 4}"
        y2="${y + BAR_H + 4}"
        stroke="${MARK}"
        stroke-width="3"
        stroke-dasharray="5 3"
      />${textLines(summary, 0, y + BAR_H + FONT + 6)}`;
    top = y + BAR_H + 6 + summary.length * LINE + GAP;
    return svg;
  });
  return svgChart(words.title, WIDTH, top, html`${key.svg}${bars}`);
}
