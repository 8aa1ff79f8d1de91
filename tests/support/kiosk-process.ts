/**
 * The kiosk's headless host as its own process (`kiosk-browser.ts`, serve only), so a
 * test can kill it outright (SIGKILL) as a power cut would, and start it again on the
 * same port and data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface KioskProcess {
  /** The single-use launch address the host printed (its bridge answers the browser that opens it). */
  url: string;
  kill(): Promise<void>;
}

export async function startKioskProcess(options: {
  port: number;
  profileFile: string;
  dataDir: string;
  env?: Record<string, string>;
}): Promise<KioskProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'main/node/kiosk-browser.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      KIOSK_NO_BROWSER: '1',
      KIOSK_PORT: String(options.port),
      KIOSK_PROFILE: options.profileFile,
      KIOSK_DATA_DIR: options.dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  let url: string;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kiosk host exited: ${output}`);
    const printed = /open once: (\S+)/.exec(output)?.[1];
    if (printed) {
      url = printed;
      break;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`kiosk host did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
