import type { Kysely, Selectable } from 'kysely';
import type { Database, KiosksTable } from '../db/schema.ts';
import { safeEqualHex, sha256Hex } from '../auth/passwords.ts';

export type KioskAuth =
  | { ok: true; kiosk: Selectable<KiosksTable> }
  | { ok: false; status: 401 | 403; error: 'unauthorised' | 'revoked'; reason: string };

/** Bearer `<kioskId>.<secret>`: unknown or malformed → 401, revoked → 403. */
export async function authenticateKiosk(
  db: Kysely<Database>,
  authorization: string | undefined,
): Promise<KioskAuth> {
  const match = /^Bearer ([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  if (!match)
    return { ok: false, status: 401, error: 'unauthorised', reason: 'missing or malformed bearer token' };
  const [, kioskId, secret] = match as unknown as [string, string, string];
  const kiosk = await db.selectFrom('kiosks').selectAll().where('id', '=', kioskId).executeTakeFirst();
  if (!kiosk || !safeEqualHex(kiosk.token_hash, sha256Hex(secret))) {
    return {
      ok: false,
      status: 401,
      error: 'unauthorised',
      reason: 'unknown kiosk or wrong token; enrol again',
    };
  }
  if (kiosk.revoked)
    return { ok: false, status: 403, error: 'revoked', reason: 'this kiosk was revoked; enrol again' };
  return { ok: true, kiosk };
}

export async function recordContact(
  db: Kysely<Database>,
  kioskId: string,
  at: number,
  appVersion?: string,
  waiting?: number,
): Promise<void> {
  await db
    .updateTable('kiosks')
    .set({
      last_contact_at: at,
      ...(appVersion !== undefined ? { app_version: appVersion } : {}),
      ...(waiting !== undefined ? { waiting_count: waiting } : {}),
    })
    .where('id', '=', kioskId)
    .execute();
}
