import { describe, expect, it } from 'vitest';
import type { PrintJob } from '../services/print/types.ts';
import {
  createCupsPrinter,
  cupsAvailable,
  cupsMedia,
  defaultDestinationOf,
  jobProblem,
  parseLpstatJobs,
  requestIdOf,
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

/**
 * A fake runner answering `lpstat -p` (printer state) and `lp` from the given results,
 * and the job queries (`lpstat -o`, `lpstat -W completed -o`) from `queue`, recording the calls.
 */
function runner(answers: {
  lpstat?: CommandResult;
  lp?: CommandResult;
  pending?: readonly CommandResult[];
  completed?: CommandResult;
}) {
  const calls: Array<[string, readonly string[]]> = [];
  const pending = [...(answers.pending ?? [])];
  const run: CommandRunner = async (command, args) => {
    calls.push([command, args]);
    if (command === 'lpstat' && args.includes('-W')) return answers.completed ?? ok();
    if (command === 'lpstat' && args.includes('-o')) return pending.shift() ?? ok();
    if (command === 'lpstat') return answers.lpstat ?? ok();
    if (command === 'lp') return answers.lp ?? ok('request id is XP_80C-12 (1 file(s))');
    return ok();
  };
  return { run, calls };
}

/** `lpstat -l -o` as CUPS 2.4 prints it (LC_ALL=C). */
const jobLines = (id: string, status: string, alerts: string) =>
  `${id}              root              1024   Fri Dec  4 15:32:58 2026\n\tStatus: ${status}\n\tAlerts: ${alerts}\n\tqueued for XP_80C\n`;
const noWait = { sleep: async () => undefined };

describe('CUPS printer driver (fake command runner)', () => {
  it('checks the printer, then submits the kept PDF with copies, title and media', async () => {
    const { run, calls } = runner({ lpstat: ok(IDLE), lp: ok('request id is XP_80C-12 (1 file(s))') });
    const printer = createCupsPrinter({ printerName: 'XP_80C', run, ...noWait });
    expect(printer.via).toBe('main');
    if (printer.via !== 'main') return;
    expect(await printer.print(job())).toEqual({ ok: true });
    expect(calls.slice(0, 2)).toEqual([
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
      'job aborted on paper out (completed list)',
      'paper-out',
      {
        lpstat: ok(IDLE),
        completed: ok(jobLines('XP_80C-12', 'media-empty-error', 'processing-to-stop-point')),
      },
    ],
    [
      'job stuck behind a stopped printer',
      'printer-offline',
      { lpstat: ok(IDLE), pending: [ok(jobLines('XP_80C-12', '', 'printer-stopped'))] },
    ],
    [
      'job cancelled',
      'print-failed',
      {
        lpstat: ok(IDLE),
        completed: ok(jobLines('XP_80C-12', 'Job canceled by user.', 'job-canceled-by-user')),
      },
    ],
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
    const printer = createCupsPrinter({ printerName: 'XP_80C', run, ...noWait });
    if (printer.via !== 'main') throw new Error('expected a main-process driver');
    const outcome = await printer.print(job());
    expect(outcome).toMatchObject({ ok: false, failure: { reason } });
    if (answers.lpstat && answers.lpstat.code !== 0) expect(calls.map((c) => c[0])).toEqual(['lpstat']);
  });

  it('follows the job: "printed" only once it left the queue and completed', async () => {
    const { run, calls } = runner({
      lpstat: ok(IDLE),
      pending: [
        ok(jobLines('XP_80C-12', '', 'job-incoming')),
        ok(jobLines('XP_80C-12', 'Sending data to printer.', 'job-printing')),
        ok(jobLines('XP_80C-11', '', 'job-printing')),
      ],
      completed: ok(jobLines('XP_80C-12', '', 'processing-to-stop-point')),
    });
    const slept: number[] = [];
    const printer = createCupsPrinter({
      printerName: 'XP_80C',
      run,
      pollMs: 250,
      sleep: async (ms) => void slept.push(ms),
    });
    if (printer.via !== 'main') throw new Error('expected a main-process driver');
    expect(await printer.print(job())).toEqual({ ok: true });
    expect(slept).toEqual([250, 250]);
    expect(calls.slice(2).map((c) => c[1].join(' '))).toEqual([
      '-l -o XP_80C',
      '-l -o XP_80C',
      '-l -o XP_80C',
      '-l -W completed -o XP_80C',
    ]);
    expect(calls.some((c) => c[0] === 'cancel')).toBe(false);
  });

  it('gives up on a job that does not print in time, and cancels it so it cannot print later', async () => {
    let clock = 0;
    const { run, calls } = runner({
      lpstat: ok(IDLE),
      pending: Array.from({ length: 10 }, () =>
        ok(jobLines('XP_80C-12', 'Waiting for job to complete.', 'job-printing')),
      ),
    });
    const printer = createCupsPrinter({
      printerName: 'XP_80C',
      run,
      jobTimeoutMs: 2000,
      pollMs: 500,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    });
    if (printer.via !== 'main') throw new Error('expected a main-process driver');
    const outcome = await printer.print(job());
    expect(outcome).toMatchObject({ ok: false, failure: { reason: 'printer-offline' } });
    expect(calls.at(-1)).toEqual(['cancel', ['XP_80C-12']]);
  });

  it('prints to CUPS’ default destination when the profile names no printer, and says when there is none', async () => {
    const withDefault = runner({ lpstat: ok(IDLE) });
    const base = withDefault.run;
    const run: CommandRunner = async (command, args) =>
      command === 'lpstat' && args[0] === '-d'
        ? ok('system default destination: XP_80C\n')
        : base(command, args);
    const printer = createCupsPrinter({ run, ...noWait });
    if (printer.via !== 'main') throw new Error('expected a main-process driver');
    expect(await printer.print(job())).toEqual({ ok: true });
    expect(withDefault.calls[0]).toEqual(['lpstat', ['-l', '-p', 'XP_80C']]);

    const none = createCupsPrinter({ run: async () => ok('no system default destination\n'), ...noWait });
    if (none.via !== 'main') throw new Error('expected a main-process driver');
    expect(await none.print(job())).toMatchObject({ ok: false, failure: { reason: 'no-printer' } });
  });

  it('reads job lines, request ids and the default destination as CUPS prints them', () => {
    expect(requestIdOf('request id is KioskPDF-3 (1 file(s))\n')).toBe('KioskPDF-3');
    expect(requestIdOf('')).toBeUndefined();
    expect(defaultDestinationOf('system default destination: XP_80C\n')).toBe('XP_80C');
    const jobs = parseLpstatJobs(
      jobLines('Kiosk_Printer-4', 'media-empty-error', 'processing-to-stop-point') +
        jobLines('Kiosk_Printer-5', '', 'job-incoming'),
    );
    expect([...jobs.keys()]).toEqual(['Kiosk_Printer-4', 'Kiosk_Printer-5']);
    expect(jobs.get('Kiosk_Printer-4')).toEqual({
      id: 'Kiosk_Printer-4',
      status: 'media-empty-error',
      alerts: 'processing-to-stop-point',
    });
    expect(jobProblem(jobs.get('Kiosk_Printer-4')!, true)?.reason).toBe('paper-out');
    expect(jobProblem(jobs.get('Kiosk_Printer-5')!, false)).toBeNull();
    expect(jobProblem({ id: 'x-1', status: '', alerts: 'processing-to-stop-point' }, true)).toBeNull();
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
