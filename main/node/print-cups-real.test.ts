import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../services/logger.ts';
import type { PrintService } from '../services/print/print-service.ts';
import { startCupsServer, type CupsServer } from '../test-support/cups-server.ts';
import { tempDir } from '../test-support/fixtures.ts';
import { readPdf } from '../test-support/pdf.ts';
import { createChromiumRenderer } from './print-chromium.ts';
import { createCupsPrinter } from './print-cups.ts';
import { createHeadlessPrintService, fontsDirOf } from './print-host.ts';
import { PROJECT_ROOT } from './headless-host.ts';

const RECEIPT = `<!DOCTYPE html><html lang="vi"><head><title>Giấy tiếp nhận</title>
<style>body { font-family: 'Tinos', serif; margin: 4mm; }</style></head>
<body><h1>GIẤY TIẾP NHẬN HỒ SƠ</h1><p>Người nộp: Nguyễn Thị Đào</p>
<p>Mã hồ sơ: 000.00.00.H26-260303-0001</p></body></html>`;
const DOSSIER = '6f0b8c3e-1d2a-4b5c-9e8f-7a6b5c4d3e2f';

const logger = createMemoryLogger().logger;
const renderer = createChromiumRenderer({ logger });
let cups: CupsServer;

async function serviceFor(printerName: string, jobTimeoutMs = 20_000): Promise<PrintService> {
  return createHeadlessPrintService({
    printsDir: tempDir('cups-prints'),
    fontsDir: fontsDirOf(PROJECT_ROOT),
    printerName,
    logger,
    renderer,
    printer: createCupsPrinter({ printerName, run: cups.run, jobTimeoutMs, pollMs: 100 }),
  });
}

const receipt = {
  kind: 'receipt',
  paper: '80mm',
  html: RECEIPT,
  title: 'Giấy tiếp nhận',
  dossierId: DOSSIER,
  copies: 1,
} as const;

describe(
  'printing through a real CUPS scheduler (private cupsd, print-to-PDF backend)',
  { timeout: 90_000 },
  () => {
    beforeAll(async () => {
      cups = await startCupsServer();
    });
    afterAll(async () => {
      await renderer.close?.();
      await cups?.stop();
    });

    it('says printed once CUPS completed the job, and the printer received the kept PDF', async () => {
      const printer = await cups.addPrinter('Kiosk_Receipts');
      const service = await serviceFor(printer.name);
      const result = await service.print(receipt);
      expect(result).toMatchObject({ printed: true, printVia: 'main', pdfKept: true });
      const printed = await printer.printed();
      expect(printed).toHaveLength(1);
      const kept = await service.readPdf({ dossierId: DOSSIER, kind: 'receipt' });
      expect(Buffer.from(printed[0]!).equals(Buffer.from(kept!))).toBe(true);
      const text = (await readPdf(printed[0]!)).text.normalize('NFC').replace(/\s+/g, ' ');
      expect(text).toContain('Người nộp: Nguyễn Thị Đào');
    });

    it('reports paper out when the printer aborts the job, and keeps the PDF for the desk', async () => {
      const printer = await cups.addPrinter('Kiosk_Jammed', { jammed: true });
      const service = await serviceFor(printer.name);
      const result = await service.print(receipt);
      expect(result).toMatchObject({ printed: false, pdfKept: true, failure: { reason: 'paper-out' } });
    });

    it('gives up on a paused printer and cancels the job, so it cannot print later', async () => {
      const printer = await cups.addPrinter('Kiosk_Paused');
      await cups.pause(printer.name);
      const service = await serviceFor(printer.name, 1500);
      const result = await service.print(receipt);
      expect(result).toMatchObject({ printed: false, failure: { reason: 'printer-offline' } });
      const queued = await cups.run('lpstat', ['-o', printer.name]);
      expect(queued.stdout.trim()).toBe('');
      await cups.resume(printer.name);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await printer.printed()).toHaveLength(0);
    });

    it('says there is no printer when CUPS has neither the named printer nor a default', async () => {
      const service = await serviceFor('Not_There');
      expect(await service.print(receipt)).toMatchObject({
        printed: false,
        failure: { reason: 'no-printer' },
      });
      const none = createCupsPrinter({ run: cups.run });
      if (none.via !== 'main') throw new Error('expected a main-process driver');
      expect(
        await none.print({
          kind: 'receipt',
          paper: 'A4',
          title: '',
          copies: 1,
          html: '',
          pdf: new Uint8Array(),
          pdfPath: '/nonexistent.pdf',
          pageSize: { width: 210_000, height: 297_000 },
        }),
      ).toMatchObject({ ok: false, failure: { reason: 'no-printer' } });
    });
  },
);
