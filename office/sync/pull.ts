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
import { lookupKeysMatch } from '../../shared/dossier/lookup-key.ts';

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
 * Look-ups by receipt: a dossier's status (and staff's reason) only for the code together
 * with its receipt QR's check part. A bare code (an older kiosk's `lookupCodes`) is
 * answered only for dossiers that have no check part, those from kiosks before it
 * existed, so typing sequential codes lists nothing received since.
 */
async function lookUp(db: Kysely<Database>, request: PullRequest): Promise<DossierStatusInfo[]> {
  const refs = request.lookupRefs ?? [];
  const codes = [...new Set([...request.lookupCodes, ...refs.map((r) => r.code)])];
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('dossiers')
    .select(['id', 'code', 'status', 'status_reason', 'status_changed_at_ms', 'lookup_key'])
    .where('code', 'in', codes)
    .execute();
  return rows
    .filter((d) =>
      d.lookup_key === null
        ? request.lookupCodes.includes(d.code)
        : refs.some((r) => r.code === d.code && lookupKeysMatch(d.lookup_key, r.key)),
    )
    .map((d) => ({
      dossierId: d.id,
      code: d.code,
      status: d.status as DossierStatus,
      reason: d.status_reason,
      changedAt: new Date(Number(d.status_changed_at_ms)).toISOString(),
    }));
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

  const lookups = await lookUp(db, request);

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
