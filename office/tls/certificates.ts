import { X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { networkInterfaces, hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * The office's TLS certificate and the one it announces next (docs/sync.md, "TLS and
 * the pinned office"). Kiosks pin the certificate's SHA-256 fingerprint at enrolment,
 * so a self-signed certificate the office makes for itself is as good as a bought one,
 * and better than none: nobody else on the LAN can answer as the office.
 */
export interface OfficeCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate's DER bytes, 64 lowercase hex digits (what kiosks pin). */
  fingerprint: string;
}

export interface OfficeTls {
  current: OfficeCertificate;
  /** The certificate kiosks should also accept from now on; announced in every pull answer. */
  nextFingerprint: string | null;
  /** Where the certificate came from, for the start-up log line. */
  source: 'generated' | 'files';
}

/** How the office serves: HTTPS with its own certificate (default), HTTPS with given files, or plain HTTP (development only). */
export type OfficeTlsConfig =
  | { mode: 'generated' }
  | { mode: 'files'; certFile: string; keyFile: string; nextCertFile?: string | undefined }
  | { mode: 'insecure-http' };

/** The generated certificate's files in the office's data folder. */
export function tlsLayout(dataDir: string) {
  const dir = join(dataDir, 'tls');
  return {
    dir,
    cert: join(dir, 'office-cert.pem'),
    key: join(dir, 'office-key.pem'),
    nextCert: join(dir, 'next-cert.pem'),
    nextKey: join(dir, 'next-key.pem'),
  };
}

/** SHA-256 of a PEM certificate's DER bytes, lowercase hex without separators. */
export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.replaceAll(':', '').toLowerCase();
}

const VALID_DAYS = 5 * 366;

/**
 * A new self-signed ECDSA P-256 certificate. Its names cover this machine's host name and
 * addresses for browsers' sake; kiosks check only the fingerprint, so an address that
 * changes later (DHCP) does not break sync.
 */
export async function generateOfficeCertificate(now: Date): Promise<{ certPem: string; keyPem: string }> {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined)
    .map((a) => a.address.split('%')[0]!);
  const names = [...new Set(['localhost', hostname()])];
  const pems = await generate([{ name: 'commonName', value: `commune-office ${hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.map((value) => ({ type: 2 as const, value })),
          ...[...new Set(addresses)].map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The key is written 0600 in a 0700 folder before anything else can read it. */
async function writePair(certFile: string, keyFile: string, pair: { certPem: string; keyPem: string }) {
  await writeFile(`${keyFile}.tmp`, pair.keyPem, { mode: 0o600 });
  await chmod(`${keyFile}.tmp`, 0o600);
  await writeFile(`${certFile}.tmp`, pair.certPem, { mode: 0o644 });
  await rename(`${keyFile}.tmp`, keyFile);
  await rename(`${certFile}.tmp`, certFile);
}

async function readPair(certFile: string, keyFile: string): Promise<OfficeCertificate> {
  const [certPem, keyPem] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
  return { certPem, keyPem, fingerprint: certificateFingerprint(certPem) };
}

/**
 * The certificate the office serves with. Generated mode: made at first start in
 * `<dataDir>/tls/` (key 0600) and reused at every later start; a prepared next
 * certificate there is announced. Files mode: the given certificate and key, and the
 * next certificate's file when given.
 */
export async function loadOfficeTls(
  config: Exclude<OfficeTlsConfig, { mode: 'insecure-http' }>,
  dataDir: string,
  now: Date,
): Promise<OfficeTls> {
  if (config.mode === 'files') {
    const current = await readPair(config.certFile, config.keyFile);
    const nextFingerprint = config.nextCertFile
      ? certificateFingerprint(await readFile(config.nextCertFile, 'utf8'))
      : null;
    return { current, nextFingerprint, source: 'files' };
  }
  const files = tlsLayout(dataDir);
  await mkdir(files.dir, { recursive: true, mode: 0o700 });
  await chmod(files.dir, 0o700);
  if (!(await exists(files.cert)) || !(await exists(files.key)))
    await writePair(files.cert, files.key, await generateOfficeCertificate(now));
  await chmod(files.key, 0o600);
  const current = await readPair(files.cert, files.key);
  const nextFingerprint = (await exists(files.nextCert))
    ? certificateFingerprint(await readFile(files.nextCert, 'utf8'))
    : null;
  return { current, nextFingerprint, source: 'generated' };
}

/**
 * Rotation, step 1: makes the next certificate (kept beside the current one) and returns
 * its fingerprint. From the office's next start, every pull answer announces it, and
 * kiosks accept it as well as the current one.
 */
export async function prepareNextCertificate(dataDir: string, now: Date): Promise<string> {
  const files = tlsLayout(dataDir);
  await mkdir(files.dir, { recursive: true, mode: 0o700 });
  if (!(await exists(files.nextCert)) || !(await exists(files.nextKey)))
    await writePair(files.nextCert, files.nextKey, await generateOfficeCertificate(now));
  return certificateFingerprint(await readFile(files.nextCert, 'utf8'));
}

/**
 * Rotation, step 2: the next certificate becomes the current one (the old one is
 * deleted). From the office's next start it serves with it; kiosks that learnt it
 * promote it on their first connection.
 */
export async function switchToNextCertificate(dataDir: string): Promise<string> {
  const files = tlsLayout(dataDir);
  if (!(await exists(files.nextCert)) || !(await exists(files.nextKey)))
    throw new Error('no next certificate has been prepared');
  await rename(files.nextKey, files.key);
  await rename(files.nextCert, files.cert);
  await rm(`${files.key}.tmp`, { force: true });
  return certificateFingerprint(await readFile(files.cert, 'utf8'));
}
