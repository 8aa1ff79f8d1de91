import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../services/logger.ts';
import { prepareDocumentHtml } from '../services/print/document-html.ts';
import { ROLL_MIN_HEIGHT_MICRONS } from '../services/print/paper.ts';
import { createPrintFontSource } from '../services/print/print-fonts.ts';
import { readPdf } from '../test-support/pdf.ts';
import { createChromiumRenderer } from './print-chromium.ts';
import { PROJECT_ROOT } from './headless-host.ts';

// One browser for the whole file: the renderer reuses it across jobs.
const blocked: string[] = [];
const { logger } = createMemoryLogger();
const renderer = createChromiumRenderer({ logger, onBlockedRequest: (url) => blocked.push(url) });
const fonts = createPrintFontSource({ dir: path.join(PROJECT_ROOT, 'assets', 'fonts') });
afterAll(() => renderer.close());

const NAME = 'Nguyễn Thị Đào';
const PLACE = 'Đắk Nông';
const PROCEDURE = 'đăng ký khai sinh';

function documentFor(paper: 'A4' | 'A5' | '80mm', extraBody = '') {
  const size = paper === '80mm' ? '' : `@page { size: ${paper}; margin: 15mm; }`;
  return `<!DOCTYPE html><html lang="vi"><head><title>Tờ khai</title>
<style>${size} body { font-family: 'Tinos', serif; font-size: 12pt; }</style></head>
<body><h1>TỜ KHAI ${PROCEDURE.toUpperCase()}</h1>
<p>Người yêu cầu: ${NAME}</p><p>Nơi cư trú: ${PLACE}</p><p>Thủ tục: ${PROCEDURE}</p>${extraBody}</body></html>`;
}

async function render(paper: 'A4' | 'A5' | '80mm', extraBody = '') {
  const html = prepareDocumentHtml(documentFor(paper, extraBody), await fonts.fontFaceCss());
  return renderer.render({ html, paper, title: 'test' });
}

const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

describe('Chromium PDF renderer (real Chromium)', () => {
  it('renders A4 with Vietnamese text that round-trips through a PDF text extractor', async () => {
    const { pdf, pageSize } = await render('A4');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pageSize).toEqual({ width: 210_000, height: 297_000 });
    const read = await readPdf(pdf);
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0]?.widthMicrons).toBeCloseTo(210_000, -3);
    expect(read.pages[0]?.heightMicrons).toBeCloseTo(297_000, -3);
    const text = flat(read.text);
    expect(text).toContain(`Người yêu cầu: ${NAME}`);
    expect(text).toContain(`Nơi cư trú: ${PLACE}`);
    expect(text).toContain(`Thủ tục: ${PROCEDURE}`);
    expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
  });

  it('embeds the shipped Tinos font rather than a system font', async () => {
    const { pdf } = await render('A4');
    // Font names sit in the PDF's font dictionaries as /BaseFont /XXXXXX+Tinos…
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Tinos/);
  });

  it('renders A5 at 148 × 210 mm', async () => {
    const read = await readPdf((await render('A5')).pdf);
    expect(read.pages[0]?.widthMicrons).toBeCloseTo(148_000, -3);
    expect(read.pages[0]?.heightMicrons).toBeCloseTo(210_000, -3);
    expect(flat(read.text)).toContain(NAME);
  });

  it('renders the 80 mm roll as one page as long as its content', async () => {
    const short = await render('80mm');
    const long = await render('80mm', '<div style="height:700mm">…</div><p>Cuối phiếu</p>');
    const shortRead = await readPdf(short.pdf);
    const longRead = await readPdf(long.pdf);
    expect(shortRead.pages).toHaveLength(1);
    expect(shortRead.pages[0]?.widthMicrons).toBeCloseTo(80_000, -3);
    expect(short.pageSize.height).toBe(ROLL_MIN_HEIGHT_MICRONS);
    expect(longRead.pages).toHaveLength(1);
    expect(longRead.pages[0]?.widthMicrons).toBeCloseTo(80_000, -3);
    expect(long.pageSize.height).toBeGreaterThan(700_000);
    expect(longRead.pages[0]?.heightMicrons).toBeCloseTo(long.pageSize.height, -3);
    expect(flat(longRead.text)).toContain('Cuối phiếu');
    expect(flat(longRead.text)).toContain(NAME);
  });

  it('does not run script in the document', async () => {
    const read = await readPdf(
      (
        await render(
          'A4',
          `<p id="x">chưa đổi</p><script>document.getElementById('x').textContent='ĐÃ ĐỔI'</script>
        <img src="x" onerror="document.body.textContent='ONERROR'">`,
        )
      ).pdf,
    );
    const text = flat(read.text);
    expect(text).toContain('chưa đổi');
    expect(text).not.toContain('ĐÃ ĐỔI');
    expect(text).not.toContain('ONERROR');
  });

  it('makes no network request for the document', async () => {
    blocked.length = 0;
    const read = await readPdf(
      (
        await render(
          'A4',
          `<img src="http://example.invalid/x.png" alt="">
        <link rel="stylesheet" href="https://example.invalid/x.css">
        <p style="background:url(http://example.invalid/bg.png)">nền</p>`,
        )
      ).pdf,
    );
    expect(flat(read.text)).toContain(NAME);
    // The document's CSP stops the requests before they are made; the route (which
    // aborts everything) saw none reach the network layer either.
    expect(blocked).toEqual([]);
  });

  it('blocks requests and script even without the document CSP', async () => {
    blocked.length = 0;
    // Raw HTML, not prepared: only the request interception stands between it and the network.
    const { pdf } = await renderer.render({
      html: `<!doctype html><p id="x">chưa đổi</p><img src="http://example.invalid/x.png">
        <script>document.getElementById('x').textContent='ĐÃ ĐỔI'</script>`,
      paper: 'A4',
      title: 'raw',
    });
    expect(blocked).toEqual(['http://example.invalid/x.png']);
    // And with no CSP either, only the disabled JavaScript keeps the script from running.
    expect(flat((await readPdf(pdf)).text)).toContain('chưa đổi');
  });
});
