/**
 * The office serves HTTPS by default: a certificate generated at first start and kept in
 * its data folder (key 0600) and reused, or one given by path; plain HTTP only behind the
 * explicit development switch. On HTTPS its cookies are Secure and it sends HSTS.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../server.ts';
import { ADMIN_PASSWORD, officeFetch, testOffice } from '../test-support/office.ts';
import { certificateFingerprint, generateOfficeCertificate, tlsLayout } from './certificates.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-tls-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('office TLS', () => {
  it('generates its certificate at first start (key 0600 in a 0700 folder) and reuses it at the next', async () => {
    const dataDir = tempDir();
    const lines: string[] = [];
    const first = await testOffice({ dataDir, tls: { mode: 'generated' }, log: (l) => lines.push(l) });
    const fingerprint = first.certificate!.fingerprint;
    try {
      expect(first.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const files = tlsLayout(dataDir);
      expect(statSync(files.key).mode & 0o777).toBe(0o600);
      expect(statSync(files.dir).mode & 0o777).toBe(0o700);
      expect(certificateFingerprint(readFileSync(files.cert, 'utf8'))).toBe(fingerprint);
      expect(lines.join('\n')).toContain('HTTPS, certificate SHA-256');
      const health = await officeFetch(first)(`${first.url}/api/health`);
      expect(health.status).toBe(200);
      // A client that checks certificates the usual way refuses a self-signed one.
      await expect(fetch(`${first.url}/api/health`)).rejects.toThrow();
    } finally {
      await first.cleanup();
    }
    const second = await testOffice({ dataDir, tls: { mode: 'generated' } });
    try {
      expect(second.certificate).toEqual({ fingerprint, nextFingerprint: null });
    } finally {
      await second.cleanup();
    }
  });

  it('serves with a certificate and key given by path, and announces a next one given by path', async () => {
    const dir = tempDir();
    const now = new Date();
    const current = await generateOfficeCertificate(now);
    const next = await generateOfficeCertificate(now);
    writeFileSync(join(dir, 'cert.pem'), current.certPem);
    writeFileSync(join(dir, 'key.pem'), current.keyPem, { mode: 0o600 });
    writeFileSync(join(dir, 'next.pem'), next.certPem);
    const config = configFromEnv({
      OFFICE_TLS_CERT: join(dir, 'cert.pem'),
      OFFICE_TLS_KEY: join(dir, 'key.pem'),
      OFFICE_TLS_NEXT_CERT: join(dir, 'next.pem'),
    });
    const office = await testOffice({ tls: config.tls! });
    try {
      expect(office.certificate).toEqual({
        fingerprint: certificateFingerprint(current.certPem),
        nextFingerprint: certificateFingerprint(next.certPem),
      });
      expect((await officeFetch(office)(`${office.url}/api/health`)).status).toBe(200);
    } finally {
      await office.cleanup();
    }
    expect(() => configFromEnv({ OFFICE_TLS_CERT: join(dir, 'cert.pem') })).toThrow(/together/);
  });

  it('serves plain HTTP only behind OFFICE_INSECURE_HTTP=1, and says so loudly', async () => {
    expect(configFromEnv({}).tls).toEqual({ mode: 'generated' });
    expect(configFromEnv({ OFFICE_INSECURE_HTTP: 'yes' }).tls).toEqual({ mode: 'generated' });
    expect(configFromEnv({ OFFICE_INSECURE_HTTP: '1' }).tls).toEqual({ mode: 'insecure-http' });
    const lines: string[] = [];
    const office = await testOffice({ tls: { mode: 'insecure-http' }, log: (l) => lines.push(l) });
    try {
      expect(office.url).toMatch(/^http:\/\//);
      expect(office.certificate).toBeNull();
      expect(lines.join('\n')).toMatch(
        /WARNING: plain HTTP \(OFFICE_INSECURE_HTTP=1\), for development only/,
      );
      const res = await fetch(`${office.url}/login`);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await office.cleanup();
    }
  });

  it('on HTTPS sends HSTS and sets its cookies Secure (session, CSRF, language)', async () => {
    const office = await testOffice({ tls: { mode: 'generated' } });
    const pinned = officeFetch(office);
    try {
      const login = await pinned(`${office.url}/login?lang=en`);
      expect(login.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      const html = await login.text();
      const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
      const firstCookies = login.headers.getSetCookie();
      expect(firstCookies.length).toBeGreaterThanOrEqual(2);
      for (const cookie of firstCookies) expect(cookie).toMatch(/;\s*Secure/i);
      const signedIn = await pinned(`${office.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: firstCookies.map((c) => c.split(';')[0]).join('; '),
        },
        body: new URLSearchParams({ csrf, username: 'admin', password: ADMIN_PASSWORD }).toString(),
      });
      expect(signedIn.status).toBe(303);
      const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('office_session='));
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/HttpOnly/i);
    } finally {
      await office.cleanup();
    }
  });
});
