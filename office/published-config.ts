import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { sha256Hex } from './auth/passwords.ts';
import { canonicalJson } from '../shared/contracts/canonical-json.ts';
import { OfficeProfileSchema, type OfficeProfile } from '../shared/domain/office-profile.ts';
import { CatalogueSchema, type Catalogue } from '../shared/domain/procedure.ts';
import {
  formatProfileErrors,
  validateOfficeProfile,
  type ProfileError,
} from '../shared/domain/profile-validation.ts';
import { CATALOGUE } from '../shared/catalogue/procedures.ts';
import { issuesToReasons } from '../shared/contracts/sync.ts';

export type ConfigKind = 'profile' | 'catalogue';

export type PublishResult =
  | { ok: true; version: string }
  | {
      ok: false;
      reasons: string[];
      /** When the pair fails the kiosk's validation: its errors and the profile they are about. */
      pairErrors?: { errors: ProfileError[]; profile: OfficeProfile };
    };

/**
 * Publishes an office profile or catalogue for every kiosk's next pull. The version
 * includes a content hash, so any change (a fee, a weekday) is a new version even when
 * the catalogue's own version string was not bumped.
 *
 * A kiosk checks the profile against the catalogue (shared/domain/profile-validation.ts)
 * and refuses to start on a pair that fails, so the office refuses to publish one: a new
 * profile is checked against the current catalogue (the shipped one until the office
 * publishes its own), a new catalogue against the current profile.
 *
 * Publishing a version published before makes it current again (a rollback).
 */
export async function publishConfig(
  db: Kysely<Database>,
  kind: ConfigKind,
  jsonText: string,
  accountId: number,
  now: number,
  language: 'vi' | 'en' = 'vi',
): Promise<PublishResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    return { ok: false, reasons: [language === 'vi' ? 'Không phải JSON hợp lệ.' : 'Not valid JSON.'] };
  }
  const parsed = kind === 'profile' ? OfficeProfileSchema.safeParse(raw) : CatalogueSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reasons: issuesToReasons(parsed.error) };

  const pair =
    kind === 'profile'
      ? { profile: parsed.data as OfficeProfile, catalogue: (await currentCatalogue(db)) ?? CATALOGUE }
      : { profile: await currentProfile(db), catalogue: parsed.data as Catalogue };
  if (pair.profile) {
    const check = validateOfficeProfile(pair.profile, pair.catalogue);
    if (!check.ok)
      return {
        ok: false,
        reasons: formatProfileErrors(check.errors, language).split('\n'),
        pairErrors: { errors: check.errors, profile: pair.profile },
      };
  }

  const hash = sha256Hex(canonicalJson(parsed.data)).slice(0, 12);
  const version =
    kind === 'catalogue' ? `${(parsed.data as { version: string }).version}+${hash}` : `profile+${hash}`;
  await db.transaction().execute(async (trx) => {
    // The newest row is the current one (sync/pull.ts): a version published again moves to the top.
    await trx
      .deleteFrom('published_config')
      .where('kind', '=', kind)
      .where('version', '=', version)
      .execute();
    await trx
      .insertInto('published_config')
      .values({
        kind,
        version,
        body: JSON.stringify(parsed.data),
        published_at_ms: now,
        published_by: accountId,
      })
      .execute();
  });
  return { ok: true, version };
}

async function currentBody(db: Kysely<Database>, kind: ConfigKind): Promise<unknown> {
  const text = await currentText(db, kind);
  return text === null ? null : JSON.parse(text);
}

async function currentText(db: Kysely<Database>, kind: ConfigKind): Promise<string | null> {
  const row = await db
    .selectFrom('published_config')
    .select('body')
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.body ?? null;
}

export async function currentCatalogue(db: Kysely<Database>): Promise<Catalogue | null> {
  const body = await currentBody(db, 'catalogue');
  return body ? CatalogueSchema.parse(body) : null;
}

/** The profile kiosks pull now (its working hours count the time left on dossiers). */
export async function currentProfile(db: Kysely<Database>): Promise<OfficeProfile | null> {
  const text = await currentText(db, 'profile');
  if (text === null) return null;
  // Every queue request reads it: parse each published text once.
  if (parsedProfile?.text !== text)
    parsedProfile = { text, profile: OfficeProfileSchema.parse(JSON.parse(text)) };
  return parsedProfile.profile;
}
let parsedProfile: { text: string; profile: OfficeProfile } | null = null;

/**
 * A kind's text as it stood when a dossier was received: the version published last at or
 * before `atMs`. A dossier received before the first publication gets the first version,
 * the office's earliest word on it.
 */
async function textInForceAt(db: Kysely<Database>, kind: ConfigKind, atMs: number): Promise<string | null> {
  const then = await db
    .selectFrom('published_config')
    .select('body')
    .where('kind', '=', kind)
    .where('published_at_ms', '<=', atMs)
    .orderBy('published_at_ms', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (then) return then.body;
  const first = await db
    .selectFrom('published_config')
    .select('body')
    .where('kind', '=', kind)
    .orderBy('published_at_ms', 'asc')
    .orderBy('id', 'asc')
    .limit(1)
    .executeTakeFirst();
  return first?.body ?? null;
}

/** The profile in force when a dossier was received (its reprint shows what was printed then). */
export async function profileInForceAt(db: Kysely<Database>, atMs: number): Promise<OfficeProfile | null> {
  const text = await textInForceAt(db, 'profile', atMs);
  return text === null ? null : OfficeProfileSchema.parse(JSON.parse(text));
}

/** The catalogue in force when a dossier was received. */
export async function catalogueInForceAt(db: Kysely<Database>, atMs: number): Promise<Catalogue | null> {
  const text = await textInForceAt(db, 'catalogue', atMs);
  return text === null ? null : CatalogueSchema.parse(JSON.parse(text));
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

export interface PublishedVersion {
  version: string;
  publishedAtMs: number;
  current: boolean;
}

/** Every version published of a kind, newest first; the first is what kiosks pull. */
export async function publishedVersions(db: Kysely<Database>, kind: ConfigKind): Promise<PublishedVersion[]> {
  const rows = await db
    .selectFrom('published_config')
    .select(['version', 'published_at_ms'])
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return rows.map((r, i) => ({
    version: r.version,
    publishedAtMs: Number(r.published_at_ms),
    current: i === 0,
  }));
}

/** The stored text of a published version, to publish it again (rollback). */
export async function publishedBody(
  db: Kysely<Database>,
  kind: ConfigKind,
  version: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('published_config')
    .select('body')
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.body ?? null;
}
