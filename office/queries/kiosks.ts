import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { KioskView } from '../dashboard/pages.ts';
import { sequenceGaps } from '../sync/gaps.ts';

export async function kioskViews(db: Kysely<Database>): Promise<KioskView[]> {
  const kiosks = await db.selectFrom('kiosks').selectAll().orderBy('enrolled_at').execute();
  return Promise.all(
    kiosks.map(async (k) => ({
      id: k.id,
      name: k.name,
      lastContactMs: k.last_contact_at === null ? null : Number(k.last_contact_at),
      version: k.app_version,
      waiting: Number(k.waiting_count),
      revoked: k.revoked === 1,
      gaps: await sequenceGaps(db, k.id),
    })),
  );
}

export async function revokeKiosk(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('kiosks').set({ revoked: 1 }).where('id', '=', id).execute();
}
