import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Lang } from '../dashboard/i18n.ts';
import { CatalogueSchema } from '../../shared/domain/procedure.ts';

let catalogueCache: { version: string; names: Map<string, { vi: string; en: string }> } | null = null;

/** Procedure name from the latest published catalogue, else the code itself. */
export async function procedureName(db: Kysely<Database>, code: string, lang: Lang): Promise<string> {
  const row = await db
    .selectFrom('published_config')
    .select(['version', 'body'])
    .where('kind', '=', 'catalogue')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return code;
  if (catalogueCache?.version !== row.version) {
    const parsed = CatalogueSchema.safeParse(JSON.parse(row.body));
    catalogueCache = {
      version: row.version,
      names: new Map(parsed.success ? parsed.data.procedures.map((p) => [p.code, p.name]) : []),
    };
  }
  const name = catalogueCache.names.get(code);
  return name ? `${name[lang]} (${code})` : code;
}
