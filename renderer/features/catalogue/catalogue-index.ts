import { createSearchIndex, type SearchIndex } from '../../../shared/search/index.ts';
import type { Catalogue, Procedure } from '../../../shared/domain/procedure.ts';
import { browseGroups, type BrowseGroup } from '../../../shared/catalogue/browse-groups.ts';

export interface CatalogueIndex {
  search: SearchIndex;
  byCode: ReadonlyMap<string, Procedure>;
  /** The fields to browse by, for people who do not type. */
  groups: readonly BrowseGroup[];
}

/** Built once per loaded catalogue (2,000 procedures must not be re-indexed per keystroke). */
const cache = new WeakMap<Catalogue, CatalogueIndex>();

export function catalogueIndex(catalogue: Catalogue): CatalogueIndex {
  let index = cache.get(catalogue);
  if (!index) {
    // The search index is built on the first search, not for Today, which reads only the
    // procedures by code and the fields to browse (and must not wait for it at start).
    let search: SearchIndex | undefined;
    index = {
      get search() {
        return (search ??= createSearchIndex(catalogue.procedures));
      },
      byCode: new Map(catalogue.procedures.map((p) => [p.code, p])),
      groups: browseGroups(catalogue.procedures),
    };
    cache.set(catalogue, index);
  }
  return index;
}

/** At most this many results are rendered; a longer list does not help a citizen at a kiosk. */
export const MAX_RESULTS = 50;

export function searchProcedures(
  index: CatalogueIndex,
  query: string,
): { procedures: Procedure[]; truncated: boolean } {
  if (query.trim() === '') return { procedures: [], truncated: false };
  const hits = index.search.search(query, MAX_RESULTS + 1);
  const procedures = hits.flatMap((h) => index.byCode.get(h.code) ?? []);
  return { procedures: procedures.slice(0, MAX_RESULTS), truncated: procedures.length > MAX_RESULTS };
}
