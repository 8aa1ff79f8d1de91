import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Lang } from '../dashboard/i18n.ts';
import { CatalogueSchema } from '../../shared/domain/procedure.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';

type Names = Map<string, { vi: string; en: string }>;
let catalogueCache: { version: string; names: Names } | null = null;

const SHIPPED: Names = new Map(CATALOGUE.procedures.map((p) => [p.code, p.name]));

/** The procedures staff can pick from (filters): code and name in `lang`, by name. */
export interface ProcedureNames {
  nameOf(code: string): string;
  list: { code: string; name: string }[];
}

/**
 * Procedure names from the latest published catalogue, else from the catalogue the kiosks
 * ship with (shared/catalogue), else the code itself. Read once per page, not per row: the
 * queue names thousands of rows.
 */
export async function procedureNames(db: Kysely<Database>, lang: Lang): Promise<ProcedureNames> {
  const row = await db
    .selectFrom('published_config')
    .select(['version', 'body'])
    .where('kind', '=', 'catalogue')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let names = SHIPPED;
  if (row) {
    if (catalogueCache?.version !== row.version) {
      const parsed = CatalogueSchema.safeParse(JSON.parse(row.body));
      catalogueCache = {
        version: row.version,
        names: new Map(parsed.success ? parsed.data.procedures.map((p) => [p.code, p.name]) : []),
      };
    }
    names = catalogueCache.names;
  }
  const nameOf = (code: string) => named(names.get(code) ?? SHIPPED.get(code), code, lang);
  const list = [...names.keys()]
    .map((code) => ({ code, name: nameOf(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { nameOf, list };
}

export async function procedureName(db: Kysely<Database>, code: string, lang: Lang): Promise<string> {
  return (await procedureNames(db, lang)).nameOf(code);
}

function named(name: { vi: string; en: string } | undefined, code: string, lang: Lang): string {
  return name ? `${name[lang]} (${code})` : code;
}
