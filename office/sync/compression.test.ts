import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testOffice, enrol } from '../test-support/office.ts';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { dossierPayload, item } from '../test-support/fixtures.ts';
import { startLinkEmulator } from '../test-support/link-emulator.ts';
import { createSyncTransport } from '../../main/services/sync-transport.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;

/**
 * Issue 11, item 7: the kiosk gzips request bodies only for an office whose health lists
 * it (this office's Fastify layer does not inflate request bodies, so it does not), and
 * sync holds over the emulated poor link.
 */
forEachDatabase('compressed sync', (target) => {
  let office: Office;
  let token: string;
  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    ({ token } = await enrol(office));
  }, 60_000);
  afterAll(async () => office.cleanup());

  const batch = (n: number, from: number) =>
    Array.from({ length: n }, (_, i) => item('dossier', dossierPayload(), from + i));

  it('sends plain JSON to an older office whose health does not list gzip', async () => {
    const seen: (string | undefined)[] = [];
    const older = createServer((req, res) => {
      seen.push(req.headers['content-encoding']);
      req.resume();
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ service: 'commune-office', protocol: 1, time: new Date().toISOString() }));
    });
    await new Promise<void>((r) => older.listen(0, '127.0.0.1', r));
    try {
      const transport = createSyncTransport({
        baseUrl: `http://127.0.0.1:${(older.address() as AddressInfo).port}`,
        getToken: () => token,
      });
      expect((await transport.health()).ok).toBe(true);
      await transport.push({ protocol: 1, appVersion: '0.1.0', waiting: 30, items: batch(30, 300) });
      expect(seen).toEqual([undefined, undefined]);
    } finally {
      await new Promise<void>((r) => older.close(() => r()));
    }
  });

  it('syncs through the emulated poor link (rate, delay, loss) and survives a cut', async () => {
    const { port } = new URL(office.url);
    const link = await startLinkEmulator({
      target: { host: '127.0.0.1', port: Number(port) },
      upBitsPerSecond: 1_000_000,
      downBitsPerSecond: 4_000_000,
      rttMs: 150,
      loss: 0.01,
      seed: 3,
    });
    try {
      const transport = createSyncTransport({ baseUrl: link.url, getToken: () => token, timeoutMs: 20_000 });
      const started = performance.now();
      expect((await transport.health()).ok).toBe(true);
      // A round trip and the handshake: at least 150 ms each.
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      const items = batch(100, 400);
      const first = await transport.push({ protocol: 1, appVersion: '0.1.0', waiting: 100, items });
      expect(first.ok).toBe(true);
      link.cut();
      const resend = () => transport.push({ protocol: 1, appVersion: '0.1.0', waiting: 100, items });
      let again = await resend();
      // The kept-alive connection died with the cut: that attempt fails as a network error, the next goes through.
      if (!again.ok) {
        expect(again.failure.kind).toBe('network');
        again = await resend();
      }
      expect(again.ok && again.value.results.every((r) => r.outcome === 'duplicate')).toBe(true);
      expect(link.bytes.up).toBeGreaterThan(0);
    } finally {
      await link.close();
    }
  }, 60_000);
});
