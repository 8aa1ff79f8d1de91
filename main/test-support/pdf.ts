import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfSummary {
  pages: Array<{ widthMicrons: number; heightMicrons: number; text: string }>;
  text: string;
}

const MICRONS_PER_POINT = 25_400 / 72;

/** Page sizes and text of a PDF, read by pdf.js (an extractor independent of the producer). */
export async function readPdf(data: Uint8Array): Promise<PdfSummary> {
  const task = getDocument({ data: new Uint8Array(data), useSystemFonts: false });
  const doc = await task.promise;
  try {
    const pages: PdfSummary['pages'] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('');
      pages.push({
        widthMicrons: viewport.width * MICRONS_PER_POINT,
        heightMicrons: viewport.height * MICRONS_PER_POINT,
        text,
      });
    }
    return { pages, text: pages.map((p) => p.text).join('\n') };
  } finally {
    await task.destroy();
  }
}
