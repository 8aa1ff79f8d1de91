export {
  createSearchIndex,
  type SearchIndex,
  type SearchHit,
  type SearchableProcedure,
} from './search-index.ts';
export { normalizeForSearch, toNfc, stripDiacritics, foldToken, markedTokens } from './normalize.ts';
