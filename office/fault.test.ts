import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { startFaultProxy, type FaultProxy } from './test-support/fault-proxy.ts';
import { SimulatedKiosk } from './test-support/sim-kiosk.ts';
import { dossierPayload, item } from './test-support/fixtures.ts';
import { openDatabase, type DbConfig } from './db/connect.ts';
import { forEachDatabase } from './test-support/db-targets.ts';
import { createEnrolmentCode } from './sync/enrol.ts';
import { createSyncTransport } from '../main/services/sync-transport.ts';

/**
 * N dossiers and their photos from 3 kiosks through a fault-injecting proxy, with the
 * office process killed (SIGKILL) mid-batch and restarted: exactly N rows, none lost or
 * duplicated, every outbox empty; every photo whole at the office, each byte stored once,
 * though chunk uploads were cut mid-body and their answers lost. On SQLite and on
 * PostgreSQL. N = OFFICE_FAULT_DOSSIERS (default 10,000 on SQLite) and
 * OFFICE_FAULT_DOSSIERS_PG (default 3,000: the second run keeps the test within its
 * budget on a shared machine); both bounded by a deadline.
 */
const KIOSKS = 3;
const PHOTOS_PER_KIOSK = 4;
const PHOTO_BYTES = 120 * 1024;
const CHUNK_BYTES = 32 * 1024;
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

function startOfficeProcess(config: DbConfig, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'office/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      OFFICE_PORT: String(port),
      OFFICE_HOST: '127.0.0.1',
      OFFICE_DATA_DIR: config.dataDir,
      OFFICE_ADMIN_PASSWORD: 'fault-test-pw',
      DATABASE_URL: config.databaseUrl ?? '',
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

forEachDatabase(
  `sync under faults: dossiers and photos from ${KIOSKS} kiosks, office killed mid-batch`,
  (target) => {
    const N =
      target.name === 'sqlite'
        ? Number(process.env.OFFICE_FAULT_DOSSIERS ?? 10_000)
        : Number(process.env.OFFICE_FAULT_DOSSIERS_PG ?? 3_000);
    let config: DbConfig;
    let port: number;
    let office: ChildProcess | null = null;
    let proxy: FaultProxy;

    beforeAll(async () => {
      const fresh = await target.fresh();
      // The office keeps its files (certificate folder, clips) in a data folder on PostgreSQL too.
      config = { ...fresh, dataDir: fresh.dataDir || mkdtempSync(join(tmpdir(), 'office-fault-')) };
      port = await freePort();
      office = await startOfficeProcess(config, port);
    }, 60_000);
    afterAll(async () => {
      office?.kill('SIGKILL');
      await proxy?.close();
      if (target.name === 'postgres') rmSync(config.dataDir, { recursive: true, force: true });
    });

    it(
      `ends with exactly ${N} rows and ${KIOSKS * PHOTOS_PER_KIOSK} whole photos, none lost, none duplicated, every outbox empty`,
      { timeout: DEADLINE_MS + 30_000 },
      async () => {
        const started = Date.now();
        // Enrol the kiosks through the API (codes made as the dashboard would).
        const setup = await openDatabase(config);
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
          faultPaths: (p) => p.startsWith('/api/sync/push') || p.startsWith('/api/sync/attachments/'),
          onForward: (p) => {
            // Kill the office while a push is in flight to it, once, about a third of the way through.
            if (p === '/api/sync/push' && ++pushes === Math.max(3, Math.floor(N / 200 / 3)) && !killed) {
              killed = true;
              setTimeout(() => {
                office!.kill('SIGKILL');
                office = null;
                setTimeout(() => void startOfficeProcess(config, port).then((c) => (office = c)), 700);
              }, 5);
            }
          },
        });

        const per = Math.ceil(N / KIOSKS);
        const photos: { hash: string; bytes: Uint8Array }[][] = [];
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
          // Photos of the kiosk's first dossiers, announced after them, as the kiosk queues them.
          photos.push(
            Array.from({ length: PHOTOS_PER_KIOSK }, () => {
              const bytes = new Uint8Array(randomBytes(PHOTO_BYTES));
              return { hash: createHash('sha256').update(bytes).digest('hex'), bytes };
            }),
          );
          photos[k]!.forEach((photo, j) =>
            items.push(
              item(
                'attachment-meta',
                {
                  id: randomUUID(),
                  dossierId: items[j]!.id,
                  hash: photo.hash,
                  size: photo.bytes.length,
                  mediaType: 'image/jpeg',
                  fileName: `anh-${j}.jpg`,
                },
                count + j + 1,
              ),
            ),
          );
          return new SimulatedKiosk(proxy.url, token, items, 200, 2000);
        });
        const deadline = started + DEADLINE_MS;
        await Promise.all(kiosks.map((k) => k.drain(deadline)));
        const uploaded = await Promise.all(
          kiosks.map((k, i) => k.uploadPhotos(photos[i]!, deadline, CHUNK_BYTES)),
        );

        expect(killed).toBe(true);
        for (const k of kiosks) {
          expect(k.refused).toEqual([]);
          expect(k.outbox.size).toBe(0);
        }
        while (!office) await new Promise((r) => setTimeout(r, 100));
        const check = await openDatabase(config);
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
        const allPhotos = photos.flat();
        const held = await check.db
          .selectFrom('attachments')
          .select(['hash', 'total', 'received', 'complete'])
          .execute();
        const chunks = await check.db
          .selectFrom('attachment_chunks')
          .select(['hash', 'offset', 'data'])
          .orderBy('hash')
          .orderBy('offset')
          .execute();
        await check.close();
        expect(uploaded.map((u) => u.length)).toEqual(photos.map((p) => p.length));
        expect(
          held.map((a) => [a.hash, Number(a.total), Number(a.received), Number(a.complete)]).sort(),
        ).toEqual(allPhotos.map((p) => [p.hash, p.bytes.length, p.bytes.length, 1]).sort());
        // Each byte once: the stored chunks of a photo are its bytes, in order, no overlap or repeat.
        for (const photo of allPhotos) {
          const own = chunks.filter((c) => c.hash === photo.hash);
          expect(own.map((c) => Number(c.offset))).toEqual(
            own.reduce<number[]>(
              (offsets, c, i) => [...offsets, i === 0 ? 0 : offsets[i - 1]! + own[i - 1]!.data.length],
              [],
            ),
          );
          expect(Buffer.concat(own.map((c) => Buffer.from(c.data))).equals(Buffer.from(photo.bytes))).toBe(
            true,
          );
        }
        expect(Number(n)).toBe(N);
        expect(Number(distinct)).toBe(N);
        expect(perKiosk.map((r) => Number(r.n)).sort()).toEqual(
          kiosks.map((k, i) => Math.min(per, N - i * per)).sort(),
        );
        for (const r of perKiosk) expect(Number(r.top)).toBe(Number(r.n)); // no gaps, no extras (photos' items follow)
        const faults = proxy.counts;
        console.log(
          `fault test [${target.name}]: ${N} dossiers and ${allPhotos.length} photos in ${Date.now() - started} ms; faults ${JSON.stringify(faults)}; retries ${kiosks.map((k) => k.failures).join('/')}`,
        );
        expect(faults['reset-after-commit']).toBeGreaterThan(0);
        expect(faults['html-200']).toBeGreaterThan(0);
        expect(faults.truncate).toBeGreaterThan(0);
        expect(faults['reset-mid-request']).toBeGreaterThan(0);
      },
    );
  },
);
