/**
 * Page sizes of the printed documents, for the CSS @page rule and for the print service
 * (Electron's webContents.print wants an explicit pageSize in microns; printToPDF can use
 * preferCSSPageSize). One table, so the CSS and the printer job cannot disagree.
 */
import type { PrintPaper } from '../contracts/bridge.ts';

export type { PrintPaper };

export interface PaperSpec {
  paper: PrintPaper;
  /** Sheet as fed to the printer (A4 receipts are landscape: two A5 halves side by side). */
  widthMm: number;
  heightMm: number;
  landscape: boolean;
  /** The value of the CSS `@page { size: … }` rule. */
  cssSize: string;
}

/** Thermal roll: 80 mm paper, 72 mm printable (the usual head width of 80 mm receipt printers). */
export const ROLL_WIDTH_MM = 80;
export const ROLL_PRINTABLE_WIDTH_MM = 72;

/**
 * A roll has no page length. `size: 80mm auto` makes Chromium fall back to its default
 * page height and split the receipt, so the 80 mm receipt gets a fixed height: an estimate
 * from its content (builders), or the height the print service measured
 * (`document.documentElement.scrollHeight` in CSS px, see `cssPxToMm`) and passed back
 * as `rollHeightMm`. Bounded so a wild value cannot feed metres of paper.
 */
export const ROLL_MIN_HEIGHT_MM = 100;
export const ROLL_MAX_HEIGHT_MM = 600;

export function clampRollHeight(mm: number): number {
  if (!Number.isFinite(mm)) return ROLL_MIN_HEIGHT_MM;
  return Math.min(ROLL_MAX_HEIGHT_MM, Math.max(ROLL_MIN_HEIGHT_MM, Math.ceil(mm)));
}

/** CSS pixels (96 per inch) to millimetres. */
export function cssPxToMm(px: number): number {
  return (px * 25.4) / 96;
}

export function paperSpec(paper: PrintPaper, rollHeightMm = ROLL_MIN_HEIGHT_MM): PaperSpec {
  switch (paper) {
    case 'A4':
      return { paper, widthMm: 297, heightMm: 210, landscape: true, cssSize: 'A4 landscape' };
    case 'A5':
      return { paper, widthMm: 148, heightMm: 210, landscape: false, cssSize: 'A5 portrait' };
    case '80mm': {
      const h = clampRollHeight(rollHeightMm);
      return { paper, widthMm: ROLL_WIDTH_MM, heightMm: h, landscape: false, cssSize: `80mm ${h}mm` };
    }
  }
}

/** The A4 portrait sheet of the declaration. */
export const A4_PORTRAIT: PaperSpec = {
  paper: 'A4',
  widthMm: 210,
  heightMm: 297,
  landscape: false,
  cssSize: 'A4 portrait',
};

/** Electron's `pageSize` in microns (portrait dimensions; pass `landscape` separately). */
export function pageSizeMicrons(spec: PaperSpec): { width: number; height: number } {
  const [w, h] = spec.landscape ? [spec.heightMm, spec.widthMm] : [spec.widthMm, spec.heightMm];
  return { width: Math.round(w * 1000), height: Math.round(h * 1000) };
}
