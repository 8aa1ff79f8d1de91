import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../time.ts';
import { sha256Hex } from './passwords.ts';

/**
 * Password-guessing brake for the staff sign-in. A client address with 5 failed sign-ins
 * within 15 minutes is refused for 15 minutes. An account name is never locked for long,
 * or anyone on the LAN could keep `admin` out by guessing from many addresses: from its 5th
 * failure within the window on, each failure makes the next attempt wait longer (1 s, 2 s,
 * 4 s … at most a minute). A guesser gets about one try a minute; the owner waits a minute.
 *
 * The state lives in the database (table sign_in_throttle) so a restart does not reset it
 * and several server processes share it. Every attempt is counted as a failure *before* the
 * password is checked and taken back when it succeeds: a burst of parallel guesses cannot
 * all pass the check before the first failure is written, and a refused attempt costs no
 * scrypt work. An account name is throttled whether or not the account exists, so the
 * answers never tell which names are real.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
/** The wait after an account name's 5th, 6th … failure; the last one repeats. */
export const NAME_DELAYS_MS = [1, 2, 4, 8, 16, 32, 60].map((s) => s * 1000);

export interface ThrottleKeys {
  account: string;
  address: string;
}

/**
 * Keys are hashes: the name field sometimes receives a password typed in the wrong box, and
 * client addresses are personal data; neither needs to be readable to be counted.
 */
export function throttleKeys(username: string, remoteAddress: string | undefined): ThrottleKeys {
  const name = username.normalize('NFC').trim().toLowerCase();
  // An IPv4 client on a dual-stack socket appears as ::ffff:a.b.c.d; count it as a.b.c.d.
  const address = (remoteAddress ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return { account: sha256Hex(`account:${name}`), address: sha256Hex(`address:${address}`) };
}

/**
 * Counts one attempt against `key` unless the key is locked. Returns null when counted, or
 * the end of the lock (epoch ms) when refused. One statement, so concurrent attempts from
 * several processes each see the others' counts.
 */
async function reserve(
  db: Kysely<Database>,
  key: string,
  kind: 'account' | 'address',
  now: number,
): Promise<number | null> {
  const t = 'sign_in_throttle';
  // PostgreSQL types a bare parameter inside CASE as integer; epoch ms need bigint.
  const big = (n: number) => sql<number>`cast(${n} as bigint)`;
  const expired = sql<boolean>`${sql.ref(`${t}.window_start`)} <= ${big(now - WINDOW_MS)}`;
  const next = sql<number>`case when ${expired} then 1 else ${sql.ref(`${t}.failures`)} + 1 end`;
  // How long the key is refused after this attempt, by its count: kind's rule above.
  const lockEnd =
    kind === 'address'
      ? big(now + LOCK_MS)
      : sql<number>`case ${sql.join(
          NAME_DELAYS_MS.slice(0, -1).map(
            (delay, i) => sql`when ${next} = ${MAX_FAILURES + i} then ${big(now + delay)}`,
          ),
          sql` `,
        )} else ${big(now + NAME_DELAYS_MS.at(-1)!)} end`;
  const counted = await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, window_start: now, locked_until: 0 })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: next,
          window_start: sql<number>`case when ${expired} then ${big(now)} else ${sql.ref(`${t}.window_start`)} end`,
          // The attempt that makes the count reach the limit is still checked; from then on
          // the key is refused until the lock ends.
          locked_until: sql<number>`case when ${next} >= ${MAX_FAILURES} then ${lockEnd} else 0 end`,
        })
        // A locked key is left untouched (no row returned): refused attempts neither count
        // nor extend the lock.
        .where(`${t}.locked_until`, '<=', now),
    )
    .returning('key')
    .executeTakeFirst();
  if (counted) return null;
  const row = await db
    .selectFrom('sign_in_throttle')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  // Unlocked between the two statements: refuse this once anyway, with a lock already over.
  return Number(row?.locked_until ?? now);
}

/** Takes back an attempt counted by `reserve` (it succeeded, or another key refused it). */
async function release(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set({
      failures: sql<number>`case when failures > 0 then failures - 1 else 0 end`,
      locked_until: sql<number>`case when failures - 1 < ${MAX_FAILURES} then 0 else locked_until end`,
    })
    .where('key', '=', key)
    .execute();
}

/** Rows whose window and any lock are both over carry no information: drop them. */
async function prune(db: Kysely<Database>, now: number): Promise<void> {
  // A lock starts within its window and lasts LOCK_MS, so it is over by window_start + both.
  await db
    .deleteFrom('sign_in_throttle')
    .where('window_start', '<=', now - WINDOW_MS - LOCK_MS)
    .execute();
}

export type ThrottledOutcome<T> = { ok: true; value: T } | { ok: false; lockedUntil: number | null };

/**
 * Runs `attempt` (the password check) only when neither the account name nor the address is
 * locked. `attempt` returns null for a failed sign-in. `lockedUntil` is set when the attempt
 * was refused without being tried, null when it was tried and failed.
 */
export async function throttledSignIn<T>(
  db: Kysely<Database>,
  keys: ThrottleKeys,
  clock: Clock,
  attempt: () => Promise<T | null>,
): Promise<ThrottledOutcome<T>> {
  const now = clock();
  await prune(db, now);
  const accountLock = await reserve(db, keys.account, 'account', now);
  if (accountLock !== null) {
    // Say the longer wait when the address is locked too: trying after the name's short one
    // would only be refused again.
    const address = await db
      .selectFrom('sign_in_throttle')
      .select('locked_until')
      .where('key', '=', keys.address)
      .executeTakeFirst();
    return { ok: false, lockedUntil: Math.max(accountLock, Number(address?.locked_until ?? 0)) };
  }
  const addressLock = await reserve(db, keys.address, 'address', now);
  if (addressLock !== null) {
    await release(db, keys.account);
    return { ok: false, lockedUntil: addressLock };
  }
  const value = await attempt();
  if (value === null) return { ok: false, lockedUntil: null };
  // Success resets the account's count; the address keeps the failures it really made.
  await db.deleteFrom('sign_in_throttle').where('key', '=', keys.account).execute();
  await release(db, keys.address);
  return { ok: true, value };
}
