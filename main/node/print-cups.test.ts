import { describe, expect, it } from 'vitest';
import type { PrintJob } from '../services/print/types.ts';
import {
  createCupsPrinter,
  cupsAvailable,
  cupsMedia,
  type CommandResult,
  type CommandRunner,
} from './print-cups.ts';

const job = (over: Partial<PrintJob> = {}): PrintJob => ({
  kind: 'receipt',
  paper: '80mm',
  title: 'Phiếu tiếp nhận',
  copies: 2,
  html: '',
  pdf: new Uint8Array(),
  pdfPath: '/data/prints/abc/receipt.pdf',
  pageSize: { width: 80_000, height: 152_300 },
  ...over,
});

const ok = (stdout = ''): CommandResult => ({ code: 0, stdout, stderr: '' });
const fail = (stderr: string, code = 1): CommandResult => ({ code, stdout: '', stderr });
const IDLE = 'printer XP_80C is idle.  enabled since Tue 03 Mar 2026 09:00:00\n\tAlerts: none\n';

/** A fake runner answering lpstat and lp from the given results, recording the calls. */
function runner(answers: { lpstat?: CommandResult; lp?: CommandResult }) {
  const calls: Array<[string, readonly string[]]> = [];
  const run: CommandRunner = async (command, args) => {
    calls.push([command, args]);
    const answer = command === 'lpstat' ? answers.lpstat : answers.lp;
    return answer ?? ok();
  };
  return { run, calls };
}

describe('CUPS printer driver (fake command runner)', () => {
  it('checks the printer, then submits the kept PDF with copies, title and media', async () => {
    const { run, calls } = runner({ lpstat: ok(IDLE), lp: ok('request id is XP_80C-12 (1 file(s))') });
    const printer = createCupsPrinter({ printerName: 'XP_80C', run });
    expect(printer.via).toBe('main');
    if (printer.via !== 'main') return;
    expect(await printer.print(job())).toEqual({ ok: true });
    expect(calls).toEqual([
      ['lpstat', ['-l', '-p', 'XP_80C']],
      [
        'lp',
        [
          '-d',
          'XP_80C',
          '-n',
          '2',
          '-t',
          'Phiếu tiếp nhận',
          '-o',
          'media=Custom.80x153mm',
          '/data/prints/abc/receipt.pdf',
        ],
      ],
    ]);
  });

  it.each([
    [
      'unknown printer (lpstat)',
      'no-printer',
      { lpstat: fail('lpstat: Invalid destination name in list "XP_80C".') },
    ],
    [
      'lp missing printer',
      'no-printer',
      { lpstat: ok(IDLE), lp: fail('lp: The printer or class does not exist.') },
    ],
    [
      'not accepting',
      'printer-offline',
      { lpstat: ok(IDLE), lp: fail('lp: Destination "XP_80C" is not accepting jobs.') },
    ],
    [
      'paused',
      'printer-offline',
      { lpstat: ok('printer XP_80C disabled since Tue 03 Mar 2026 -\n\tPaused\n') },
    ],
    [
      'paper out',
      'paper-out',
      { lpstat: ok('printer XP_80C disabled since Tue -\n\tAlerts: media-empty-error\n') },
    ],
    [
      'offline',
      'printer-offline',
      { lpstat: ok('printer XP_80C is idle.  enabled since Tue\n\tAlerts: offline-report\n') },
    ],
    ['scheduler down', 'printer-offline', { lpstat: fail('lpstat: Scheduler is not running.') }],
    [
      'other lp error',
      'print-failed',
      { lpstat: ok(IDLE), lp: fail('lp: Unsupported document-format "application/pdf".') },
    ],
    [
      'CUPS not installed',
      'no-printer',
      { lpstat: { code: null, stdout: '', stderr: '', spawnError: 'ENOENT' } },
    ],
  ] as const)('%s → %s', async (_name, reason, answers) => {
    const { run, calls } = runner(answers);
    const printer = createCupsPrinter({ printerName: 'XP_80C', run });
    if (printer.via !== 'main') throw new Error('expected a main-process driver');
    const outcome = await printer.print(job());
    expect(outcome).toMatchObject({ ok: false, failure: { reason } });
    if (answers.lpstat && answers.lpstat.code !== 0) expect(calls.map((c) => c[0])).toEqual(['lpstat']);
  });

  it('media names per paper', () => {
    expect(cupsMedia('A4', { width: 210_000, height: 297_000 })).toBe('A4');
    expect(cupsMedia('A5', { width: 148_000, height: 210_000 })).toBe('A5');
    expect(cupsMedia('80mm', { width: 80_000, height: 100_000 })).toBe('Custom.80x100mm');
  });

  it('detects whether CUPS tools exist', async () => {
    expect(await cupsAvailable(async () => ok('scheduler is running'))).toBe(true);
    expect(await cupsAvailable(async () => fail('scheduler is not running'))).toBe(true);
    expect(
      await cupsAvailable(async () => ({ code: null, stdout: '', stderr: '', spawnError: 'ENOENT' })),
    ).toBe(false);
  });
});
