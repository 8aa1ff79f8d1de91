import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { testOffice, enrol } from '../test-support/office.ts';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { dossierPayload, item } from '../test-support/fixtures.ts';
import { startLinkEmulator } from '../test-support/link-emulator.ts';
import { createSyncTransport } from '../../main/services/sync-transport.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;

/**
 * Issue 11, item 7: request bodies gzip-compressed by the kiosk (negotiated through the
 * office's health answer, so an older office gets plain JSON) and inflated by the office
 * within the route's body limit; answers compressed by Accept-Encoding; sync holds over
 * the emulated poor link.
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

  it('gzips push bodies to this office, which inflates and stores them, and answers gzip', async () => {
    const bytesIn: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      if (init?.body instanceof Uint8Array) bytesIn.push(init.body.byteLength);
      else if (typeof init?.body === 'string') bytesIn.push(Buffer.byteLength(init.body));
      return fetch(input, init);
    };
    const transport = createSyncTransport({ baseUrl: office.url, getToken: () => token, fetch: counting });
    const health = await transport.health();
    expect(health.ok && health.value.requestEncodings).toEqual(['gzip']);
    const items = batch(100, 100);
    const plainBytes = Buffer.byteLength(
      JSON.stringify({ protocol: 1, appVersion: '0.1.0', waiting: 100, items }),
    );
    const pushed = await transport.push({ protocol: 1, appVersion: '0.1.0', waiting: 100, items });
    expect(pushed.ok && pushed.value.results.every((r) => r.outcome === 'stored')).toBe(true);
    // Dossier JSON compresses well: what crossed the wire is a fraction of the JSON.
    expect(bytesIn.at(-1)!).toBeLessThan(plainBytes / 3);
    const rows = await office.database.db
      .selectFrom('dossiers')
      .select('content_hash')
      .where(
        'id',
        'in',
        items.map((i) => i.id),
      )
      .execute();
    expect(new Set(rows.map((r) => r.content_hash))).toEqual(new Set(items.map((i) => i.hash)));
    // Answers are compressed when the client asks (undici's fetch inflates them for the transport).
    const raw = await fetch(`${office.url}/api/sync/push`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Accept-Encoding': 'gzip',
        Authorization: `Bearer ${token}`,
      },
      body: gzipSync(JSON.stringify({ protocol: 1, appVersion: '0.1.0', waiting: 100, items })),
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-encoding')).toBe('gzip');
  });

  it('refuses a gzip body that inflates past the route limit (413), a corrupt one (400) and another encoding (415)', async () => {
    const post = (body: Uint8Array, encoding: string) =>
      fetch(`${office.url}/api/sync/push`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Encoding': encoding,
          Authorization: `Bearer ${token}`,
        },
        body: new Uint8Array(body),
      });
    // 5 MiB of spaces after a valid start: a few KiB on the wire, over the 4 MiB push limit inflated.
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"protocol":1,'), Buffer.alloc(5 * 1024 * 1024, 32)]));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const tooLarge = await post(bomb, 'gzip');
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ kind: 'error', error: 'too-large' });
    const corrupt = await post(Buffer.from('not gzip at all'), 'gzip');
    expect(corrupt.status).toBe(400);
    expect(await corrupt.json()).toMatchObject({ kind: 'error', error: 'bad-request' });
    const other = await post(Buffer.from('{}'), 'br');
    expect(other.status).toBe(415);
    expect(await other.json()).toMatchObject({
      error: 'unsupported-media-type',
      reasons: [expect.stringContaining('Content-Encoding br')],
    });
  });

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
