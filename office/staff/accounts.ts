import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.ts';
import {
  hashPassword,
  randomToken,
  sha256Hex,
  unknownAccountHash,
  verifyPassword,
} from '../auth/passwords.ts';
import { PasswordSchema, RoleSchema, UsernameSchema } from '../../shared/contracts/office.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * First start: when there is no account, create `admin` with the given password or a
 * generated one, which is returned so the caller prints it exactly once.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  password: string | undefined,
  now: number,
): Promise<{ created: false } | { created: true; username: string; generatedPassword: string | null }> {
  const any = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false };
  const generated = password ? null : randomToken(12);
  const id = await createAccount(
    db,
    { username: 'admin', displayName: 'Administrator', role: 'admin', password: password ?? generated! },
    now,
  );
  // The generated password was printed to the console: whoever signs in first must replace it.
  if (generated)
    await db.updateTable('accounts').set({ must_change_password: 1 }).where('id', '=', id).execute();
  return { created: true, username: 'admin', generatedPassword: generated };
}

export async function createAccount(
  db: Kysely<Database>,
  a: { username: string; displayName: string; role: Role; password: string },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({
      username: a.username,
      display_name: a.displayName,
      role: a.role,
      password_hash: await hashPassword(a.password),
      disabled: 0,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface StaffSession {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  csrfToken: string;
  /** Signed in with a password someone else chose: only the change-password page is open. */
  mustChangePassword: boolean;
  /** sha256 of the cookie value: identifies this session among the account's others. */
  sessionId: string;
}

/** Checks the password (always spending the scrypt time, so unknown names are not faster). */
export async function signIn(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: number,
): Promise<{ cookieValue: string; session: StaffSession } | null> {
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const ok = await verifyPassword(password, account?.password_hash ?? unknownAccountHash());
  if (!account || !ok || account.disabled) return null;
  const cookieValue = randomToken();
  const csrfToken = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id: sha256Hex(cookieValue),
      account_id: account.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: now + SESSION_TTL_MS,
    })
    .execute();
  return {
    cookieValue,
    session: {
      accountId: Number(account.id),
      username: account.username,
      displayName: account.display_name,
      role: account.role,
      csrfToken,
      mustChangePassword: account.must_change_password === 1,
      sessionId: sha256Hex(cookieValue),
    },
  };
}

export async function sessionFromCookie(
  db: Kysely<Database>,
  cookieValue: string | undefined,
  now: number,
): Promise<StaffSession | null> {
  if (!cookieValue || cookieValue.length > 100) return null;
  return openSession(db, sha256Hex(cookieValue), now);
}

/** Whether a session is still signed in: not ended, not expired, its account not disabled. */
export async function sessionStillOpen(
  db: Kysely<Database>,
  sessionId: string,
  now: number,
): Promise<boolean> {
  return (await openSession(db, sessionId, now)) !== null;
}

/** The session by its id (sha256 of the cookie), or null once ended, expired or its account disabled. */
async function openSession(
  db: Kysely<Database>,
  sessionId: string,
  now: number,
): Promise<StaffSession | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select([
      'a.id',
      'a.username',
      'a.display_name',
      'a.role',
      'a.disabled',
      'a.must_change_password',
      's.id as session_id',
      's.csrf_token',
      's.expires_at',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.disabled || Number(row.expires_at) <= now) return null;
  return {
    accountId: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password === 1,
    sessionId: row.session_id,
  };
}

export async function signOut(db: Kysely<Database>, cookieValue: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256Hex(cookieValue)).execute();
}

/**
 * Creates a staff account from the admin's form, or says why not: name of lower-case
 * letters, digits and dots (3–40), a display name, a known role, a long enough password
 * and a name nobody has yet.
 */
export async function createAccountFromForm(
  db: Kysely<Database>,
  form: { username: string; displayName: string; role: string; password: string },
  now: number,
): Promise<{ ok: true; username: string } | { ok: false }> {
  const username = form.username.trim();
  const displayName = form.displayName.trim().slice(0, 100);
  const role = RoleSchema.safeParse(form.role);
  if (
    !UsernameSchema.safeParse(username).success ||
    !displayName ||
    !role.success ||
    !PasswordSchema.safeParse(form.password).success
  )
    return { ok: false };
  const taken = await db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (taken) return { ok: false };
  await createAccount(db, { username, displayName, role: role.data, password: form.password }, now);
  return { ok: true, username };
}

export interface AccountRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  sessions: number;
}

export async function listAccounts(db: Kysely<Database>, now: number): Promise<AccountRow[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('sessions as s', (j) => j.onRef('s.account_id', '=', 'a.id').on('s.expires_at', '>', now))
    .select((eb) => [
      'a.id',
      'a.username',
      'a.display_name',
      'a.role',
      'a.disabled',
      'a.must_change_password',
      eb.fn.count<number>('s.id').as('sessions'),
    ])
    .groupBy(['a.id', 'a.username', 'a.display_name', 'a.role', 'a.disabled', 'a.must_change_password'])
    .orderBy('a.username')
    .execute();
  return rows.map((a) => ({
    id: Number(a.id),
    username: a.username,
    displayName: a.display_name,
    role: a.role,
    disabled: a.disabled === 1,
    mustChangePassword: a.must_change_password === 1,
    sessions: Number(a.sessions),
  }));
}

export type PasswordChange = 'ok' | 'wrong-current' | 'too-short' | 'mismatch' | 'unchanged';

/**
 * The signed-in person replaces their password. Their other sessions end (a password
 * someone else knew may have been used elsewhere); this one stays.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  session: Pick<StaffSession, 'accountId' | 'sessionId'>,
  form: { current: string; next: string; confirm: string },
): Promise<PasswordChange> {
  const account = await db
    .selectFrom('accounts')
    .select('password_hash')
    .where('id', '=', session.accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(form.current, account.password_hash))) return 'wrong-current';
  if (!PasswordSchema.safeParse(form.next).success) return 'too-short';
  if (form.next !== form.confirm) return 'mismatch';
  if (form.next === form.current) return 'unchanged';
  const hash = await hashPassword(form.next);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ password_hash: hash, must_change_password: 0 })
      .where('id', '=', session.accountId)
      .execute();
    await trx
      .deleteFrom('sessions')
      .where('account_id', '=', session.accountId)
      .where('id', '!=', session.sessionId)
      .execute();
  });
  return 'ok';
}

/** Ends every session of an account (someone left, a device was lost). */
export async function endSessions(db: Kysely<Database>, accountId: number): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}

/**
 * Disables or re-enables an account. Disabling ends its sessions. Nobody disables their
 * own account, so the last administrator cannot shut everyone out by mistake.
 */
export async function setAccountDisabled(
  db: Kysely<Database>,
  accountId: number,
  disabled: boolean,
  by: number,
): Promise<'ok' | 'self' | 'not-found'> {
  if (disabled && accountId === by) return 'self';
  const result = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('accounts')
      .set({ disabled: disabled ? 1 : 0 })
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (disabled) await trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    return Number(updated.numUpdatedRows);
  });
  return result ? 'ok' : 'not-found';
}

/**
 * An administrator resets someone's password: a one-time password to hand over, which the
 * person must replace at their next sign-in. Their sessions end.
 */
export async function resetPassword(
  db: Kysely<Database>,
  accountId: number,
): Promise<{ username: string; temporaryPassword: string } | null> {
  const temporaryPassword = randomToken(9);
  const hash = await hashPassword(temporaryPassword);
  return db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('accounts')
      .select('username')
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!account) return null;
    await trx
      .updateTable('accounts')
      .set({ password_hash: hash, must_change_password: 1 })
      .where('id', '=', accountId)
      .execute();
    await trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    return { username: account.username, temporaryPassword };
  });
}
