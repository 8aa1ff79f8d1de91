import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../services/logger.ts';
import type { CommandRunner } from './print-cups.ts';
import { choosePrinter } from './print-host.ts';

const logger = createMemoryLogger().logger;
const missing: CommandRunner = async () => ({ code: null, stdout: '', stderr: '', spawnError: 'ENOENT' });
const present: CommandRunner = async () => ({ code: 0, stdout: 'scheduler is running\n', stderr: '' });

describe('who prints under the headless host', () => {
  it('CUPS whenever its tools exist, named printer or not', async () => {
    for (const printerName of ['XP_80C', undefined]) {
      const driver = await choosePrinter({ printerName, run: present, logger, platform: 'linux' });
      expect(driver.via).toBe('main');
    }
  });

  it('on Linux without CUPS: no printer, said plainly (Chromium prints through CUPS there too)', async () => {
    const driver = await choosePrinter({ printerName: undefined, run: missing, logger, platform: 'linux' });
    if (driver.via !== 'main') throw new Error('expected a main-process driver');
    const outcome = await driver.print({
      kind: 'receipt',
      paper: '80mm',
      title: '',
      copies: 1,
      html: '',
      pdf: new Uint8Array(),
      pdfPath: '/x.pdf',
      pageSize: { width: 80_000, height: 100_000 },
    });
    expect(outcome).toMatchObject({ ok: false, failure: { reason: 'no-printer' } });
  });

  it('elsewhere without CUPS: the kiosk browser prints, unconfirmed', async () => {
    const driver = await choosePrinter({ printerName: undefined, run: missing, logger, platform: 'win32' });
    expect(driver.via).toBe('renderer');
  });
});
