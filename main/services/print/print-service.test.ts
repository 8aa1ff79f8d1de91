import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import { tempDir } from '../../test-support/fixtures.ts';
import { createPdfStore, type StoreFileOps } from './pdf-store.ts';
import { createPrintService, NoKeptDocumentError, type PrintRequest } from './print-service.ts';
import type { DocumentRenderer, PrintJob, PrinterDriver, PrintOutcome } from './types.ts';
import { PRINT_DOCUMENT_CSP } from './document-html.ts';

const FONT_CSS =
  "@font-face { font-family: 'Tinos'; src: url(data:font/woff2;base64,AAAA) format('woff2'); }";
const fonts = { fontFaceCss: async () => FONT_CSS };
const clock = () => new Date('2026-03-03T02:00:00Z');

/** A renderer whose PDF is the HTML's bytes behind a %PDF- marker, so tests can tell documents apart. */
function fakeRenderer(options: { fail?: boolean } = {}): DocumentRenderer & { calls: number } {
  const renderer = {
    calls: 0,
    async render({ html, paper }: { html: string; paper: string }) {
      renderer.calls++;
      if (options.fail) throw new Error('chromium crashed');
      return {
        pdf: new TextEncoder().encode(`%PDF-fake ${paper} ${html.length}`),
        pageSize: { width: 210_000, height: 297_000 },
      };
    },
  };
  return renderer;
}

function fakePrinter(outcomes: PrintOutcome[]): PrinterDriver & { via: 'main'; jobs: PrintJob[] } {
  const jobs: PrintJob[] = [];
  return {
    via: 'main',
    jobs,
    async print(job) {
      jobs.push(job);
      return outcomes.shift() ?? { ok: true };
    },
  };
}

const request = (over: Partial<PrintRequest> = {}): PrintRequest => ({
  kind: 'receipt',
  paper: 'A5',
  html: '<!doctype html><p>Nguyễn Thị Đào</p>',
  title: 'Phiếu tiếp nhận',
  dossierId: '2f1c7a52-8a5e-4d35-9d8e-0d3b1b2a6c11',
  copies: 1,
  ...over,
});

function setup(printer: PrinterDriver, renderer: DocumentRenderer = fakeRenderer()) {
  const dir = tempDir('prints');
  const store = createPdfStore({ dir });
  const { logger, records } = createMemoryLogger();
  const service = createPrintService({ renderer, printer, store, fonts, logger, clock });
  return { dir, store, service, records };
}

describe('print service', () => {
  it('keeps the PDF and prints the prepared document', async () => {
    const printer = fakePrinter([{ ok: true }]);
    const { dir, service } = setup(printer);
    const result = await service.print(request({ copies: 2 }));
    expect(result).toMatchObject({ printed: true, printVia: 'main', pdfKept: true });
    expect(result.failure).toBeUndefined();
    const folder = path.join(dir, request().dossierId);
    expect(readdirSync(folder).sort()).toEqual(['receipt.html', 'receipt.json', 'receipt.pdf']);
    const pdf = readFileSync(path.join(folder, 'receipt.pdf'));
    expect(result.pdfBytes).toBe(pdf.byteLength);
    const job = printer.jobs[0]!;
    expect(job.copies).toBe(2);
    expect(job.pdfPath).toBe(path.join(folder, 'receipt.pdf'));
    expect(Buffer.from(job.pdf).equals(pdf)).toBe(true);
    // What is printed carries the fonts and the document CSP ahead of the renderer's HTML.
    expect(job.html.startsWith('<!doctype html><meta charset="utf-8">')).toBe(true);
    expect(job.html).toContain(PRINT_DOCUMENT_CSP);
    expect(job.html.indexOf(FONT_CSS)).toBeLessThan(job.html.indexOf('Nguyễn Thị Đào'));
    expect(JSON.parse(readFileSync(path.join(folder, 'receipt.json'), 'utf8'))).toMatchObject({
      kind: 'receipt',
      paper: 'A5',
      title: 'Phiếu tiếp nhận',
      keptAt: '2026-03-03T02:00:00.000Z',
      pageSize: { width: 210_000, height: 297_000 },
    });
  });

  it.each([
    ['no-printer', 'No printer is installed'],
    ['printer-offline', 'HP: offline-report'],
    ['paper-out', 'HP: media-empty-error'],
    ['print-failed', 'Print job failed'],
  ] as const)('keeps the PDF and reports %s when the printer fails', async (reason, message) => {
    const { service, store, records } = setup(fakePrinter([{ ok: false, failure: { reason, message } }]));
    const result = await service.print(request());
    expect(result).toEqual({
      printed: false,
      printVia: 'main',
      pdfKept: true,
      pdfBytes: expect.any(Number),
      failure: { reason, message },
    });
    expect(await store.readPdf({ dossierId: request().dossierId, kind: 'receipt' })).toBeDefined();
    expect(records.some((r) => r.event === 'print-failed' && r.fields.reason === reason)).toBe(true);
  });

  it('treats a throwing driver as a failed print, not a lost document', async () => {
    const printer: PrinterDriver = {
      via: 'main',
      print: async () => {
        throw new Error('driver bug');
      },
    };
    const { service } = setup(printer);
    const result = await service.print(request());
    expect(result).toMatchObject({
      printed: false,
      pdfKept: true,
      failure: { reason: 'print-failed', message: 'driver bug' },
    });
  });

  it('reports render-failed without calling the printer, and keeps no PDF', async () => {
    const printer = fakePrinter([]);
    const { service, store } = setup(printer, fakeRenderer({ fail: true }));
    const result = await service.print(request());
    expect(result).toEqual({
      printed: false,
      printVia: 'main',
      pdfKept: false,
      pdfBytes: 0,
      failure: { reason: 'render-failed', message: 'chromium crashed' },
    });
    expect(printer.jobs).toHaveLength(0);
    expect(await store.readPdf({ dossierId: request().dossierId, kind: 'receipt' })).toBeUndefined();
  });

  it('reprints the kept document without rendering again', async () => {
    const renderer = fakeRenderer();
    const printer = fakePrinter([
      { ok: false, failure: { reason: 'paper-out', message: 'out' } },
      { ok: true },
    ]);
    const { service } = setup(printer, renderer);
    const first = await service.print(request({ kind: 'declaration', paper: 'A4' }));
    expect(first.printed).toBe(false);
    const again = await service.reprint({ dossierId: request().dossierId, kind: 'declaration', copies: 3 });
    expect(again).toMatchObject({ printed: true, printVia: 'main', pdfKept: true });
    expect(renderer.calls).toBe(1);
    expect(printer.jobs).toHaveLength(2);
    expect(printer.jobs[1]).toMatchObject({ copies: 3, paper: 'A4', kind: 'declaration' });
    expect(Buffer.from(printer.jobs[1]!.pdf).equals(Buffer.from(printer.jobs[0]!.pdf))).toBe(true);
    expect(printer.jobs[1]!.html).toBe(printer.jobs[0]!.html);
  });

  it('refuses to reprint a document that was never kept', async () => {
    const { service } = setup(fakePrinter([]));
    await expect(
      service.reprint({ dossierId: 'never-printed', kind: 'receipt', copies: 1 }),
    ).rejects.toBeInstanceOf(NoKeptDocumentError);
  });

  it('under the renderer path keeps the PDF and points the renderer at the kept document', async () => {
    const { service } = setup({ via: 'renderer' });
    const result = await service.print(request());
    expect(result).toMatchObject({
      printed: false,
      printVia: 'renderer',
      pdfKept: true,
      documentUrl: `/print/${request().dossierId}/receipt.html`,
    });
    expect(result.failure).toBeUndefined();
    const html = await service.readDocumentHtml({ dossierId: request().dossierId, kind: 'receipt' });
    expect(html).toContain(FONT_CSS);
    expect(html).toContain('Nguyễn Thị Đào');
  });

  it('runs one job at a time', async () => {
    let active = 0;
    let most = 0;
    const renderer: DocumentRenderer = {
      async render() {
        active++;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active--;
        return { pdf: new TextEncoder().encode('%PDF-x'), pageSize: { width: 1, height: 1 } };
      },
    };
    const { service } = setup(fakePrinter([]), renderer);
    const results = await Promise.all([1, 2, 3].map((n) => service.print(request({ dossierId: `d${n}` }))));
    expect(results.every((r) => r.printed)).toBe(true);
    expect(most).toBe(1);
  });
});

describe('forgetting kept documents (retention)', () => {
  it('removes every kept file of the given dossiers, counts those that had any, and is idempotent', async () => {
    const { dir, service, records } = setup(fakePrinter([]));
    const [a, b] = ['dossier-a', 'dossier-b'];
    await service.print(request({ dossierId: a, kind: 'receipt' }));
    await service.print(request({ dossierId: a, kind: 'declaration', paper: 'A4' }));
    await service.print(request({ dossierId: b }));

    expect(await service.forget([a, 'never-printed', a])).toEqual({ removed: 1 });
    expect(existsSync(path.join(dir, a))).toBe(false);
    expect(readdirSync(path.join(dir, b)).sort()).toEqual(['receipt.html', 'receipt.json', 'receipt.pdf']);
    expect(await service.readPdf({ dossierId: a, kind: 'declaration' })).toBeUndefined();
    await expect(service.reprint({ dossierId: a, kind: 'receipt', copies: 1 })).rejects.toBeInstanceOf(
      NoKeptDocumentError,
    );
    // Again (a retried call after a lost answer): nothing left, nothing fails.
    expect(await service.forget([a])).toEqual({ removed: 0 });
    expect(await service.forget([])).toEqual({ removed: 0 });
    expect(records.filter((r) => r.event === 'print-documents-forgotten')).toHaveLength(3);
  });

  it('refuses an id that could leave the prints folder, and removes nothing outside it', async () => {
    const { dir, service } = setup(fakePrinter([]));
    await service.print(request({ dossierId: 'keep-me' }));
    for (const id of ['..', '../keep-me', 'a/../../x', '.', '']) {
      await expect(service.forget([id])).rejects.toThrow(RangeError);
    }
    expect(existsSync(path.join(dir, 'keep-me', 'receipt.pdf'))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });

  it('waits for a print of the same dossier in progress instead of racing its writes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const renderer: DocumentRenderer = {
      async render() {
        await gate;
        return { pdf: new TextEncoder().encode('%PDF-slow'), pageSize: { width: 1, height: 1 } };
      },
    };
    const { dir, service } = setup(fakePrinter([]), renderer);
    const printing = service.print(request({ dossierId: 'late' }));
    const forgetting = service.forget(['late']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    expect((await printing).pdfKept).toBe(true);
    expect(await forgetting).toEqual({ removed: 1 });
    expect(existsSync(path.join(dir, 'late'))).toBe(false);
  });
});

describe('PDF store', () => {
  const ref = { dossierId: 'abc-123', kind: 'receipt' as const };
  const meta = {
    kind: 'receipt' as const,
    paper: '80mm' as const,
    title: 't',
    keptAt: '2026-01-01T00:00:00Z',
  };

  it('replaces a kept PDF atomically: a failed write leaves the previous copy and no temp file', async () => {
    const dir = tempDir('store');
    const real = createPdfStore({ dir });
    await real.savePdf(ref, new TextEncoder().encode('%PDF-old'), meta);

    const nodeFs = (await import('node:fs/promises')).default as unknown as StoreFileOps;
    const failing: StoreFileOps = {
      ...nodeFs,
      mkdir: nodeFs.mkdir,
      rm: nodeFs.rm,
      readFile: nodeFs.readFile,
      rename: nodeFs.rename,
      open: async (file, flags) => {
        const handle = await nodeFs.open(file, flags);
        return {
          writeFile: async (data) => {
            await handle.writeFile(typeof data === 'string' ? data : data.subarray(0, 3));
            throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const broken = createPdfStore({ dir, fs: failing });
    await expect(broken.savePdf(ref, new TextEncoder().encode('%PDF-new-and-longer'), meta)).rejects.toThrow(
      'disk full',
    );
    expect(new TextDecoder().decode(await real.readPdf(ref))).toBe('%PDF-old');
    expect(readdirSync(path.join(dir, 'abc-123'))).toEqual(['receipt.json', 'receipt.pdf']);
  });

  it('refuses ids that could leave its folder', async () => {
    const store = createPdfStore({ dir: tempDir('store') });
    for (const dossierId of ['../x', '..', 'a/b', '', '.hidden']) {
      await expect(store.readPdf({ dossierId, kind: 'receipt' })).rejects.toThrow(RangeError);
    }
  });

  it('forgets a dossier', async () => {
    const store = createPdfStore({ dir: tempDir('store') });
    await store.savePdf(ref, new TextEncoder().encode('%PDF-1'), meta);
    expect(await store.removeDossier(ref.dossierId)).toBe(true);
    expect(await store.readPdf(ref)).toBeUndefined();
    expect(await store.removeDossier(ref.dossierId)).toBe(false);
    await expect(store.removeDossier('../abc-123')).rejects.toThrow(RangeError);
  });

  it('reports a removal that failed for another reason than absence', async () => {
    const nodeFs = (await import('node:fs/promises')).default as unknown as StoreFileOps;
    const store = createPdfStore({
      dir: tempDir('store'),
      fs: { ...nodeFs, rm: async () => Promise.reject(Object.assign(new Error('busy'), { code: 'EBUSY' })) },
    });
    await expect(store.removeDossier('abc-123')).rejects.toThrow('busy');
  });
});
