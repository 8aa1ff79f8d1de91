import { html, type Html } from './html.ts';
import type { ReportRow } from '../report/weekly.ts';

/**
 * Stacked horizontal bars as inline SVG, rendered on the server: no chart library to
 * ship or keep updated, works under the strict CSP (no scripts), prints as it shows,
 * and labels go through the same escaping as the rest of the page.
 */
export function reportChart(
  rows: readonly ReportRow[],
  label: (r: ReportRow) => string,
  title: string,
): Html {
  const parts = [
    { key: 'early', color: '#2e7d32' },
    { key: 'onTime', color: '#66bb6a' },
    { key: 'late', color: '#c62828' },
    { key: 'pending', color: '#9e9e9e' },
  ] as const;
  const max = Math.max(1, ...rows.map((r) => r.received));
  const barH = 22;
  const labelW = 320;
  const plotW = 460;
  const height = rows.length * (barH + 8) + 10;
  const bars = rows.map((r, i) => {
    const y = 5 + i * (barH + 8);
    let x = labelW;
    const segs = parts.map((p) => {
      const w = (r[p.key] / max) * plotW;
      const seg = html`<rect
        x="${x.toFixed(1)}"
        y="${y}"
        width="${w.toFixed(1)}"
        height="${barH}"
        fill="${p.color}"
        ><title>${r[p.key]}</title></rect
      >`;
      x += w;
      return seg;
    });
    return html`<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12"
        >${label(r).slice(0, 50)}</text
      >${segs}<text x="${(x + 4).toFixed(1)}" y="${y + 15}" font-size="12">${r.received}</text>`;
  });
  return html`<svg
    class="chart"
    role="img"
    aria-label="${title}"
    xmlns="http://www.w3.org/2000/svg"
    width="${labelW + plotW + 60}"
    height="${height}"
    viewBox="0 0 ${labelW + plotW + 60} ${height}"
  >
    ${bars}
  </svg>`;
}
