import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { sha256Hex } from './auth/passwords.ts';
import { canonicalJson } from '../shared/contracts/canonical-json.ts';
import { OfficeProfileSchema } from '../shared/domain/office-profile.ts';
import { CatalogueSchema } from '../shared/domain/procedure.ts';
import { issuesToReasons } from '../shared/contracts/sync.ts';

export type ConfigKind = 'profile' | 'catalogue';

/**
 * Publishes a new office profile or catalogue for every kiosk's next pull. The
 * version includes a content hash, so any change (a fee, a weekday) is a new version
 * even when the catalogue's own version string was not bumped.
 */
export async function publishConfig(
  db: Kysely<Database>,
  kind: ConfigKind,
  jsonText: string,
  accountId: number,
  now: number,
): Promise<{ ok: true; version: string } | { ok: false; reasons: string[] }> {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    return { ok: false, reasons: ['not valid JSON'] };
  }
  const parsed = kind === 'profile' ? OfficeProfileSchema.safeParse(raw) : CatalogueSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reasons: issuesToReasons(parsed.error) };
  const hash = sha256Hex(canonicalJson(parsed.data)).slice(0, 12);
  const version =
    kind === 'catalogue' ? `${(parsed.data as { version: string }).version}+${hash}` : `profile+${hash}`;
  await db
    .insertInto('published_config')
    .values({
      kind,
      version,
      body: JSON.stringify(parsed.data),
      published_at_ms: now,
      published_by: accountId,
    })
    .onConflict((oc) => oc.columns(['kind', 'version']).doNothing())
    .execute();
  return { ok: true, version };
}

export async function currentVersions(
  db: Kysely<Database>,
): Promise<Record<ConfigKind, { version: string; publishedAtMs: number } | null>> {
  const latest = async (kind: ConfigKind) => {
    const row = await db
      .selectFrom('published_config')
      .select(['version', 'published_at_ms'])
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { version: row.version, publishedAtMs: Number(row.published_at_ms) } : null;
  };
  return { profile: await latest('profile'), catalogue: await latest('catalogue') };
}
