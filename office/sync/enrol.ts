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

/**
 * Uses the code once (the conditional update is the lock) and creates the kiosk in the
 * same transaction. Idempotent for the same kiosk and code: a kiosk whose answer was
 * lost sends the same code with the same `installId` again and gets the same kiosk id
 * with a fresh token (the office keeps only the token's hash, so it cannot repeat the
 * first; nobody can hold it, since its answer never arrived, or the same kiosk replaces
 * it). That holds while the code is valid and the kiosk not revoked. No kiosk row is
 * left without a token holder, and the code is not spent for nothing.
 */
export async function enrolKiosk(
  db: Kysely<Database>,
  request: EnrolRequest,
  officeName: string,
  now: number,
): Promise<EnrolAnswer | null> {
  const secret = randomToken();
  const kioskId = await db
    .transaction()
    .execute(async (trx) => {
      const fresh = randomUUID();
      await trx
        .insertInto('kiosks')
        .values({
          id: fresh,
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
        .set({ used_at: now, kiosk_id: fresh, install_id: request.installId ?? null })
        .where('code', '=', request.code)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) === 1) return fresh;
      if (!request.installId) throw new CodeRefused();
      const earlier = await trx
        .selectFrom('enrolment_codes')
        .innerJoin('kiosks', 'kiosks.id', 'enrolment_codes.kiosk_id')
        .select('kiosks.id')
        .where('enrolment_codes.code', '=', request.code)
        .where('enrolment_codes.install_id', '=', request.installId)
        .where('enrolment_codes.expires_at', '>', now)
        .where('kiosks.revoked', '=', 0)
        .executeTakeFirst();
      if (!earlier) throw new CodeRefused();
      await trx.deleteFrom('kiosks').where('id', '=', fresh).execute();
      await trx
        .updateTable('kiosks')
        .set({
          token_hash: sha256Hex(secret),
          name: request.deviceName,
          app_version: request.appVersion,
          first_seq: request.firstSeq ?? 1,
          last_contact_at: now,
        })
        .where('id', '=', earlier.id)
        .execute();
      return earlier.id;
    })
    .catch((e: unknown) => {
      if (e instanceof CodeRefused) return null;
      throw e;
    });
  if (!kioskId) return null;
  return { protocol: SYNC_PROTOCOL, kind: 'enrolled', kioskId, token: `${kioskId}.${secret}`, officeName };
}

class CodeRefused extends Error {}
