import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { networkInterfaces, hostname } from 'node:os';
import { dirname, join } from 'node:path';
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

/** Whether the key is the certificate's own. A file cut short by a crash is no one's key. */
function belongTogether(certPem: string, keyPem: string): boolean {
  try {
    return new X509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}

async function fileBelongsTo(certFile: string, keyFile: string): Promise<boolean> {
  const [certPem, keyPem] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
  return belongTogether(certPem, keyPem);
}

/** Contents on disk before the file gets its name: a power cut must not leave a named but empty key. */
async function writeDurably(file: string, contents: string, mode: number): Promise<void> {
  const handle = await open(file, 'w', mode);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // open()'s mode is filtered by the umask and ignored for an existing file.
  await chmod(file, mode);
}

/** Makes the renames in the folder survive a power cut. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The key is written 0600 in a 0700 folder before anything else can read it. Both files
 * are whole on disk before either gets its name, and the key gets its name first: a crash
 * in between leaves a key beside its certificate's `.tmp`, which `finishPairWrite`
 * completes, and never a certificate without its key, the state only a switch leaves.
 */
async function writePair(certFile: string, keyFile: string, pair: { certPem: string; keyPem: string }) {
  await writeDurably(`${keyFile}.tmp`, pair.keyPem, 0o600);
  await writeDurably(`${certFile}.tmp`, pair.certPem, 0o644);
  await rename(`${keyFile}.tmp`, keyFile);
  await rename(`${certFile}.tmp`, certFile);
  await syncFolder(dirname(keyFile));
}

/** A `writePair` cut between its renames: the key has its name, the certificate is still `.tmp`. */
async function finishPairWrite(certFile: string, keyFile: string): Promise<void> {
  const tmp = `${certFile}.tmp`;
  if ((await exists(certFile)) || !(await exists(keyFile)) || !(await exists(tmp))) return;
  if (await fileBelongsTo(tmp, keyFile)) await rename(tmp, certFile);
}

/**
 * A switch cut between its renames: the next key is already the current key, and the next
 * certificate, left without its key, is the certificate of that key. Returns whether it
 * finished one.
 */
async function finishSwitch(files: ReturnType<typeof tlsLayout>): Promise<boolean> {
  if (!(await exists(files.nextCert)) || (await exists(files.nextKey)) || !(await exists(files.key)))
    return false;
  if (!(await fileBelongsTo(files.nextCert, files.key))) return false;
  await rename(files.nextCert, files.cert);
  await syncFolder(files.dir);
  return true;
}

/** Rolls forward whatever a crash or power cut interrupted, before anything reads or writes the pairs. */
async function finishInterruptedWrites(files: ReturnType<typeof tlsLayout>): Promise<boolean> {
  await finishPairWrite(files.cert, files.key);
  await finishPairWrite(files.nextCert, files.nextKey);
  return finishSwitch(files);
}

async function readPair(certFile: string, keyFile: string): Promise<OfficeCertificate> {
  const [certPem, keyPem] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
  return { certPem, keyPem, fingerprint: certificateFingerprint(certPem) };
}

/**
 * A key that is not the certificate's fails every kiosk's handshake, and a new pair would
 * cut every kiosk off: the office refuses to start and says what the operator can do.
 */
function mismatchedPair(certFile: string, keyFile: string): Error {
  return new Error(
    `office TLS: the key ${keyFile} does not belong to the certificate ${certFile}, ` +
      'and no interrupted certificate switch explains it. Put back the key of this certificate ' +
      '(or both files) from a backup. Only if that is impossible, delete both files: the office ' +
      'then makes a new certificate at its next start, and every kiosk must be enrolled again.',
  );
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
  await finishInterruptedWrites(files);
  // Still incomplete, the pair is a first start cut short: nothing has pinned it yet.
  if (!(await exists(files.cert)) || !(await exists(files.key)))
    await writePair(files.cert, files.key, await generateOfficeCertificate(now));
  await chmod(files.key, 0o600);
  const current = await readPair(files.cert, files.key);
  if (!belongTogether(current.certPem, current.keyPem)) throw mismatchedPair(files.cert, files.key);
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
  // An unfinished switch still holds its certificate under the next name: keep it from being overwritten.
  await finishInterruptedWrites(files);
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
  // Run again after a crash, it finishes the switch it had started.
  if (await finishInterruptedWrites(files)) return certificateFingerprint(await readFile(files.cert, 'utf8'));
  if (!(await exists(files.nextCert)) || !(await exists(files.nextKey)))
    throw new Error('no next certificate has been prepared');
  if (!(await fileBelongsTo(files.nextCert, files.nextKey)))
    throw new Error(
      `office TLS: the next key ${files.nextKey} does not belong to the next certificate ` +
        `${files.nextCert}; switching would leave the office unable to serve. ` +
        'Delete both files and run `npm run office:tls -- next` again.',
    );
  // The key moves first: a crash in between leaves the next certificate without its key
  // and that key under the current name, which `finishSwitch` recognises by the keys.
  await rename(files.nextKey, files.key);
  await rename(files.nextCert, files.cert);
  await rm(`${files.key}.tmp`, { force: true });
  await syncFolder(files.dir);
  return certificateFingerprint(await readFile(files.cert, 'utf8'));
}
