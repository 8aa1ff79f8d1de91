/**
 * A pair of connected pseudo-terminals made by socat (Debian: apt-get install socat): what
 * is written to `scannerEnd` arrives at `kioskEnd`, as a USB-serial scanner's bytes arrive
 * at its COM port.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface PtyPair {
  /** The path the kiosk opens as its serial port. */
  kioskEnd: string;
  /** Writes what a scanner would send. */
  send(text: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pty-pair-'));
  const kioskEnd = path.join(dir, 'kiosk');
  const scannerEnd = path.join(dir, 'scanner');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${kioskEnd}`, `pty,raw,echo=0,link=${scannerEnd}`], {
    stdio: 'ignore',
  });
  const failed = new Promise<never>((_, reject) => {
    socat.once('error', (error) =>
      reject(new Error(`socat could not start (apt-get install socat): ${error.message}`)),
    );
  });
  const deadline = Date.now() + 5_000;
  while (!(existsSync(kioskEnd) && existsSync(scannerEnd))) {
    if (Date.now() > deadline) throw new Error('socat made no pseudo-terminals within 5 s');
    await Promise.race([new Promise((r) => setTimeout(r, 20)), failed]);
  }
  return {
    kioskEnd,
    async send(text) {
      const handle = await open(scannerEnd, 'w');
      try {
        await handle.write(text);
      } finally {
        await handle.close();
      }
    },
    async close() {
      if (socat.exitCode === null) {
        const exited = new Promise((r) => socat.once('exit', r));
        socat.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
