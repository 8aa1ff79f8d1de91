import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { randomToken, sha256Hex } from '../auth/passwords.ts';
import { SYNC_PROTOCOL, type EnrolAnswer, type EnrolRequest } from '../../shared/contracts/sync.ts';

// No 0/O/1/I: an officer types the code on a touch keyboard from a printed slip.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export function newEnrolmentCodeText(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export async function createEnrolmentCode(
  db: Kysely<Database>,
  accountId: number,
  now: number,
): Promise<string> {
  const code = newEnrolmentCodeText();
  await db
    .insertInto('enrolment_codes')
    .values({
      code,
      created_by: accountId,
      created_at: now,
      expires_at: now + ENROLMENT_CODE_TTL_MS,
      used_at: null,
      kiosk_id: null,
    })
    .execute();
  return code;
}

/** Uses the code once (the conditional update is the lock) and creates the kiosk in the same transaction. */
export async function enrolKiosk(
  db: Kysely<Database>,
  request: EnrolRequest,
  officeName: string,
  now: number,
): Promise<EnrolAnswer | null> {
  const kioskId = randomUUID();
  const secret = randomToken();
  const ok = await db
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('kiosks')
        .values({
          id: kioskId,
          name: request.deviceName,
          token_hash: sha256Hex(secret),
          revoked: 0,
          enrolled_at: now,
          last_contact_at: now,
          app_version: request.appVersion,
          waiting_count: 0,
          first_seq: request.firstSeq ?? 1,
        })
        .execute();
      const used = await trx
        .updateTable('enrolment_codes')
        .set({ used_at: now, kiosk_id: kioskId })
        .where('code', '=', request.code)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new CodeRefused();
      return true;
    })
    .catch((e: unknown) => {
      if (e instanceof CodeRefused) return false;
      throw e;
    });
  if (!ok) return null;
  return { protocol: SYNC_PROTOCOL, kind: 'enrolled', kioskId, token: `${kioskId}.${secret}`, officeName };
}

class CodeRefused extends Error {}
