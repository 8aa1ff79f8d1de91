import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startFaultProxy, type FaultProxy } from './test-support/fault-proxy.ts';
import { SimulatedKiosk } from './test-support/sim-kiosk.ts';
import { dossierPayload, item } from './test-support/fixtures.ts';
import { openDatabase } from './db/connect.ts';
import { createEnrolmentCode } from './sync/enrol.ts';
import { createSyncTransport } from '../main/services/sync-transport.ts';

/**
 * N dossiers from 3 kiosks through a fault-injecting proxy, with the office process
 * killed (SIGKILL) mid-batch and restarted: exactly N rows, none lost or duplicated,
 * every outbox empty. N = OFFICE_FAULT_DOSSIERS (default 10,000; bounded by a deadline).
 */
const N = Number(process.env.OFFICE_FAULT_DOSSIERS ?? 10_000);
const KIOSKS = 3;
const DEADLINE_MS = 150_000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function startOfficeProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'office/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      OFFICE_PORT: String(port),
      OFFICE_HOST: '127.0.0.1',
      OFFICE_DATA_DIR: dataDir,
      OFFICE_ADMIN_PASSWORD: 'fault-test-pw',
      DATABASE_URL: '',
      // The fault proxy cuts and resets plain HTTP mid-body: the explicit development switch.
      OFFICE_INSECURE_HTTP: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`office exited (${code}): ${out}`)));
    setTimeout(() => reject(new Error(`office did not start: ${out}`)), 30_000);
  });
}

describe(`sync under faults: ${N} dossiers from ${KIOSKS} kiosks, office killed mid-batch`, () => {
  let dataDir: string;
  let port: number;
  let office: ChildProcess | null = null;
  let proxy: FaultProxy;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'office-fault-'));
    port = await freePort();
    office = await startOfficeProcess(dataDir, port);
  }, 60_000);
  afterAll(async () => {
    office?.kill('SIGKILL');
    await proxy?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'ends with exactly N rows, none lost, none duplicated, every outbox empty',
    { timeout: DEADLINE_MS + 30_000 },
    async () => {
      const started = Date.now();
      // Enrol the kiosks through the API (codes made as the dashboard would).
      const setup = await openDatabase({ dataDir });
      const admin = await setup.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
      const codes = await Promise.all(
        Array.from({ length: KIOSKS }, () => createEnrolmentCode(setup.db, Number(admin.id), Date.now())),
      );
      await setup.close();
      const direct = createSyncTransport({ baseUrl: `http://127.0.0.1:${port}`, getToken: () => null });
      const tokens: string[] = [];
      for (const [i, code] of codes.entries()) {
        const r = await direct.enrol({
          protocol: 1,
          code,
          deviceName: `Kiosk ${i + 1}`,
          appVersion: '0.1.0',
        });
        if (!r.ok) throw new Error(r.failure.reasons.join());
        tokens.push(r.value.token);
      }

      let pushes = 0;
      let killed = false;
      proxy = await startFaultProxy({
        target: { host: '127.0.0.1', port },
        seed: 20261121,
        delayMs: 200,
        weights: {
          pass: 70,
          delay: 6,
          drop: 1,
          'reset-mid-request': 5,
          'reset-after-commit': 6,
          truncate: 5,
          'html-200': 5,
        },
        faultPaths: (p) => p.startsWith('/api/sync/push'),
        onForward: (p) => {
          // Kill the office while a push is in flight to it, once, about a third of the way through.
          if (p === '/api/sync/push' && ++pushes === Math.max(3, Math.floor(N / 200 / 3)) && !killed) {
            killed = true;
            setTimeout(() => {
              office!.kill('SIGKILL');
              office = null;
              setTimeout(() => void startOfficeProcess(dataDir, port).then((c) => (office = c)), 700);
            }, 5);
          }
        },
      });

      const per = Math.ceil(N / KIOSKS);
      const kiosks = tokens.map((token, k) => {
        const count = Math.min(per, N - k * per);
        const items = Array.from({ length: count }, (_, i) =>
          item(
            'dossier',
            dossierPayload({
              id: randomUUID(),
              kioskId: `kiosk-${k}`,
              // Each kiosk numbers its own codes (…K01-…, …K02-…), as shared/dossier/dossier-code.ts does.
              code: `H12.34.K${String(k + 1).padStart(2, '0')}-261121-${String(i + 1).padStart(4, '0')}`,
            }),
            i + 1,
          ),
        );
        return new SimulatedKiosk(proxy.url, token, items, 200, 2000);
      });
      const deadline = started + DEADLINE_MS;
      await Promise.all(kiosks.map((k) => k.drain(deadline)));

      expect(killed).toBe(true);
      for (const k of kiosks) {
        expect(k.refused).toEqual([]);
        expect(k.outbox.size).toBe(0);
      }
      while (!office) await new Promise((r) => setTimeout(r, 100));
      const check = await openDatabase({ dataDir });
      const { n, distinct } = await check.db
        .selectFrom('dossiers')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.count<number>('id').distinct().as('distinct'),
        ])
        .executeTakeFirstOrThrow();
      const perKiosk = await check.db
        .selectFrom('dossiers')
        .select(['kiosk_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('seq').as('top')])
        .groupBy('kiosk_id')
        .execute();
      await check.close();
      expect(Number(n)).toBe(N);
      expect(Number(distinct)).toBe(N);
      expect(perKiosk.map((r) => Number(r.n)).sort()).toEqual(
        kiosks.map((k, i) => Math.min(per, N - i * per)).sort(),
      );
      for (const r of perKiosk) expect(Number(r.top)).toBe(Number(r.n)); // no gaps, no extras
      const faults = proxy.counts;
      console.log(
        `fault test: ${N} dossiers in ${Date.now() - started} ms; faults ${JSON.stringify(faults)}; retries ${kiosks.map((k) => k.failures).join('/')}`,
      );
      expect(faults['reset-after-commit']).toBeGreaterThan(0);
      expect(faults['html-200']).toBeGreaterThan(0);
      expect(faults.truncate).toBeGreaterThan(0);
      expect(faults['reset-mid-request']).toBeGreaterThan(0);
    },
  );
});
