import type { PrintPaper } from '../../../shared/contracts/bridge.ts';

/** A page size in microns (µm), the unit Electron's webContents.print takes for a custom size. */
export interface PageSizeMicrons {
  width: number;
  height: number;
}

/** ISO 216 sizes; the 80 mm roll has no fixed length (see rollHeightMicrons). */
export const PAPER_WIDTH_MICRONS: Readonly<Record<PrintPaper, number>> = {
  A4: 210_000,
  A5: 148_000,
  '80mm': 80_000,
};
const FIXED_HEIGHT_MICRONS: Readonly<Record<'A4' | 'A5', number>> = { A4: 297_000, A5: 210_000 };

export const MICRONS_PER_INCH = 25_400;
/** CSS reference pixel: 1/96 inch. */
export const MICRONS_PER_CSS_PX = MICRONS_PER_INCH / 96;

/** A receipt shorter than this still tears off cleanly and is not lost in a pocket. */
export const ROLL_MIN_HEIGHT_MICRONS = 100_000;
/** Feed after the last line so the cutter does not cut through the QR code. */
export const ROLL_TAIL_MICRONS = 8_000;
/** Chromium's PDF page limit is far above this; a receipt longer than 2 m is a layout bug. */
export const ROLL_MAX_HEIGHT_MICRONS = 2_000_000;

export function isRoll(paper: PrintPaper): paper is '80mm' {
  return paper === '80mm';
}

/**
 * The roll's page length for a document whose printed content is `contentHeightCssPx`
 * tall at the roll's width: the whole receipt on one page, whatever its length.
 */
export function rollHeightMicrons(contentHeightCssPx: number): number {
  const measured = Math.ceil(contentHeightCssPx * MICRONS_PER_CSS_PX) + ROLL_TAIL_MICRONS;
  return Math.min(ROLL_MAX_HEIGHT_MICRONS, Math.max(ROLL_MIN_HEIGHT_MICRONS, measured));
}

/** The page size for a paper; a roll needs its measured content height. */
export function pageSizeMicrons(paper: PrintPaper, contentHeightCssPx?: number): PageSizeMicrons {
  if (isRoll(paper)) {
    return { width: PAPER_WIDTH_MICRONS[paper], height: rollHeightMicrons(contentHeightCssPx ?? 0) };
  }
  return { width: PAPER_WIDTH_MICRONS[paper], height: FIXED_HEIGHT_MICRONS[paper] };
}

/** The roll width in whole CSS px, for laying the document out before measuring it. */
export function paperWidthCssPx(paper: PrintPaper): number {
  return Math.round(PAPER_WIDTH_MICRONS[paper] / MICRONS_PER_CSS_PX);
}

/** printToPDF and Playwright take inches. */
export function micronsToInches(microns: number): number {
  return microns / MICRONS_PER_INCH;
}
