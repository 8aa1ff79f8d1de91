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

/**
 * A runner with no shell (arguments are never parsed), bounded in time and output, in
 * the C locale (the texts below are CUPS' English ones). `env` adds variables, e.g.
 * CUPS_SERVER for a scheduler other than the system's.
 */
export function createCommandRunner(env: Readonly<Record<string, string>> = {}): CommandRunner {
  return (command, args) =>
    new Promise((resolve) => {
      execFile(
        command,
        [...args],
        {
          timeout: 30_000,
          maxBuffer: 1024 * 1024,
          encoding: 'utf8',
          env: { ...process.env, ...env, LC_ALL: 'C' },
        },
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
}

/** The real runner with the process's own environment. */
export const execCommand: CommandRunner = createCommandRunner();

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

const PAPER_OUT = /media-(empty|needed|jam)|out of paper|paper (jam|out)/i;
const OFFLINE =
  /not accepting jobs|disabled|paused|offline|stopped|unable to connect|not responding|not running|connecting-to-device|waiting for printer to become available/i;

/**
 * What CUPS' tools print (with LC_ALL=C) mapped to our reasons, e.g.
 * `lp: The printer or class does not exist.`, `lpstat: Invalid destination name…`,
 * `lp: Destination "X" is not accepting jobs.`, `printer X disabled since … - Paused`,
 * and the printer-state-reasons lpstat -l shows ("media-empty-error", "offline-report").
 */
export function failureFromCupsText(text: string): PrintFailure {
  const message = text.trim() || 'CUPS reported an error';
  if (
    /does not exist|invalid destination|unknown printer|no default destination|no system default destination|no destinations added/i.test(
      text,
    )
  )
    return { reason: 'no-printer', message };
  if (PAPER_OUT.test(text)) return { reason: 'paper-out', message };
  if (OFFLINE.test(text)) return { reason: 'printer-offline', message };
  return { reason: 'print-failed', message };
}

/** `lp`'s answer "request id is XP_80C-12 (1 file(s))" → "XP_80C-12". */
export function requestIdOf(lpStdout: string): string | undefined {
  return /request id is (\S+)/i.exec(lpStdout)?.[1];
}

export interface CupsJobLine {
  id: string;
  /** The "Status:" line: the printer's message about this job (job-printer-state-message). */
  status: string;
  /** The "Alerts:" line: the job's state reasons (e.g. printer-stopped, job-completed-with-errors). */
  alerts: string;
}

/**
 * Jobs as `lpstat -l -o` lists them (LC_ALL=C): a line per job starting with its id at
 * column 0, then indented "Status:", "Alerts:" and "queued for" lines.
 */
export function parseLpstatJobs(text: string): Map<string, CupsJobLine> {
  const jobs = new Map<string, CupsJobLine>();
  let current: CupsJobLine | undefined;
  for (const line of text.split('\n')) {
    const head = /^(\S+-\d+)\s/.exec(line);
    if (head) {
      current = { id: head[1]!, status: '', alerts: '' };
      jobs.set(current.id, current);
      continue;
    }
    if (!current) continue;
    const field = /^\s+(Status|Alerts):\s*(.*)$/.exec(line);
    if (field?.[1] === 'Status') current.status = field[2]!.trim();
    if (field?.[1] === 'Alerts') current.alerts = field[2]!.trim();
  }
  return jobs;
}

/** A job line that says the job cannot go on (paper out, printer stopped, aborted …), or null. */
export function jobProblem(job: CupsJobLine, finished: boolean): PrintFailure | null {
  const text = `${job.status} ${job.alerts}`;
  const failure = failureFromCupsText(text);
  if (
    failure.reason === 'paper-out' ||
    failure.reason === 'printer-offline' ||
    failure.reason === 'no-printer'
  )
    return failure;
  if (/printer-stopped|resources-are-not-ready/i.test(job.alerts))
    return { ...failure, reason: 'printer-offline' };
  // A finished job's message is empty on success; an error, abort or cancel is a failure.
  if (finished && /error|fail|abort|cancel/i.test(text))
    return { reason: 'print-failed', message: text.trim() };
  return null;
}

export interface FollowOptions {
  run: CommandRunner;
  printer: string;
  jobId: string;
  /** Give up (and cancel the job) after this long without completion. */
  timeoutMs: number;
  pollMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/**
 * Follows a queued job until CUPS reports it completed ("Đã in" is true only then) or
 * it cannot complete: a paper-out or stopped printer, an aborted or cancelled job, or
 * no completion within the timeout. A job that cannot complete is cancelled, so it
 * does not print later behind the citizen's back when a retry has already printed.
 */
export async function followCupsJob(options: FollowOptions): Promise<PrintOutcome> {
  const { run, printer, jobId } = options;
  const deadline = options.now() + options.timeoutMs;
  const fail = async (failure: PrintFailure): Promise<PrintOutcome> => {
    await run('cancel', [jobId]);
    return { ok: false, failure };
  };
  for (;;) {
    const pending = await run('lpstat', ['-l', '-o', printer]);
    if (pending.code !== 0 || pending.spawnError)
      return fail(failureFromCupsText(pending.stderr || pending.stdout));
    const job = parseLpstatJobs(pending.stdout).get(jobId);
    if (!job) {
      // Left the queue: completed, aborted or cancelled; the completed list tells which.
      const done = await run('lpstat', ['-l', '-W', 'completed', '-o', printer]);
      const finished = parseLpstatJobs(done.stdout).get(jobId);
      const problem = finished ? jobProblem(finished, true) : null;
      return problem ? { ok: false, failure: problem } : { ok: true };
    }
    const problem = jobProblem(job, false);
    if (problem) return fail(problem);
    if (options.now() >= deadline)
      return fail({
        reason: 'printer-offline',
        message: `${jobId} not printed within ${Math.round(options.timeoutMs / 1000)} s (${job.status || 'pending'})`,
      });
    await options.sleep(options.pollMs);
  }
}

export interface CupsPrinterOptions {
  /** profile.kiosk.printerName; unset: CUPS' default destination. */
  printerName?: string | undefined;
  run?: CommandRunner;
  /** Default 60 s: a receipt that has not come out by then will not come out unattended. */
  jobTimeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** `lpstat -d`: "system default destination: XP_80C" → "XP_80C". */
export function defaultDestinationOf(stdout: string): string | undefined {
  return /system default destination:\s*(\S+)/i.exec(stdout)?.[1];
}

/**
 * Printing under the headless host through CUPS (`lp`): the kept PDF itself goes to
 * the printer, so what prints is byte for byte what was kept. `lpstat -l -p` first, so
 * a missing, paused or paper-less printer is reported before a job is queued behind it;
 * then the job is followed until CUPS says it completed.
 */
export function createCupsPrinter(options: CupsPrinterOptions): PrinterDriver {
  const run = options.run ?? execCommand;
  const follow = {
    timeoutMs: options.jobTimeoutMs ?? 60_000,
    pollMs: options.pollMs ?? 500,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    now: options.now ?? (() => Date.now()),
  };
  const destination = async (): Promise<string | PrintOutcome> => {
    const named = options.printerName?.trim();
    if (named) return named;
    const answer = await run('lpstat', ['-d']);
    if (answer.spawnError)
      return { ok: false, failure: { reason: 'no-printer', message: `lpstat: ${answer.spawnError}` } };
    return (
      defaultDestinationOf(answer.stdout) ?? {
        ok: false,
        failure: failureFromCupsText(answer.stderr || answer.stdout || 'no system default destination'),
      }
    );
  };
  return {
    via: 'main',
    async print(job): Promise<PrintOutcome> {
      const printer = await destination();
      if (typeof printer !== 'string') return printer;
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
      const jobId = requestIdOf(submitted.stdout);
      if (!jobId)
        return {
          ok: false,
          failure: { reason: 'print-failed', message: `lp: no request id in "${submitted.stdout.trim()}"` },
        };
      return followCupsJob({ run, printer, jobId, ...follow });
    },
  };
}
