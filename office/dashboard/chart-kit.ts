import { html, type Html } from './html.ts';

/**
 * What the report's server-rendered SVG charts share: one text size, big enough to read on
 * the desk's screen and on paper (16 px, like the page's body text), names wrapped on their
 * own lines, and a legend drawn inside the SVG so that it is printed and copied with it.
 */
export const FONT = 16;
/** A line of chart text, baseline to baseline. */
export const LINE = 22;
/** Outlines parts and swatches: light colours stay visible on white paper. */
export const OUTLINE = '#1a1a1a';

/** Estimated width of a text at FONT in a proportional sans-serif (no layout on the server). */
export function textWidth(text: string): number {
  return text.length * FONT * 0.56;
}

/**
 * Words wrapped to lines no wider than `width`; past `maxLines` the last line ends with "…"
 * (the table above the chart has the full name).
 */
export function wrapLines(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Only ordinary spaces break: a no-break space keeps its words together.
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && textWidth(`${last}…`) > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** Lines of text from the baseline `y`, one LINE apart. */
export function textLines(lines: readonly string[], x: number, y: number): Html {
  return html`<text x="${x}" y="${y}" font-size="${FONT}"
    >${lines.map((l, i) => html`<tspan x="${x}" dy="${i === 0 ? 0 : LINE}">${l}</tspan>`)}</text
  >`;
}

export interface LegendItem {
  /** The swatch: a fill (colour or pattern), or a dashed line for a mark. */
  swatch: { fill: string } | { line: string };
  label: string;
}

export const LEGEND_HEIGHT = 40;

/** A legend on one line (wrapping to more when the names are long), swatch then name. */
export function legend(items: readonly LegendItem[], width: number): { svg: Html; height: number } {
  let x = 0;
  let y = 0;
  const drawn = items.map((item) => {
    const w = 32 + textWidth(item.label) + 24;
    if (x > 0 && x + w > width) {
      x = 0;
      y += LINE + 8;
    }
    const at = x;
    x += w;
    const swatch =
      'fill' in item.swatch
        ? html`<rect
            x="${at}"
            y="${y + 6}"
            width="24"
            height="20"
            fill="${item.swatch.fill}"
            stroke="${OUTLINE}"
          />`
        : html`<line
            x1="${at + 12}"
            x2="${at + 12}"
            y1="${y + 4}"
            y2="${y + 28}"
            stroke="${item.swatch.line}"
            stroke-width="3"
            stroke-dasharray="5 3"
          />`;
    return html`<g class="legend-item"
      >${swatch}<text x="${at + 30}" y="${y + 22}" font-size="${FONT}">${item.label}</text></g
    >`;
  });
  return { svg: html`${drawn}`, height: y + LEGEND_HEIGHT };
}

/** The chart's outer element: scales down with the page, keeps its text in proportion. */
export function svgChart(title: string, width: number, height: number, body: Html): Html {
  return html`<svg
    class="chart"
    role="img"
    aria-label="${title}"
    xmlns="http://www.w3.org/2000/svg"
    width="${width}"
    height="${height}"
    viewBox="0 0 ${width} ${height}"
  >
    ${body}
  </svg>`;
}
