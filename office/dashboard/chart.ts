import { html, type Html } from './html.ts';
import type { ReportRow } from '../report/weekly.ts';
import { NO_WAIT_MINUTES } from '../../shared/queue/index.ts';

/** The parts of a bar, in reading order. */
export const CHART_PARTS = ['early', 'onTime', 'late', 'pending'] as const;
export type ChartPart = (typeof CHART_PARTS)[number];

/**
 * Okabe–Ito colours (told apart with the common colour-vision deficiencies), and a
 * pattern on late and in-progress so that print in black and white and colour-blind
 * readers still see which part is which; every part also carries its count as text.
 */
export const CHART_STYLE: Record<ChartPart, { color: string; pattern: 'none' | 'hatch' | 'dots' }> = {
  early: { color: '#009E73', pattern: 'none' },
  onTime: { color: '#56B4E9', pattern: 'none' },
  late: { color: '#D55E00', pattern: 'hatch' },
  pending: { color: '#E69F00', pattern: 'dots' },
};

export interface ReportChartWords {
  title: string;
  /** The part's name, as the table's column header. */
  part: (part: ChartPart) => string;
  /** A share (0..1) in the page's language, with its % sign. */
  percent: (fraction: number) => string;
  /** Written after a bar: its dossiers received. */
  total: (received: number) => string;
}

const FONT = 16;
const FILL_OF = (p: ChartPart) =>
  CHART_STYLE[p].pattern === 'none' ? CHART_STYLE[p].color : `url(#chart-${p})`;

/**
 * Stacked horizontal bars as inline SVG, rendered on the server: no chart library to
 * ship or keep updated, works under the strict CSP (no scripts), prints as it shows,
 * and labels go through the same escaping as the rest of the page. The legend is part of
 * the drawing so that it is printed and copied with it.
 */
export function reportChart(
  rows: readonly ReportRow[],
  label: (r: ReportRow) => string,
  words: ReportChartWords,
): Html {
  const max = Math.max(1, ...rows.map((r) => r.received));
  // Each bar has its name on the line above it: names stay whole and the drawing narrow
  // enough to keep its text at reading size on an upright screen or an A4 page.
  const barH = 28;
  const nameH = 24;
  const gap = 14;
  const rowH = nameH + barH + gap;
  const plotW = 800;
  const totalW = 140;
  const legendH = 44;
  const width = plotW + totalW;
  const height = legendH + rows.length * rowH;
  const patterns = CHART_PARTS.filter((p) => CHART_STYLE[p].pattern !== 'none').map((p) => {
    const { color, pattern } = CHART_STYLE[p];
    const mark =
      pattern === 'hatch'
        ? html`<path d="M0 8 L8 0" stroke="#000" stroke-opacity="0.45" stroke-width="2" />`
        : html`<circle cx="4" cy="4" r="1.6" fill="#000" fill-opacity="0.45" />`;
    return html`<pattern id="chart-${p}" width="8" height="8" patternUnits="userSpaceOnUse"
      ><rect width="8" height="8" fill="${color}" />${mark}</pattern
    >`;
  });
  let legendX = 0;
  const legend = CHART_PARTS.map((p) => {
    const x = legendX;
    const name = words.part(p);
    // Wide enough for the name at this size in a proportional font.
    legendX += 32 + name.length * FONT * 0.55 + 24;
    return html`<g class="legend-item"
      ><rect x="${x}" y="8" width="24" height="20" fill="${FILL_OF(p)}" stroke="#333" /><text
        x="${x + 30}"
        y="24"
        font-size="${FONT}"
        >${name}</text
      ></g
    >`;
  });
  const bars = rows.map((r, i) => {
    const top = legendH + i * rowH;
    const y = top + nameH;
    let x = 0;
    const segs = CHART_PARTS.filter((p) => r[p] > 0).map((p) => {
      const w = (r[p] / max) * plotW;
      const text = `${words.part(p)}: ${r[p]} (${words.percent(r[p] / r.received)})`;
      // The count is written in the part when it fits; the title always says it in full.
      const fits = w >= String(r[p]).length * FONT * 0.6 + 8;
      const seg = html`<g class="segment" data-part="${p}"
        ><title>${text}</title
        ><rect
          x="${x.toFixed(1)}"
          y="${y}"
          width="${w.toFixed(1)}"
          height="${barH}"
          fill="${FILL_OF(p)}"
          stroke="#fff"
          stroke-width="1"
        />${
          fits
            ? html`<text
                x="${(x + w / 2).toFixed(1)}"
                y="${y + barH / 2 + FONT * 0.35}"
                text-anchor="middle"
                font-size="${FONT}"
                font-weight="bold"
                fill="#000"
                stroke="#fff"
                stroke-width="3"
                paint-order="stroke"
                >${r[p]}</text
              >`
            : ''
        }</g
      >`;
      x += w;
      return seg;
    });
    return html`<text x="0" y="${top + FONT}" font-size="${FONT}">${label(r)}</text>${segs}<text
        x="${(x + 8).toFixed(1)}"
        y="${y + barH / 2 + FONT * 0.35}"
        font-size="${FONT}"
        >${words.total(r.received)}</text
      >`;
  });
  return html`<svg
    class="chart"
    role="img"
    aria-label="${words.title}"
    xmlns="http://www.w3.org/2000/svg"
    width="${width}"
    height="${height}"
    viewBox="0 0 ${width} ${height}"
  >
    <defs>${patterns}</defs>
    ${legend} ${bars}
  </svg>`;
}

/**
 * Waiting time per row as inline SVG (same reasons as reportChart): a bar to the median
 * wait, a thin bar on to the 90th percentile, a dashed line at the 15-minute "không chờ"
 * mark, and the share called within it written at the end of the bar.
 */
export function waitChart(
  rows: readonly ReportRow[],
  label: (r: ReportRow) => string,
  /** The bar's words: median, 90th percentile and the share called within 15 minutes. */
  summary: (wait: NonNullable<ReportRow['wait']>) => string,
  title: string,
): Html {
  const shown = rows.filter((r) => r.wait && r.wait.waitMedian !== null);
  const max = Math.max(NO_WAIT_MINUTES * 1.5, ...shown.map((r) => r.wait!.waitP90 ?? 0));
  const barH = 22;
  const labelW = 420;
  const plotW = 400;
  const textW = 460;
  const height = shown.length * (barH + 8) + 24;
  const x = (minutes: number) => labelW + (minutes / max) * plotW;
  const bars = shown.map((r, i) => {
    const y = 5 + i * (barH + 8);
    const w = r.wait!;
    return html`<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12"
        >${label(r).slice(0, 70)}</text
      ><rect
        x="${labelW}"
        y="${y + 8}"
        width="${(x(w.waitP90!) - labelW).toFixed(1)}"
        height="6"
        fill="#90caf9"
        ><title>p90 ${w.waitP90!.toFixed(1)}</title></rect
      ><rect
        x="${labelW}"
        y="${y}"
        width="${(x(w.waitMedian!) - labelW).toFixed(1)}"
        height="${barH}"
        fill="#1565c0"
        ><title>${w.waitMedian!.toFixed(1)}</title></rect
      ><text x="${(Math.max(x(w.waitP90!), x(NO_WAIT_MINUTES)) + 6).toFixed(1)}" y="${y + 15}" font-size="12"
        >${summary(w)}</text
      >`;
  });
  const mark = x(NO_WAIT_MINUTES).toFixed(1);
  return html`<svg
    class="chart"
    role="img"
    aria-label="${title}"
    xmlns="http://www.w3.org/2000/svg"
    width="${labelW + plotW + textW}"
    height="${height}"
    viewBox="0 0 ${labelW + plotW + textW} ${height}"
  >
    ${bars}
    <line x1="${mark}" x2="${mark}" y1="0" y2="${height - 16}" stroke="#c62828" stroke-dasharray="4 3" />
    <text x="${mark}" y="${height - 4}" text-anchor="middle" font-size="12">${NO_WAIT_MINUTES}′</text>
  </svg>`;
}
