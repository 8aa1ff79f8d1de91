import { execFile } from 'node:child_process';
import type { PrintFailure, PrintPaper } from '../../shared/contracts/bridge.ts';
import type { PageSizeMicrons } from '../services/print/paper.ts';
import type { PrinterDriver, PrintOutcome } from '../services/print/types.ts';

export interface CommandResult {
  /** null when the command could not be started at all (e.g. not installed). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** e.g. 'ENOENT' when the command is missing. */
  spawnError?: string;
}
export type CommandRunner = (command: string, args: readonly string[]) => Promise<CommandResult>;

/** The real runner: no shell (arguments are never parsed), bounded in time and output. */
export const execCommand: CommandRunner = (command, args) =>
  new Promise((resolve) => {
    execFile(
      command,
      [...args],
      { timeout: 30_000, maxBuffer: 1024 * 1024, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
        if (err && typeof err.code === 'string') {
          resolve({ code: null, stdout, stderr, spawnError: err.code });
          return;
        }
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });

/** Whether CUPS' command-line tools are present (they are on most Linux thin-client images). */
export async function cupsAvailable(run: CommandRunner): Promise<boolean> {
  const result = await run('lpstat', ['-r']);
  return result.spawnError === undefined && result.code !== null;
}

/** CUPS media names: the ISO names, and Custom.WxHmm for the roll's measured length. */
export function cupsMedia(paper: PrintPaper, pageSize: PageSizeMicrons): string {
  if (paper !== '80mm') return paper;
  const mm = (microns: number) => Math.ceil(microns / 1000);
  return `Custom.${mm(pageSize.width)}x${mm(pageSize.height)}mm`;
}

/**
 * What CUPS' tools print (with LC_ALL=C) mapped to our reasons, e.g.
 * `lp: The printer or class does not exist.`, `lpstat: Invalid destination name…`,
 * `lp: Destination "X" is not accepting jobs.`, `printer X disabled since … - Paused`,
 * and the printer-state-reasons lpstat -l shows ("media-empty-error", "offline-report").
 */
export function failureFromCupsText(text: string): PrintFailure {
  const message = text.trim() || 'CUPS reported an error';
  if (/does not exist|invalid destination|unknown printer|no default destination/i.test(text))
    return { reason: 'no-printer', message };
  if (/media-(empty|needed|jam)|out of paper|paper (jam|out)/i.test(text))
    return { reason: 'paper-out', message };
  if (
    /not accepting jobs|disabled|paused|offline|stopped|unable to connect|not responding|not running|connecting-to-device/i.test(
      text,
    )
  )
    return { reason: 'printer-offline', message };
  return { reason: 'print-failed', message };
}

/**
 * Printing under the headless host through CUPS (`lp`), for a kiosk whose office set
 * profile.kiosk.printerName: the kept PDF itself goes to the printer, so what prints
 * is byte for byte what was kept. `lpstat -l -p` first, so a missing, paused or
 * paper-less printer is reported before a job is queued behind it.
 */
export function createCupsPrinter(options: { printerName: string; run?: CommandRunner }): PrinterDriver {
  const run = options.run ?? execCommand;
  const printer = options.printerName;
  return {
    via: 'main',
    async print(job): Promise<PrintOutcome> {
      const status = await run('lpstat', ['-l', '-p', printer]);
      if (status.spawnError)
        return { ok: false, failure: { reason: 'no-printer', message: `lpstat: ${status.spawnError}` } };
      if (status.code !== 0)
        return { ok: false, failure: failureFromCupsText(status.stderr || status.stdout) };
      const state = status.stdout;
      if (!/\bis idle\b|\bnow printing\b/i.test(state) || /media-(empty|needed|jam)|offline/i.test(state)) {
        const failure = failureFromCupsText(state);
        // An enabled printer with an unrecognised remark is given the job anyway.
        if (failure.reason !== 'print-failed') return { ok: false, failure };
      }
      const submitted = await run('lp', [
        '-d',
        printer,
        '-n',
        String(job.copies),
        '-t',
        job.title || job.kind,
        '-o',
        `media=${cupsMedia(job.paper, job.pageSize)}`,
        // Absolute, so it can never be read as an option.
        job.pdfPath,
      ]);
      if (submitted.spawnError)
        return { ok: false, failure: { reason: 'no-printer', message: `lp: ${submitted.spawnError}` } };
      if (submitted.code !== 0)
        return { ok: false, failure: failureFromCupsText(submitted.stderr || submitted.stdout) };
      return { ok: true };
    },
  };
}
