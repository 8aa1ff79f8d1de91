/**
 * A private CUPS scheduler for tests: Debian's own cupsd, on a loopback port of its own
 * with its own configuration and spool in a temp folder, so tests print through real
 * `lp`/`lpstat` and a real job queue without touching the machine's printers. Its
 * printers are raw queues whose backend ("pdfdir", a four-line shell script) copies each
 * job's file, the kept PDF, into a folder: a printer that prints to PDF. A "jammed"
 * printer's backend reports media-empty-error and fails, as a printer out of paper does.
 *
 * Needs cupsd and the CUPS client tools (Debian: cups-daemon, cups-client).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createCommandRunner, type CommandRunner } from '../node/print-cups.ts';

export const CUPSD = '/usr/sbin/cupsd';
const SERVER_BIN = '/usr/lib/cups';

export function cupsServerAvailable(): boolean {
  return existsSync(CUPSD) && existsSync(path.join(SERVER_BIN, 'backend'));
}

export interface TestPrinter {
  name: string;
  /** Where the "pdfdir" backend puts each job as job-<n>.pdf. */
  outDir: string;
  /** The PDFs printed so far, oldest first. */
  printed(): Promise<Uint8Array[]>;
}

export interface CupsServer {
  /** CUPS_SERVER for the client tools, e.g. 127.0.0.1:43121. */
  server: string;
  /** A command runner whose lp/lpstat/cancel talk to this scheduler. */
  run: CommandRunner;
  addPrinter(name: string, options?: { jammed?: boolean }): Promise<TestPrinter>;
  /** cupsdisable / cupsenable: a paused printer queues jobs but prints none. */
  pause(name: string): Promise<void>;
  resume(name: string): Promise<void>;
  stop(): Promise<void>;
}

const PDF_DIR_BACKEND = `#!/bin/sh
[ $# -eq 0 ] && { echo 'file pdfdir "Unknown" "PDF folder"'; exit 0; }
out="\${DEVICE_URI#pdfdir:}/job-$1.pdf"
if [ -n "$6" ]; then cp "$6" "$out.part"; else cat > "$out.part"; fi && mv "$out.part" "$out"
`;
const JAMMED_BACKEND = `#!/bin/sh
[ $# -eq 0 ] && exit 0
echo "STATE: +media-empty-error" >&2
echo "ERROR: media-empty-error" >&2
exit 1
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const exec = (command: string, args: string[]) =>
  new Promise<void>((resolve, reject) =>
    execFile(command, args, (error) => (error ? reject(error) : resolve())),
  );

export async function startCupsServer(): Promise<CupsServer> {
  if (!cupsServerAvailable()) {
    throw new Error('cupsd is not installed (Debian: apt-get install cups-daemon cups-client)');
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'kiosk-cups-'));
  chmodSync(root, 0o755);
  const dirs = ['spool', 'cache', 'state', 'tmp', 'log', 'ppd', 'out'].map((d) => path.join(root, d));
  for (const dir of dirs) mkdirSync(dir, { recursive: true, mode: 0o777 });
  // cupsd will not run jobs as root; as root it drops to lp, which must own its folders.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await exec('chown', ['-R', 'lp:lp', ...dirs.filter((d) => !d.endsWith('log'))]);
  for (const dir of dirs) chmodSync(dir, 0o777);

  const serverBin = path.join(root, 'serverbin');
  mkdirSync(path.join(serverBin, 'backend'), { recursive: true });
  for (const entry of readdirSync(SERVER_BIN)) {
    if (entry !== 'backend') symlinkSync(path.join(SERVER_BIN, entry), path.join(serverBin, entry));
  }
  writeFileSync(path.join(serverBin, 'backend', 'pdfdir'), PDF_DIR_BACKEND, { mode: 0o755 });
  writeFileSync(path.join(serverBin, 'backend', 'jammed'), JAMMED_BACKEND, { mode: 0o755 });

  const port = await freePort();
  const log = path.join(root, 'log');
  writeFileSync(
    path.join(root, 'cupsd.conf'),
    [
      `Listen 127.0.0.1:${port}`,
      'LogLevel warn',
      'Browsing Off',
      'WebInterface No',
      'DefaultAuthType None',
      '<Location />\n  Order allow,deny\n  Allow from 127.0.0.1\n</Location>',
      '<Location /admin>\n  Order allow,deny\n  Allow from 127.0.0.1\n</Location>',
      '<Policy default>\n  <Limit All>\n    Order allow,deny\n    Allow from all\n  </Limit>\n</Policy>',
      '',
    ].join('\n'),
  );
  const user = asRoot ? 'lp' : os.userInfo().username;
  writeFileSync(
    path.join(root, 'cups-files.conf'),
    [
      `ServerRoot ${root}`,
      `RequestRoot ${path.join(root, 'spool')}`,
      `CacheDir ${path.join(root, 'cache')}`,
      `StateDir ${path.join(root, 'state')}`,
      `TempDir ${path.join(root, 'tmp')}`,
      `ErrorLog ${path.join(log, 'error_log')}`,
      `AccessLog ${path.join(log, 'access_log')}`,
      `PageLog ${path.join(log, 'page_log')}`,
      `ServerBin ${serverBin}`,
      'DataDir /usr/share/cups',
      `User ${user}`,
      `Group ${asRoot ? 'lp' : user}`,
      'Sandboxing Relaxed',
      '',
    ].join('\n'),
  );

  const daemon: ChildProcess = spawn(
    CUPSD,
    ['-f', '-c', path.join(root, 'cupsd.conf'), '-s', path.join(root, 'cups-files.conf')],
    { stdio: 'ignore' },
  );
  const killDaemon = () => {
    if (daemon.exitCode === null) daemon.kill('SIGTERM');
  };
  process.once('exit', killDaemon);

  const server = `127.0.0.1:${port}`;
  const run = createCommandRunner({ CUPS_SERVER: server });
  for (let i = 0; ; i++) {
    const state = await run('lpstat', ['-r']);
    if (/scheduler is running/i.test(state.stdout)) break;
    if (i > 100 || daemon.exitCode !== null) {
      killDaemon();
      throw new Error(`the test cupsd did not start (see ${log}/error_log)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const must = async (command: string, args: string[]) => {
    const result = await run(command, args);
    if (result.code !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr || result.stdout}`);
  };

  return {
    server,
    run,
    async addPrinter(name, options = {}) {
      const outDir = path.join(root, 'out', name);
      mkdirSync(outDir, { recursive: true, mode: 0o777 });
      chmodSync(outDir, 0o777);
      const uri = options.jammed ? 'jammed:/' : `pdfdir:${outDir}`;
      // Raw queues are deprecated in CUPS 2.4 (a warning on stderr) but still print.
      await must('lpadmin', [
        '-p',
        name,
        '-E',
        '-v',
        uri,
        '-m',
        'raw',
        '-o',
        'printer-error-policy=abort-job',
      ]);
      return {
        name,
        outDir,
        async printed() {
          const files = readdirSync(outDir)
            .filter((f) => /^job-\d+\.pdf$/.test(f))
            .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
          return Promise.all(files.map(async (f) => new Uint8Array(await readFile(path.join(outDir, f)))));
        },
      };
    },
    pause: (name) => must('cupsdisable', [name]),
    resume: (name) => must('cupsenable', [name]),
    async stop() {
      process.removeListener('exit', killDaemon);
      if (daemon.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        daemon.once('exit', () => resolve());
        daemon.kill('SIGTERM');
      });
    },
  };
}
