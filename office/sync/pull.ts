import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  SYNC_LIMITS,
  SYNC_PROTOCOL,
  type DossierStatusInfo,
  type PullAnswer,
  type PullRequest,
} from '../../shared/contracts/sync.ts';
import { OfficeProfileSchema } from '../../shared/domain/office-profile.ts';
import { CatalogueSchema } from '../../shared/domain/procedure.ts';
import type { DossierStatus } from '../../shared/domain/dossier.ts';
import { publishedClipLanguages } from '../speech-clips.ts';

async function latestConfig(db: Kysely<Database>, kind: 'profile' | 'catalogue') {
  return db
    .selectFrom('published_config')
    .select(['version', 'body'])
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Profile and catalogue when the office published a version other than the kiosk's;
 * this kiosk's status changes after the cursor (the status-event id); look-ups by code.
 */
export async function pull(
  db: Kysely<Database>,
  kioskId: string,
  request: PullRequest,
  now: number,
): Promise<PullAnswer> {
  const [profileRow, catalogueRow] = await Promise.all([
    latestConfig(db, 'profile'),
    latestConfig(db, 'catalogue'),
  ]);
  const profile =
    profileRow && profileRow.version !== request.profileVersion
      ? { version: profileRow.version, profile: OfficeProfileSchema.parse(JSON.parse(profileRow.body)) }
      : null;
  const catalogue =
    catalogueRow && catalogueRow.version !== request.catalogueVersion
      ? { version: catalogueRow.version, catalogue: CatalogueSchema.parse(JSON.parse(catalogueRow.body)) }
      : null;

  const after = request.statusCursor && /^\d+$/.test(request.statusCursor) ? Number(request.statusCursor) : 0;
  const rows = await db
    .selectFrom('dossier_events as e')
    .innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
    .select(['e.id as eventId', 'd.id as dossierId', 'd.code', 'e.status', 'e.reason', 'e.at_ms'])
    .where('d.kiosk_id', '=', kioskId)
    .where('e.id', '>', after)
    .orderBy('e.id')
    .limit(SYNC_LIMITS.maxStatusesPerPull + 1)
    .execute();
  const more = rows.length > SYNC_LIMITS.maxStatusesPerPull;
  const page = rows.slice(0, SYNC_LIMITS.maxStatusesPerPull);
  const statuses: DossierStatusInfo[] = page.map((r) => ({
    dossierId: r.dossierId,
    code: r.code,
    status: r.status as DossierStatus,
    reason: r.reason,
    changedAt: new Date(Number(r.at_ms)).toISOString(),
  }));
  const last = page.at(-1);
  const nextCursor = last ? String(last.eventId) : (request.statusCursor ?? null);

  const lookups: DossierStatusInfo[] = request.lookupCodes.length
    ? (
        await db
          .selectFrom('dossiers')
          .select(['id', 'code', 'status', 'status_reason', 'status_changed_at_ms'])
          .where('code', 'in', request.lookupCodes)
          .execute()
      ).map((d) => ({
        dossierId: d.id,
        code: d.code,
        status: d.status as DossierStatus,
        reason: d.status_reason,
        changedAt: new Date(Number(d.status_changed_at_ms)).toISOString(),
      }))
    : [];

  return {
    protocol: SYNC_PROTOCOL,
    kind: 'pull-result',
    asOf: new Date(now).toISOString(),
    profile,
    catalogue,
    statuses,
    nextCursor,
    more,
    lookups,
    clipLanguages: await publishedClipLanguages(db),
  };
}
