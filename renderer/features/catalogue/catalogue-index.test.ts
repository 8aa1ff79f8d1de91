import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import type { Catalogue } from '../../../shared/domain/procedure.ts';
import { catalogueIndex, MAX_RESULTS, searchProcedures } from './catalogue-index.ts';

/** A province-sized catalogue: the real procedures repeated under distinct codes. */
function bigCatalogue(size: number): Catalogue {
  const procedures = Array.from({ length: size }, (_, i) => {
    const base = CATALOGUE.procedures[i % CATALOGUE.procedures.length]!;
    return { ...base, code: `9.${String(i).padStart(6, '0')}` };
  });
  return { version: 'big', procedures };
}

describe('catalogue index', () => {
  it('is built once per catalogue, its search index once on the first search', () => {
    const index = catalogueIndex(CATALOGUE);
    expect(catalogueIndex(CATALOGUE)).toBe(index);
    expect(index.search).toBe(index.search);
  });

  it(`renders at most ${MAX_RESULTS} results and says when there are more`, () => {
    const index = catalogueIndex(bigCatalogue(2000));
    const { procedures, truncated } = searchProcedures(index, 'chung thuc');
    expect(procedures).toHaveLength(MAX_RESULTS);
    expect(truncated).toBe(true);
    expect(procedures[0]!.name.vi).toMatch(/^Chứng thực/);
  });

  it('an empty query lists nothing', () => {
    expect(searchProcedures(catalogueIndex(CATALOGUE), '   ')).toEqual({ procedures: [], truncated: false });
  });
});
