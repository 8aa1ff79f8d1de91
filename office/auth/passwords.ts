import { randomBytes, scrypt as scryptCb, timingSafeEqual, createHash } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

// OWASP's scrypt baseline (N=2^17 is their first choice; 2^15 keeps sign-in quick on a
// commune office's old PC while staying well beyond brute force for a typed password).
export const SCRYPT_N = 32768;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

let workFactor = SCRYPT_N;

/**
 * Test suites only: hash new passwords with a small N. The suites sign in a few hundred
 * times, and at the production factor that is most of their CPU time on a 2-core runner.
 * Every hash names its own parameters, so verifying is the same code either way.
 */
export function useCheapPasswordHashingForTests(): void {
  workFactor = 1024;
}

/** `scrypt$N$r$p$salt$hash`, base64url parts, so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, {
    N: workFactor,
    r: R,
    p: P,
    maxmem: MAXMEM,
  });
  return ['scrypt', workFactor, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * What an unknown user name is checked against, so its answer takes as long as a known
 * one's: a hash at the current work factor that no password matches.
 */
export function unknownAccountHash(): string {
  return `scrypt$${workFactor}$${R}$${P}$${'A'.repeat(22)}$${'A'.repeat(43)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Random secrets (tokens, session ids, codes) are 256-bit, so a plain sha256 is the right hash for them. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
