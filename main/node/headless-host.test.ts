import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeContract } from '../../shared/contracts/bridge.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { defaultCatalogue, officeCatalogueFile } from '../services/catalogue.ts';
import { CONTENT_SECURITY_POLICY } from '../services/security-policy.ts';
import {
  fakeRendererBuild,
  rawRequest,
  tempDir,
  validProfile,
  writeProfile,
} from '../test-support/fixtures.ts';
import { HostStartError, startHeadlessHost, type HeadlessHost } from './headless-host.ts';
import { redeemLaunch } from '../test-support/bridge-cookie.ts';

describe('headless host', () => {
  let host: HeadlessHost;
  /** The launch's bridge secret, as the kiosk browser holds it. */
  let cookie: string;
  const distDir = fakeRendererBuild();

  beforeAll(async () => {
    const profilePath = writeProfile(tempDir('host'), validProfile());
    host = await startHeadlessHost({
      port: 0,
      profilePath,
      distDir,
      maxBodyBytes: 4096,
      appVersion: '9.9.9',
    });
    cookie = await redeemLaunch(host.launchUrl());
  });
  afterAll(() => host.close());

  const post = (method: string, body: string, headers: Record<string, string> = {}) =>
    rawRequest({
      port: host.port,
      method: 'POST',
      path: `/bridge/${method}`,
      body,
      headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers },
    });

  it("refuses bridge and print calls without this launch's secret (another process or OS user)", async () => {
    for (const Cookie of [undefined, 'kiosk_bridge=', 'kiosk_bridge=guess', `${cookie}x`, 'other=1']) {
      const headers: Record<string, string> = Cookie === undefined ? {} : { Cookie };
      const bridge = await rawRequest({
        port: host.port,
        method: 'POST',
        path: '/bridge/syncStatus',
        body: '{}',
        headers: { 'Content-Type': 'application/json', ...headers },
      });
      expect(bridge.status, String(Cookie)).toBe(401);
      expect(JSON.parse(bridge.body)).toMatchObject({ ok: false, error: { code: 'bridge-locked' } });
      const kept = await rawRequest({ port: host.port, path: '/print/abc/receipt.html', headers });
      expect(kept.status, String(Cookie)).toBe(401);
    }
    // The kiosk page's cookie opens both (no such print kept: 404, not 401).
    expect((await post('syncStatus', '{}')).status).toBe(200);
    const kept = await rawRequest({
      port: host.port,
      path: '/print/abc/receipt.html',
      headers: { Cookie: cookie },
    });
    expect(kept.status).toBe(404);
  });

  it('gives the secret once per launch address, as an HttpOnly same-site cookie, and never to the plain page', async () => {
    const launchUrl = host.launchUrl();
    const first = await fetch(launchUrl);
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toMatch(
      /^kiosk_bridge=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(`${first.headers.get('set-cookie')?.split(';')[0]}`).toBe(cookie);
    // Spent: a second load (another process reading the browser's command line) gets the page only.
    const again = await fetch(launchUrl);
    expect(again.status).toBe(200);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${host.url}?launch=made-up`)).headers.get('set-cookie')).toBeNull();
    expect((await fetch(host.url)).headers.get('set-cookie')).toBeNull();
  });

  it('listens on loopback only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves index.html with a strict CSP and hardening headers', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('serves assets with their type and falls back to index.html for client routes only', async () => {
    const asset = await fetch(new URL('assets/index-abc123.js', host.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const route = await fetch(new URL('procedures/2.000815x', host.url));
    expect(route.status).toBe(404); // has an "extension": not a client route
    const clientRoute = await fetch(new URL('today', host.url));
    expect(clientRoute.status).toBe(200);
    expect(await clientRoute.text()).toContain('<div id="root">');

    expect((await fetch(new URL('assets/missing.js', host.url))).status).toBe(404);
  });

  it("sends the build's brotli copy to a browser that accepts br, the file itself otherwise", async () => {
    const script = path.join(distDir, 'assets', 'index-abc123.js');
    writeFileSync(`${script}.br`, brotliCompressSync(readFileSync(script)));
    // Node's fetch accepts br and decodes it: the body is the script itself.
    const compressed = await fetch(new URL('assets/index-abc123.js', host.url), {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(compressed.headers.get('vary')).toBe('Accept-Encoding');
    expect(compressed.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await compressed.text()).toBe('console.log("kiosk");');

    const plain = await rawRequest({
      port: host.port,
      path: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, br;q=0' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log("kiosk");');
    // index.html has no brotli copy here: sent as it is.
    const page = await fetch(host.url, { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('content-encoding')).toBeNull();
  });

  it('never serves files outside the build or dotfiles', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/.env',
      '/%00',
    ]) {
      const response = await rawRequest({ port: host.port, path });
      // Either a 404 or (a dot-dot the URL parser folded away into a client route) index.html.
      expect([200, 404], path).toContain(response.status);
      if (response.status === 200) expect(response.body, path).toContain('<div id="root">');
      expect(response.body, path).not.toMatch(/SECRET|root:|commune-kiosk/);
    }
    expect((await rawRequest({ port: host.port, path: '/.env' })).status).toBe(404);
    expect((await rawRequest({ port: host.port, path: '/assets/..%2f..%2fpackage.json' })).status).toBe(404);
  });

  it('answers getKioskConfig over the bridge with a contract-valid config', async () => {
    const response = await post('getKioskConfig', '{}');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(response.body) as { ok: boolean; value: unknown };
    expect(body.ok).toBe(true);
    const config = bridgeContract.getKioskConfig.output.parse(body.value);
    expect(config).toMatchObject({
      host: 'headless',
      appVersion: '9.9.9',
      profile: { office: { communeCode: '00565' } },
    });
  });

  it('accepts same-origin browser requests (fetch from the page)', async () => {
    const response = await fetch(new URL('bridge/getKioskConfig', host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: host.url.slice(0, -1), Cookie: cookie },
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const rebinding = await rawRequest({
      port: host.port,
      path: '/',
      headers: { Host: `evil.example:${host.port}` },
    });
    expect(rebinding.status).toBe(403);
    const wrongPort = await rawRequest({ port: host.port, path: '/', headers: { Host: '127.0.0.1:1' } });
    expect(wrongPort.status).toBe(403);
    const crossSite = await post('getKioskConfig', '{}', { Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const fetchMetadata = await post('getKioskConfig', '{}', { 'Sec-Fetch-Site': 'cross-site' });
    expect(fetchMetadata.status).toBe(403);
  });

  it('answers bad bridge requests with a BridgeResponse error and a matching status', async () => {
    const unknown = await post('formatDisk', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });

    const badJson = await post('getKioskConfig', '{nope');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-json' } });

    const badInput = await post('getKioskConfig', '"a string"');
    expect(badInput.status).toBe(400);
    expect(JSON.parse(badInput.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const notJson = await post('getKioskConfig', '{}', { 'Content-Type': 'text/plain' });
    expect(notJson.status).toBe(415);

    const wrongVerb = await rawRequest({
      port: host.port,
      path: '/bridge/getKioskConfig',
      headers: { Cookie: cookie },
    });
    expect(wrongVerb.status).toBe(405);
    expect(wrongVerb.headers.allow).toBe('POST');
  });

  it('refuses bodies over the limit, declared or streamed', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(10_000) });
    const declared = await post('getKioskConfig', big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
    const chunked = await post('getKioskConfig', big, { 'Transfer-Encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    // The host is still serving afterwards.
    expect((await post('getKioskConfig', '{}')).status).toBe(200);
  });
});

describe('headless host start-up checks', () => {
  it('refuses to start with an invalid profile, naming the field', async () => {
    const profile = validProfile();
    profile.office.communeCode = 'ABC';
    const profilePath = writeProfile(tempDir('host'), profile);
    const start = startHeadlessHost({ port: 0, profilePath, distDir: fakeRendererBuild() });
    await expect(start).rejects.toBeInstanceOf(HostStartError);
    await expect(start).rejects.toThrow(/office.*communeCode/);
  });

  it('refuses to start without a built renderer', async () => {
    const profilePath = writeProfile(tempDir('host'), validProfile());
    await expect(startHeadlessHost({ port: 0, profilePath, distDir: tempDir('empty') })).rejects.toThrow(
      /npm run build:renderer/,
    );
  });

  it('says so when the port is taken', async () => {
    const profilePath = writeProfile(tempDir('host'), validProfile());
    const distDir = fakeRendererBuild();
    const first = await startHeadlessHost({ port: 0, profilePath, distDir });
    try {
      await expect(startHeadlessHost({ port: first.port, profilePath, distDir })).rejects.toThrow(
        /already in use/,
      );
    } finally {
      await first.close();
    }
  });
});

describe('headless host catalogue', () => {
  it('serves the catalogue the office published, kept in the data folder', async () => {
    const dataDir = tempDir('host-data');
    const shipped = defaultCatalogue();
    const published = {
      ...shipped,
      version: 'office-published-1',
      procedures: shipped.procedures.map((p) =>
        p.code === '2.000884'
          ? { ...p, fee: { amountVnd: 15000, description: { vi: 'Phí theo tỉnh', en: 'Provincial fee' } } }
          : p,
      ),
    };
    writeFileSync(officeCatalogueFile(dataDir), JSON.stringify(published));
    const profilePath = writeProfile(tempDir('host'), validProfile());
    const host = await startHeadlessHost({ port: 0, profilePath, distDir: fakeRendererBuild(), dataDir });
    try {
      const response = await rawRequest({
        port: host.port,
        method: 'POST',
        path: '/bridge/getKioskConfig',
        body: '{}',
        headers: { 'Content-Type': 'application/json', Cookie: await redeemLaunch(host.launchUrl()) },
      });
      const config = bridgeContract.getKioskConfig.output.parse(JSON.parse(response.body).value);
      expect(config.catalogue.version).toBe('office-published-1');
      expect(config.catalogue.procedures.find((p) => p.code === '2.000884')?.fee.amountVnd).toBe(15000);
    } finally {
      await host.close();
    }
  });
});
