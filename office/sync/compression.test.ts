import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { testOffice, enrol } from '../test-support/office.ts';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { dossierPayload, item } from '../test-support/fixtures.ts';
import { startLinkEmulator } from '../test-support/link-emulator.ts';
import { createSyncTransport } from '../../main/services/sync-transport.ts';
import { PushAnswerSchema, SYNC_LIMITS } from '../../shared/contracts/sync.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;

/** Issue 11, item 7: bodies compressed both ways, negotiated so older offices and kiosks still work. */
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

  it('gzips push bodies once /api/health says the office takes them, and the office stores them', async () => {
    const sent: { encoding: string | null; bytes: number }[] = [];
    const transport = createSyncTransport({
      baseUrl: office.url,
      getToken: () => token,
      fetch: (url, init) => {
        const headers = new Headers(init?.headers);
        if (String(url).endsWith('/push'))
          sent.push({
            encoding: headers.get('content-encoding'),
            bytes: (init?.body as Uint8Array | string).length,
          });
        return fetch(url, init);
      },
    });
    const items = batch(50, 1);
    const plain = await transport.push({ protocol: 1, appVersion: '0.1.0', waiting: 100, items });
    expect(plain.ok).toBe(true);
    expect(sent[0]!.encoding).toBeNull(); // nothing negotiated yet: plain, as to an older office
    expect((await transport.health()).ok).toBe(true);
    const more = batch(50, 51);
    const zipped = await transport.push({ protocol: 1, appVersion: '0.1.0', waiting: 50, items: more });
    expect(zipped.ok && zipped.value.results.every((r) => r.outcome === 'stored')).toBe(true);
    expect(sent[1]!.encoding).toBe('gzip');
    expect(sent[1]!.bytes).toBeLessThan(sent[0]!.bytes / 3);
    const ids = await office.database.db
      .selectFrom('dossiers')
      .select('id')
      .where(
        'id',
        'in',
        more.map((i) => i.id),
      )
      .execute();
    expect(ids).toHaveLength(50);
  });

  it('gzips answers only for a client that asks, and refuses a body that inflates past the limit (413)', async () => {
    const body = JSON.stringify({ protocol: 1, appVersion: '0.1.0', waiting: 20, items: batch(20, 200) });
    const raw = async (headers: Record<string, string>, payload: Buffer | string) => {
      const url = new URL(`${office.url}/api/sync/push`);
      // node:http, not fetch: fetch would inflate the answer and hide its encoding.
      const { request } = await import('node:http');
      return new Promise<{ status: number; encoding: string | undefined; body: Buffer }>(
        (resolve, reject) => {
          const req = request(
            url,
            {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                resolve({
                  status: res.statusCode!,
                  encoding: res.headers['content-encoding'],
                  body: Buffer.concat(chunks),
                }),
              );
            },
          );
          req.on('error', reject);
          req.end(payload);
        },
      );
    };
    const zipped = await raw({ 'Accept-Encoding': 'gzip' }, body);
    expect(zipped.encoding).toBe('gzip');
    expect(PushAnswerSchema.parse(JSON.parse(gunzipSync(zipped.body).toString())).results).toHaveLength(20);
    const plain = await raw({}, body);
    expect(plain.encoding).toBeUndefined();
    expect(PushAnswerSchema.parse(JSON.parse(plain.body.toString())).results[0]!.outcome).toBe('duplicate');
    const bomb = gzipSync(Buffer.alloc(SYNC_LIMITS.maxJsonBodyBytes + 1024, 0x20));
    expect(bomb.length).toBeLessThan(20_000);
    expect((await raw({ 'Content-Encoding': 'gzip' }, bomb)).status).toBe(413);
    expect((await raw({ 'Content-Encoding': 'gzip' }, Buffer.from('not gzip'))).status).toBe(400);
    expect((await raw({ 'Content-Encoding': 'br' }, body)).status).toBe(415);
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
