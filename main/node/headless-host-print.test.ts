import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../services/logger.ts';
import type { PrintJob, PrinterDriver, PrintOutcome } from '../services/print/types.ts';
import {
  fakeRendererBuild,
  rawRequest,
  tempDir,
  validProfile,
  writeProfile,
} from '../test-support/fixtures.ts';
import { readPdf } from '../test-support/pdf.ts';
import { startHeadlessHost, type HeadlessHost } from './headless-host.ts';
import { createChromiumRenderer } from './print-chromium.ts';
import { redeemLaunch } from '../test-support/bridge-cookie.ts';

// One real Chromium for the file, shared by both hosts.
const renderer = createChromiumRenderer({ logger: createMemoryLogger().logger });
const DOSSIER = '6f0b8c3e-1d2a-4b5c-9e8f-7a6b5c4d3e2f';
const RECEIPT = `<!DOCTYPE html><html lang="vi"><head><title>Phiếu</title>
<style>body { font-family: 'Tinos', serif; margin: 4mm; }</style></head>
<body><h1>PHIẾU TIẾP NHẬN HỒ SƠ</h1><p>Người nộp: Nguyễn Thị Đào</p>
<p>Thủ tục: đăng ký khai sinh — Đắk Nông</p><p>Mã hồ sơ: 000.00.00.H26-260303-0001</p></body></html>`;

function printer(outcomes: PrintOutcome[]): PrinterDriver & { jobs: PrintJob[] } {
  const jobs: PrintJob[] = [];
  return { via: 'main', jobs, print: async (job) => (jobs.push(job), outcomes.shift() ?? { ok: true }) };
}

async function post(host: HeadlessHost, method: string, body: unknown) {
  const response = await rawRequest({
    port: host.port,
    method: 'POST',
    path: `/bridge/${method}`,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Cookie: await redeemLaunch(host.launchUrl()) },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads into answers of several shapes
  return { status: response.status, body: JSON.parse(response.body) as Record<string, any> };
}

const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

describe('headless host printing over HTTP (real Chromium)', () => {
  let viaRenderer: HeadlessHost;
  let viaMain: HeadlessHost;
  const mainPrinter = printer([
    { ok: false, failure: { reason: 'paper-out', message: 'XP_80C: media-empty-error' } },
  ]);

  beforeAll(async () => {
    const distDir = fakeRendererBuild();
    const profilePath = writeProfile(tempDir('print-host'), validProfile());
    viaRenderer = await startHeadlessHost({
      port: 0,
      profilePath,
      distDir,
      dataDir: tempDir('print-data'),
      printRenderer: renderer,
      // The kiosk Chromium's own printing (headless hosts without CUPS, other than Linux).
      printer: { via: 'renderer' },
    });
    viaMain = await startHeadlessHost({
      port: 0,
      profilePath,
      distDir,
      dataDir: tempDir('print-data'),
      printRenderer: renderer,
      printer: mainPrinter,
    });
  });
  afterAll(async () => {
    await viaRenderer?.close();
    await viaMain?.close();
  });

  it('renders and keeps the PDF, and tells the kiosk browser to print the kept document', async () => {
    const { status, body } = await post(viaRenderer, 'printDocument', {
      kind: 'receipt',
      paper: '80mm',
      html: RECEIPT,
      title: 'Phiếu tiếp nhận',
      dossierId: DOSSIER,
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      value: {
        printed: false,
        printVia: 'renderer',
        pdfKept: true,
        pdfBytes: expect.any(Number),
        documentUrl: `/print/${DOSSIER}/receipt.html`,
      },
    });

    const doc = await rawRequest({
      port: viaRenderer.port,
      path: body.value.documentUrl,
      headers: { Cookie: await redeemLaunch(viaRenderer.launchUrl()) },
    });
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(doc.headers['content-security-policy']).toContain("default-src 'none'");
    expect(doc.headers['content-security-policy']).toContain('sandbox allow-modals allow-same-origin');
    expect(doc.headers['content-security-policy']).not.toContain('allow-scripts');
    expect(doc.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(doc.body).toContain('Nguyễn Thị Đào');
    expect(doc.body).toContain("font-family: 'Tinos'");

    const pdf = await post(viaRenderer, 'getPrintedPdf', { kind: 'receipt', dossierId: DOSSIER });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(pdf.body.value.pdfBase64, 'base64');
    expect(bytes.byteLength).toBe(body.value.pdfBytes);
    const read = await readPdf(bytes);
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0]?.widthMicrons).toBeCloseTo(80_000, -3);
    expect(flat(read.text)).toContain('Người nộp: Nguyễn Thị Đào');
    expect(flat(read.text)).toContain('đăng ký khai sinh — Đắk Nông');
    expect(flat(read.text)).toContain('000.00.00.H26-260303-0001');
  });

  it('surfaces a printer failure, keeps the PDF, and reprints it', async () => {
    const first = await post(viaMain, 'printDocument', {
      kind: 'declaration',
      paper: 'A4',
      html: RECEIPT,
      dossierId: DOSSIER,
      copies: 2,
    });
    expect(first.body.value).toMatchObject({
      printed: false,
      printVia: 'main',
      pdfKept: true,
      failure: { reason: 'paper-out', message: 'XP_80C: media-empty-error' },
    });
    const kept = await post(viaMain, 'getPrintedPdf', { kind: 'declaration', dossierId: DOSSIER });
    expect(
      (await readPdf(Buffer.from(kept.body.value.pdfBase64, 'base64'))).pages[0]?.heightMicrons,
    ).toBeCloseTo(297_000, -3);

    const again = await post(viaMain, 'reprintDocument', { kind: 'declaration', dossierId: DOSSIER });
    expect(again.body).toMatchObject({ ok: true, value: { printed: true, printVia: 'main', pdfKept: true } });
    expect(mainPrinter.jobs.map((job) => job.copies)).toEqual([2, 1]);
    expect(mainPrinter.jobs[1]?.pdfPath).toMatch(new RegExp(`prints/${DOSSIER}/declaration\\.pdf$`));
  });

  it('answers not-found for a document never kept, and rejects unsafe ids and foreign pages', async () => {
    const missing = await post(viaMain, 'reprintDocument', { kind: 'receipt', dossierId: 'never-printed' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('not-found');
    expect(
      (await post(viaMain, 'getPrintedPdf', { kind: 'receipt', dossierId: 'never-printed' })).body.error.code,
    ).toBe('not-found');
    const unsafe = await post(viaMain, 'printDocument', {
      kind: 'receipt',
      paper: 'A5',
      html: 'x',
      dossierId: '../x',
    });
    expect(unsafe.status).toBe(400);
    const Cookie = await redeemLaunch(viaRenderer.launchUrl());
    for (const path of ['/print/never-printed/receipt.html', '/print/..%2F..%2Fetc/receipt.html'])
      expect((await rawRequest({ port: viaRenderer.port, path, headers: { Cookie } })).status).toBe(404);
    const foreign = await rawRequest({
      port: viaRenderer.port,
      path: `/print/${DOSSIER}/receipt.html`,
      headers: { Host: 'evil.example:80' },
    });
    expect(foreign.status).toBe(403);
  });

  it('accepts a document larger than the ordinary bridge body limit', async () => {
    const padding = `<!-- ${'x'.repeat(1_500_000)} -->`;
    const big = await post(viaMain, 'printDocument', {
      kind: 'receipt',
      paper: 'A5',
      html: RECEIPT.replace('</body>', `${padding}</body>`),
      dossierId: 'big-doc',
    });
    expect(big.status).toBe(200);
    expect(big.body.value.pdfKept).toBe(true);
  });
});
