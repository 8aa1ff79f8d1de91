/**
 * The Electron print drivers against a recording stand-in for Electron's BrowserWindow
 * and session (the Electron binary is not installed where this project is built): the
 * window's isolation, the options given to printToPDF (inches) and print (microns), the
 * printer checks and failure mapping, and the clean-up, are checked here; Electron's own
 * printing behaviour is taken from its documentation.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../services/logger.ts';
import type { PrintJob } from '../services/print/types.ts';
import { tempDir } from '../test-support/fixtures.ts';
import {
  createElectronPrinter,
  createElectronRenderer,
  PRINT_PARTITION,
  type ElectronPrintApi,
} from './print-electron.ts';

type PrinterInfo = {
  name: string;
  displayName: string;
  description: string;
  options: Record<string, string>;
};

function fakeElectron(
  options: {
    printers?: readonly PrinterInfo[];
    printResult?: readonly [boolean, string];
    contentHeight?: number;
  } = {},
) {
  const windows: Array<{
    options: BrowserWindowConstructorOptions & { width: number; height: number };
    loaded?: string;
    destroyed: boolean;
    printed?: WebContentsPrintOptions;
    pdfOptions?: PrintToPDFOptions;
    commands: string[];
  }> = [];
  const partitions: string[] = [];
  let beforeRequest: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
  const session = {
    webRequest: { onBeforeRequest: (fn: typeof beforeRequest) => (beforeRequest = fn) },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
  };
  class BrowserWindow {
    record: (typeof windows)[number];
    webContents: Record<string, unknown>;
    constructor(opts: BrowserWindowConstructorOptions & { width: number; height: number }) {
      this.record = { options: opts, destroyed: false, commands: [] };
      windows.push(this.record);
      const record = this.record;
      this.webContents = {
        loadFile: async (file: string) => {
          record.loaded = file;
          // The file must exist while loading, and be the only URL the session lets through.
          expect(existsSync(file)).toBe(true);
          let cancelled: boolean | undefined;
          beforeRequest?.({ url: `file://${file}` }, (r) => (cancelled = r.cancel));
          expect(cancelled).toBe(false);
          beforeRequest?.({ url: 'http://example.invalid/x.png' }, (r) => (cancelled = r.cancel));
          expect(cancelled).toBe(true);
        },
        printToPDF: async (pdfOptions: PrintToPDFOptions) => {
          record.pdfOptions = pdfOptions;
          return Buffer.from('%PDF-electron');
        },
        getPrintersAsync: async () => options.printers ?? [],
        print: (
          printOptions: WebContentsPrintOptions,
          callback: (success: boolean, reason: string) => void,
        ) => {
          record.printed = printOptions;
          const [success, reason] = options.printResult ?? [true, ''];
          setTimeout(() => callback(success, reason), 1);
        },
        debugger: {
          attach: () => record.commands.push('attach'),
          detach: () => record.commands.push('detach'),
          sendCommand: async (command: string) => {
            record.commands.push(command);
            return command === 'Page.getLayoutMetrics'
              ? { cssContentSize: { height: options.contentHeight ?? 0 } }
              : {};
          },
        },
      };
    }
    getContentBounds() {
      return { x: 0, y: 0, width: this.record.options.width, height: this.record.options.height };
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  const api = {
    BrowserWindow,
    session: { fromPartition: (name: string) => (partitions.push(name), session) },
  } as unknown as ElectronPrintApi;
  return { api, windows, partitions };
}

const printers: PrinterInfo[] = [
  {
    name: 'XP_80C',
    displayName: 'XP 80C',
    description: '',
    options: { 'printer-state': '3', 'printer-state-reasons': 'none' },
  },
];
const job = (over: Partial<PrintJob> = {}): PrintJob => ({
  kind: 'receipt',
  paper: '80mm',
  title: 'Phiếu',
  copies: 2,
  html: '<!doctype html><p>Nguyễn Thị Đào</p>',
  pdf: new Uint8Array(),
  pdfPath: '/x/receipt.pdf',
  pageSize: { width: 80_000, height: 140_000 },
  ...over,
});

describe('Electron print drivers (stand-in electron)', () => {
  it('renders in an isolated hidden window with JavaScript off, A4 in inches, and cleans up', async () => {
    const dir = tempDir('electron-print');
    const fake = fakeElectron();
    const renderer = createElectronRenderer({
      electron: fake.api,
      logger: createMemoryLogger().logger,
      tempDir: dir,
    });
    const { pdf, pageSize } = await renderer.render({ html: '<p>x</p>', paper: 'A4', title: 't' });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-electron');
    expect(pageSize).toEqual({ width: 210_000, height: 297_000 });
    const [win] = fake.windows;
    expect(fake.partitions).toEqual([PRINT_PARTITION]);
    expect(win?.options).toMatchObject({ show: false });
    expect(win?.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(win?.options.webPreferences?.preload).toBeUndefined();
    expect(win?.pdfOptions).toEqual({
      pageSize: { width: 210_000 / 25_400, height: 297_000 / 25_400 },
      preferCSSPageSize: true,
      printBackground: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect(win?.destroyed).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('measures the 80 mm roll through the DevTools protocol', async () => {
    const fake = fakeElectron({ contentHeight: 1000 });
    const renderer = createElectronRenderer({
      electron: fake.api,
      logger: createMemoryLogger().logger,
      tempDir: tempDir('ep'),
    });
    const { pageSize } = await renderer.render({ html: '<p>x</p>', paper: '80mm', title: 't' });
    expect(pageSize.width).toBe(80_000);
    expect(pageSize.height).toBe(Math.ceil((1000 * 25_400) / 96) + 8_000);
    expect(fake.windows[0]?.commands).toContain('Page.getLayoutMetrics');
    expect(fake.windows[0]?.commands.at(-1)).toBe('detach');
    expect(fake.windows[0]?.pdfOptions?.preferCSSPageSize).toBe(false);
  });

  it('prints silently to the configured printer with the page size in microns', async () => {
    const fake = fakeElectron({ printers });
    // The profile gives the display name; print() gets the system name.
    const printer = createElectronPrinter({
      electron: fake.api,
      logger: createMemoryLogger().logger,
      printerName: 'XP 80C',
      tempDir: tempDir('ep'),
    });
    if (printer.via !== 'main') throw new Error('expected main');
    expect(await printer.print(job())).toEqual({ ok: true });
    expect(fake.windows[0]?.printed).toEqual({
      silent: true,
      printBackground: true,
      deviceName: 'XP_80C',
      pageSize: { width: 80_000, height: 140_000 },
      margins: { marginType: 'default' },
      copies: 2,
    });
    expect(fake.windows[0]?.destroyed).toBe(true);
  });

  it.each([
    ['no printers', 'no-printer', { printers: [] }],
    [
      'configured printer missing',
      'no-printer',
      { printers: [{ ...printers[0]!, name: 'HP', displayName: 'HP' }] },
    ],
    [
      'paper out',
      'paper-out',
      {
        printers: [
          {
            ...printers[0]!,
            options: { 'printer-state': '5', 'printer-state-reasons': 'media-empty-error' },
          },
        ],
      },
    ],
    [
      'print callback failure',
      'print-failed',
      { printers, printResult: [false, 'Print job failed'] as [boolean, string] },
    ],
  ] as const)('%s → %s', async (_name, reason, options) => {
    const fake = fakeElectron(options);
    const printer = createElectronPrinter({
      electron: fake.api,
      logger: createMemoryLogger().logger,
      printerName: 'XP_80C',
      tempDir: tempDir('ep'),
    });
    if (printer.via !== 'main') throw new Error('expected main');
    expect(await printer.print(job())).toMatchObject({ ok: false, failure: { reason } });
    expect(fake.windows[0]?.destroyed).toBe(true);
  });
});
