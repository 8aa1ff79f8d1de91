import { html, type Html } from './html.ts';
import type { ReportRow } from '../report/weekly.ts';
import { NO_WAIT_MINUTES } from '../../shared/queue/index.ts';

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
  const labelW = 420;
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
        >${label(r).slice(0, 70)}</text
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
    <text x="${mark}" y="${height - 4}" text-anchor="middle" font-size="11">${NO_WAIT_MINUTES}′</text>
  </svg>`;
}
