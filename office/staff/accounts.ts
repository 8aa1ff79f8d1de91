import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.ts';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../auth/passwords.ts';
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
  await createAccount(
    db,
    { username: 'admin', displayName: 'Administrator', role: 'admin', password: password ?? generated! },
    now,
  );
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
  const ok = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
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
    },
  };
}

// A real scrypt hash of a random password, used when the user name is unknown.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function sessionFromCookie(
  db: Kysely<Database>,
  cookieValue: string | undefined,
  now: number,
): Promise<StaffSession | null> {
  if (!cookieValue || cookieValue.length > 100) return null;
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['a.id', 'a.username', 'a.display_name', 'a.role', 'a.disabled', 's.csrf_token', 's.expires_at'])
    .where('s.id', '=', sha256Hex(cookieValue))
    .executeTakeFirst();
  if (!row || row.disabled || Number(row.expires_at) <= now) return null;
  return {
    accountId: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    csrfToken: row.csrf_token,
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

export async function listAccounts(
  db: Kysely<Database>,
): Promise<{ username: string; displayName: string; role: Role }[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['username', 'display_name', 'role'])
    .orderBy('username')
    .execute();
  return rows.map((a) => ({ username: a.username, displayName: a.display_name, role: a.role }));
}
