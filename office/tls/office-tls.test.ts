/**
 * The office serves HTTPS by default: a certificate generated at first start and kept in
 * its data folder (key 0600) and reused, or one given by path; plain HTTP only behind the
 * explicit development switch. On HTTPS its cookies are Secure and it sends HSTS. Certificate
 * files left half-written by a crash are finished at the next start, judged by the keys; a key
 * that is not its certificate's, with no such crash to explain it, stops the start with a
 * message saying what to do.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../server.ts';
import { ADMIN_PASSWORD, officeFetch, testOffice } from '../test-support/office.ts';
import {
  certificateFingerprint,
  generateOfficeCertificate,
  loadOfficeTls,
  prepareNextCertificate,
  switchToNextCertificate,
  tlsLayout,
} from './certificates.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-tls-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const load = (dataDir: string) => loadOfficeTls({ mode: 'generated' }, dataDir, new Date());
const belongTogether = (certPem: string, keyPem: string) =>
  new X509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem));

/** A data folder serving its first certificate with a next one prepared; returns the next's fingerprint. */
async function preparedForSwitch(dataDir: string): Promise<string> {
  await load(dataDir);
  return prepareNextCertificate(dataDir, new Date());
}

/** The state a crash between the switch's renames leaves: the next key is already the current key. */
function cutSwitch(dataDir: string) {
  const files = tlsLayout(dataDir);
  renameSync(files.nextKey, files.key);
}

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

  describe('after a crash or power cut in the middle of writing its certificate files', () => {
    it('finishes a switch cut between its renames, and serves with the switched-to certificate', async () => {
      const dataDir = tempDir();
      const next = await preparedForSwitch(dataDir);
      cutSwitch(dataDir);
      const office = await testOffice({ dataDir, tls: { mode: 'generated' } });
      try {
        expect(office.certificate).toEqual({ fingerprint: next, nextFingerprint: null });
        expect((await officeFetch(office)(`${office.url}/api/health`)).status).toBe(200);
      } finally {
        await office.cleanup();
      }
      const files = tlsLayout(dataDir);
      expect(existsSync(files.nextCert)).toBe(false);
      const certPem = readFileSync(files.cert, 'utf8');
      expect(certificateFingerprint(certPem)).toBe(next);
      expect(belongTogether(certPem, readFileSync(files.key, 'utf8'))).toBe(true);
    });

    it('finishes a cut switch when the switch is run again, instead of finding nothing prepared', async () => {
      const dataDir = tempDir();
      const next = await preparedForSwitch(dataDir);
      cutSwitch(dataDir);
      expect(await switchToNextCertificate(dataDir)).toBe(next);
      const tls = await load(dataDir);
      expect(tls.current.fingerprint).toBe(next);
      expect(belongTogether(tls.current.certPem, tls.current.keyPem)).toBe(true);
    });

    it('does not let a new next certificate overwrite the one a cut switch still holds under the next name', async () => {
      const dataDir = tempDir();
      const next = await preparedForSwitch(dataDir);
      cutSwitch(dataDir);
      const afterNext = await prepareNextCertificate(dataDir, new Date());
      expect(afterNext).not.toBe(next);
      const tls = await load(dataDir);
      expect(tls.current.fingerprint).toBe(next);
      expect(belongTogether(tls.current.certPem, tls.current.keyPem)).toBe(true);
      expect(tls.nextFingerprint).toBe(afterNext);
    });

    it('finishes a first generation cut between its renames, keeping the certificate of the key', async () => {
      const dataDir = tempDir();
      const files = tlsLayout(dataDir);
      const pair = await generateOfficeCertificate(new Date());
      mkdirSync(files.dir, { mode: 0o700 });
      writeFileSync(files.key, pair.keyPem, { mode: 0o600 });
      writeFileSync(`${files.cert}.tmp`, pair.certPem);
      const tls = await load(dataDir);
      expect(tls.current.fingerprint).toBe(certificateFingerprint(pair.certPem));
      expect(tls.current.keyPem).toBe(pair.keyPem);
      expect(existsSync(`${files.cert}.tmp`)).toBe(false);
    });

    it('finishes a prepared next certificate cut between its renames, and announces it', async () => {
      const dataDir = tempDir();
      const files = tlsLayout(dataDir);
      await load(dataDir);
      const next = await generateOfficeCertificate(new Date());
      writeFileSync(files.nextKey, next.keyPem, { mode: 0o600 });
      writeFileSync(`${files.nextCert}.tmp`, next.certPem);
      expect((await load(dataDir)).nextFingerprint).toBe(certificateFingerprint(next.certPem));
      expect(await switchToNextCertificate(dataDir)).toBe(certificateFingerprint(next.certPem));
    });

    it('refuses to start with the key of an unrelated certificate, naming both files and what to do', async () => {
      const dataDir = tempDir();
      const files = tlsLayout(dataDir);
      const served = (await load(dataDir)).current.fingerprint;
      const unrelatedKey = (await generateOfficeCertificate(new Date())).keyPem;
      const unrelatedCert = (await generateOfficeCertificate(new Date())).certPem;
      writeFileSync(files.key, unrelatedKey, { mode: 0o600 });
      // Looks like a cut switch by its names, but the key is not this certificate's: left alone.
      writeFileSync(files.nextCert, unrelatedCert);
      const refusal = load(dataDir);
      await expect(refusal).rejects.toThrow(
        `the key ${files.key} does not belong to the certificate ${files.cert}`,
      );
      await expect(refusal).rejects.toThrow(/from a backup.*enrolled again/);
      expect(certificateFingerprint(readFileSync(files.cert, 'utf8'))).toBe(served);
      expect(readFileSync(files.nextCert, 'utf8')).toBe(unrelatedCert);
    });

    it('refuses to switch to a next certificate whose key is not its own', async () => {
      const dataDir = tempDir();
      const files = tlsLayout(dataDir);
      await preparedForSwitch(dataDir);
      const served = (await load(dataDir)).current;
      writeFileSync(files.nextKey, (await generateOfficeCertificate(new Date())).keyPem, { mode: 0o600 });
      await expect(switchToNextCertificate(dataDir)).rejects.toThrow(
        `the next key ${files.nextKey} does not belong to the next certificate ${files.nextCert}`,
      );
      expect((await load(dataDir)).current).toEqual(served);
    });
  });
});
