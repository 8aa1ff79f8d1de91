import { html, type Html } from './html.ts';
import type { ReportRow } from '../report/weekly.ts';
import { FONT, LINE, OUTLINE, legend, svgChart, textLines, textWidth, wrapLines } from './chart-kit.ts';

/** The parts of a bar, in reading order. */
export const CHART_PARTS = ['early', 'onTime', 'late', 'pending'] as const;
export type ChartPart = (typeof CHART_PARTS)[number];

/**
 * Okabe–Ito colours (told apart with the common colour-vision deficiencies; Okabe & Ito,
 * "Color Universal Design", 2008), with different lightness so that a grey print keeps
 * them apart too, and a pattern on late and in progress; every part also carries its
 * count as text, so colour is never the only cue.
 */
export const CHART_STYLE: Record<ChartPart, { color: string; pattern: 'none' | 'hatch' | 'dots' }> = {
  early: { color: '#009E73', pattern: 'none' },
  onTime: { color: '#56B4E9', pattern: 'none' },
  late: { color: '#D55E00', pattern: 'hatch' },
  pending: { color: '#F0E442', pattern: 'dots' },
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

const fillOf = (p: ChartPart) =>
  CHART_STYLE[p].pattern === 'none' ? CHART_STYLE[p].color : `url(#chart-${p})`;

const WIDTH = 940;
const TOTAL_W = 150;
const PLOT_W = WIDTH - TOTAL_W;
const BAR_H = 30;
const GAP = 18;
/** Names longer than this many lines are cut; the table has them whole. */
const NAME_LINES = 2;

function patterns(): Html[] {
  return CHART_PARTS.filter((p) => CHART_STYLE[p].pattern !== 'none').map((p) => {
    const { color, pattern } = CHART_STYLE[p];
    const mark =
      pattern === 'hatch'
        ? html`<path d="M0 8 L8 0" stroke="#000" stroke-opacity="0.5" stroke-width="2" />`
        : html`<circle cx="4" cy="4" r="1.6" fill="#000" fill-opacity="0.5" />`;
    return html`<pattern id="chart-${p}" width="8" height="8" patternUnits="userSpaceOnUse"
      ><rect width="8" height="8" fill="${color}" />${mark}</pattern
    >`;
  });
}

/**
 * Dossiers per procedure × model as stacked horizontal bars (early, on time, late, in
 * progress) in inline SVG, rendered on the server: no chart library to ship or keep
 * updated, works under the strict CSP (no scripts, no style attributes), prints as it
 * shows, and labels go through the same escaping as the rest of the page. Each bar has
 * its name on the lines above it, so names stay readable and the drawing narrow enough to
 * keep its text at reading size on an upright screen or an A4 page.
 */
export function reportChart(
  rows: readonly ReportRow[],
  label: (r: ReportRow) => string,
  words: ReportChartWords,
): Html {
  const max = Math.max(1, ...rows.map((r) => r.received));
  const key = legend(
    CHART_PARTS.map((p) => ({ swatch: { fill: fillOf(p) }, label: words.part(p) })),
    WIDTH,
  );
  let top = key.height;
  const bars = rows.map((r) => {
    const name = wrapLines(label(r), WIDTH, NAME_LINES);
    const y = top + name.length * LINE + 6;
    const nameSvg = textLines(name, 0, top + FONT);
    top = y + BAR_H + GAP;
    let x = 0;
    const segs = CHART_PARTS.filter((p) => r[p] > 0).map((p) => {
      const w = (r[p] / max) * PLOT_W;
      const text = `${words.part(p)}: ${r[p]} (${words.percent(r[p] / r.received)})`;
      // The count is written in the part when it fits; the title always says it in full.
      const fits = w >= textWidth(String(r[p])) + 8;
      const seg = html`<g class="segment" data-part="${p}"
        ><title>${text}</title
        ><rect
          x="${x.toFixed(1)}"
          y="${y}"
          width="${w.toFixed(1)}"
          height="${BAR_H}"
          fill="${fillOf(p)}"
          stroke="${OUTLINE}"
          stroke-width="1"
        />${
          fits
            ? html`<text
                x="${(x + w / 2).toFixed(1)}"
                y="${y + BAR_H / 2 + FONT * 0.35}"
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
    return html`${nameSvg}${segs}<text
        x="${(x + 8).toFixed(1)}"
        y="${y + BAR_H / 2 + FONT * 0.35}"
        font-size="${FONT}"
        >${words.total(r.received)}</text
      >`;
  });
  return svgChart(words.title, WIDTH, top, html`<defs>${patterns()}</defs>${key.svg}${bars}`);
}
