/**
 * Offline procedure search for the kiosk.
 *
 * Why hand-written rather than Fuse.js (the measured numbers are in
 * BENCHMARKS.md, section "search", produced by bench/search.bench.ts):
 * Fuse scores every query against every whole string with a bit-parallel
 * approximate matcher, so each keystroke costs O(catalogue × text length), and
 * its notion of a typo is character-level over the whole string. Vietnamese
 * needs token-level rules instead: syllables are short (a one-letter slip is a
 * large fraction of "sinh"), word order is free ("khai sinh đăng ký"), đ is not
 * a diacritic to Unicode, and the last word is usually half-typed. Here the
 * catalogue is folded and tokenised once at build time into an inverted index
 * over a small vocabulary (a few thousand distinct syllables for 2,000
 * procedures); a keystroke only looks up the query's 1–6 tokens in that
 * vocabulary (exact, prefix for the word being typed, bounded edit distance)
 * and walks their postings. That is both an order of magnitude faster and more
 * accurate on the queries citizens actually type.
 */
import type { Procedure } from '../domain/procedure.ts';
import { boundedEditDistance } from './edit-distance.ts';
import { foldToken, markedTokens } from './normalize.ts';

/** The parts of a procedure search looks at. A full `Procedure` fits. */
export type SearchableProcedure = Pick<Procedure, 'code' | 'name' | 'aliases'>;

export interface SearchHit {
  code: string;
  /** Higher is better; 1 is an exact, diacritic-correct match of the whole field. */
  score: number;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
}

/** How much a match in each kind of field counts. */
const FIELD_WEIGHT = { name: 1, alias: 0.97, code: 1, english: 0.85 } as const;

/** Quality of a query token matching a catalogue token, by how it matched. */
const QUALITY = {
  /** Same letters and the same diacritics. */
  exactMarked: 1,
  /** Same letters; the query had no diacritics at all (the common case on a Latin keyboard). */
  exactBare: 0.95,
  /** Same letters but different diacritics ("thưc" for "thực"). */
  exactOtherMarks: 0.85,
  /** The query omitted the space between two syllables ("khaisinh"). */
  joined: 0.9,
  /** The word still being typed is a prefix; scaled up by how much of it is typed. */
  prefixBase: 0.7,
  prefixTyped: 0.12,
  /** Edit distance 1 / 2 on folded tokens. */
  fuzzy1: 0.7,
  fuzzy2: 0.55,
  /** Edit distance 1 on a three-letter token: plausible but weak. */
  fuzzyShort: 0.55,
} as const;

/** A match assembled from several fields of one procedure counts this much less. */
const CROSS_FIELD_PENALTY = 0.95;
/** Longest query considered; longer queries are cut (nobody types more on a kiosk). */
const MAX_QUERY_TOKENS = 8;
const DEFAULT_LIMIT = 20;
const TOKEN_CACHE_LIMIT = 4096;
/** Shortest query token compared by edit distance with two joined syllables. */
const JOINED_FUZZY_MIN_LENGTH = 6;

type MatchKind = 'exact' | 'prefix' | 'fuzzy';

interface TokenMatch {
  vocabId: number;
  kind: MatchKind;
  /** Quality before the diacritic check (which depends on the field's own token). */
  quality: number;
}

const HAS_DIGIT = /\d/;
// Anything beyond ASCII in a Vietnamese token is a tone or vowel mark (or đ).
const HAS_MARK = /[^ -~]/;

/** Edit-distance tolerance for a folded query token of this length. */
function tolerance(length: number): number {
  if (length <= 2) return 0;
  if (length <= 7) return 1;
  return 2;
}

export function createSearchIndex(procedures: readonly SearchableProcedure[]): SearchIndex {
  // ---- Build: fields, vocabulary, postings -------------------------------
  const fieldDoc: number[] = [];
  const fieldWeight: number[] = [];
  const fieldLength: number[] = [];
  const fieldMarked: string[][] = [];
  const vocab: string[] = [];
  const vocabJoined: boolean[] = [];
  /** For a joined token ("khaisinh"), the length of its first syllable; 0 otherwise. */
  const vocabSplit: number[] = [];
  const vocabIds = new Map<string, number>();
  const postingLists: number[][] = [];

  const vocabId = (token: string, split: number): number => {
    let id = vocabIds.get(token);
    if (id === undefined) {
      id = vocab.length;
      vocab.push(token);
      vocabJoined.push(split > 0);
      vocabSplit.push(split);
      vocabIds.set(token, id);
      postingLists.push([]);
    }
    return id;
  };
  const post = (id: number, field: number, position: number): void => {
    const list = postingLists[id]!;
    // A field repeating a token only needs its first position.
    for (let k = 0; k < list.length; k += 2) if (list[k] === field) return;
    list.push(field, position);
  };

  const addField = (doc: number, text: string, weight: number): void => {
    const marked = markedTokens(text);
    if (marked.length === 0) return;
    const folded = marked.map(foldToken);
    const field = fieldDoc.length;
    fieldDoc.push(doc);
    fieldWeight.push(weight);
    fieldLength.push(folded.length);
    fieldMarked.push(marked);
    folded.forEach((token, position) => {
      post(vocabId(token, 0), field, position);
      const next = folded[position + 1];
      if (next !== undefined) post(vocabId(token + next, token.length), field, position);
    });
  };

  procedures.forEach((procedure, doc) => {
    addField(doc, procedure.name.vi, FIELD_WEIGHT.name);
    for (const alias of procedure.aliases) addField(doc, alias, FIELD_WEIGHT.alias);
    addField(doc, procedure.name.en, FIELD_WEIGHT.english);
    // The code as one token ("2.000815") and its digits after the dot ("000815"),
    // so an officer can type either; it counts as a one-token field.
    const field = fieldDoc.length;
    fieldDoc.push(doc);
    fieldWeight.push(FIELD_WEIGHT.code);
    fieldLength.push(1);
    fieldMarked.push([procedure.code]);
    post(vocabId(procedure.code, 0), field, 0);
    const tail = procedure.code.split('.')[1];
    if (tail) post(vocabId(tail, 0), field, 0);
  });

  const postings = postingLists.map((list) => Int32Array.from(list));
  const sortedVocab = Array.from(vocab.keys()).sort((a, b) =>
    vocab[a]! < vocab[b]! ? -1 : vocab[a]! > vocab[b]! ? 1 : 0,
  );
  // Vocabulary by length for the edit-distance scan; joined tokens apart, since
  // only a query token long enough to hold two syllables can be a mistyped pair.
  const byLength: number[][] = [];
  const joinedByLength: number[][] = [];
  vocab.forEach((token, id) => {
    ((vocabJoined[id] ? joinedByLength : byLength)[token.length] ??= []).push(id);
  });

  const fieldCount = fieldDoc.length;
  const docCount = procedures.length;
  // Scratch space reused by every keystroke, so searching allocates little.
  const bestQuality = new Float32Array(fieldCount * MAX_QUERY_TOKENS);
  const bestPosition = new Int32Array(fieldCount * MAX_QUERY_TOKENS);
  const bestSpan = new Uint8Array(fieldCount * MAX_QUERY_TOKENS);
  const fieldSeen = new Uint8Array(fieldCount);
  const docScore = new Float64Array(docCount);
  /** Per document and query token: the best weighted quality in any of its fields. */
  const docTokenBest = new Float32Array(docCount * MAX_QUERY_TOKENS);
  const docSeen = new Uint8Array(docCount);
  const nameLength = procedures.map((p) => p.name.vi.length);

  // ---- Query: token → vocabulary matches (cached across keystrokes) -------
  const tokenCache = new Map<string, TokenMatch[]>();

  const matchToken = (token: string, typing: boolean): TokenMatch[] => {
    const key = (typing ? 'p:' : 'w:') + token;
    const cached = tokenCache.get(key);
    if (cached) return cached;
    const found = new Map<number, TokenMatch>();
    const offer = (id: number, kind: MatchKind, quality: number): void => {
      const existing = found.get(id);
      if (!existing || existing.quality < quality) found.set(id, { vocabId: id, kind, quality });
    };

    const exact = vocabIds.get(token);
    if (exact !== undefined) offer(exact, 'exact', vocabJoined[exact] ? QUALITY.joined : QUALITY.exactMarked);

    if (typing) {
      // Binary search for the first vocabulary entry ≥ token, then walk the prefix range.
      let lo = 0;
      let hi = sortedVocab.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (vocab[sortedVocab[mid]!]! < token) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < sortedVocab.length; k++) {
        const id = sortedVocab[k]!;
        const candidate = vocab[id]!;
        if (!candidate.startsWith(token)) break;
        if (candidate.length === token.length) continue;
        // A joined token only adds something once the prefix runs past its first
        // syllable; before that, the syllable itself matches the same fields.
        if (vocabSplit[id]! >= token.length) continue;
        offer(id, 'prefix', QUALITY.prefixBase + (QUALITY.prefixTyped * token.length) / candidate.length);
      }
    }

    const max = HAS_DIGIT.test(token) ? 0 : tolerance(token.length);
    for (let length = token.length - max; max > 0 && length <= token.length + max; length++) {
      const scan = (ids: readonly number[] | undefined): void => {
        for (const id of ids ?? []) {
          const d = boundedEditDistance(token, vocab[id]!, max);
          if (d === 0 || d > max) continue;
          const quality = token.length <= 3 ? QUALITY.fuzzyShort : d === 1 ? QUALITY.fuzzy1 : QUALITY.fuzzy2;
          offer(id, 'fuzzy', quality);
        }
      };
      scan(byLength[length]);
      if (token.length >= JOINED_FUZZY_MIN_LENGTH) scan(joinedByLength[length]);
    }

    const matches = Array.from(found.values());
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(key, matches);
    return matches;
  };

  /** Adjust an exact/prefix quality by whether the diacritics the citizen typed agree. */
  const diacriticQuality = (
    match: TokenMatch,
    queryMarked: string,
    queryBare: boolean,
    fieldToken: string,
  ): number => {
    if (match.kind === 'fuzzy' || vocabJoined[match.vocabId]) return match.quality;
    if (match.kind === 'exact') {
      if (queryMarked === fieldToken) return QUALITY.exactMarked;
      return queryBare ? QUALITY.exactBare : QUALITY.exactOtherMarks;
    }
    // Prefix: a bare prefix is neutral, a marked one that disagrees loses a little.
    if (queryBare || fieldToken.startsWith(queryMarked)) return match.quality;
    return match.quality - 0.05;
  };

  const search = (query: string, limit: number = DEFAULT_LIMIT): SearchHit[] => {
    const queryMarked = markedTokens(query).slice(0, MAX_QUERY_TOKENS);
    const n = queryMarked.length;
    if (n === 0 || limit <= 0) return [];
    const queryFolded = queryMarked.map(foldToken);
    // The last word is still being typed unless the query ends in a space or punctuation.
    const typingLast = !/[\s\p{P}]$/u.test(query);

    // Most query tokens must match in one field; a long query may miss a word or two.
    const required = n - Math.floor(n / 4);
    const touched: number[] = [];
    for (let i = 0; i < n; i++) {
      // A field first reached by token i can match at most n - i tokens; when that
      // cannot reach `required`, only fields already reached need updating. This
      // keeps the half-typed last letter ("đăng ký t") from walking thousands of postings.
      const newFieldsCanQualify = n - i >= required;
      const marked = queryMarked[i]!;
      const bare = !HAS_MARK.test(marked);
      for (const match of matchToken(queryFolded[i]!, typingLast && i === n - 1)) {
        const list = postings[match.vocabId]!;
        const span = vocabJoined[match.vocabId] ? 2 : 1;
        for (let k = 0; k < list.length; k += 2) {
          const field = list[k]!;
          const position = list[k + 1]!;
          if (!fieldSeen[field]) {
            if (!newFieldsCanQualify) continue;
            fieldSeen[field] = 1;
            touched.push(field);
          }
          const quality = diacriticQuality(match, marked, bare, fieldMarked[field]![position]!);
          const slot = field * MAX_QUERY_TOKENS + i;
          if (quality > bestQuality[slot]!) {
            bestQuality[slot] = quality;
            bestPosition[slot] = position;
            bestSpan[slot] = span;
          }
        }
      }
    }

    const touchedDocs: number[] = [];
    const reachedDocs: number[] = [];
    for (const field of touched) {
      const base = field * MAX_QUERY_TOKENS;
      const doc = fieldDoc[field]!;
      const docBase = doc * MAX_QUERY_TOKENS;
      if (!docSeen[doc]) {
        docSeen[doc] = 1;
        reachedDocs.push(doc);
      }
      let matched = 0;
      let sum = 0;
      let covered = 0;
      let adjacent = 0;
      for (let i = 0; i < n; i++) {
        const q = bestQuality[base + i]!;
        if (q > 0) {
          const weighted = q * fieldWeight[field]!;
          if (weighted > docTokenBest[docBase + i]!) docTokenBest[docBase + i] = weighted;
          matched++;
          sum += q;
          covered += bestSpan[base + i]!;
          if (i > 0 && bestQuality[base + i - 1]! > 0) {
            if (bestPosition[base + i - 1]! + bestSpan[base + i - 1]! === bestPosition[base + i]!) adjacent++;
          }
        }
        bestQuality[base + i] = 0;
      }
      fieldSeen[field] = 0;
      if (matched < required) continue;
      const coverage = Math.min(1, covered / fieldLength[field]!);
      const order = n === 1 ? 1 : adjacent / (n - 1);
      const score = fieldWeight[field]! * (sum / n) * (0.85 + 0.1 * coverage + 0.05 * order);
      if (docScore[doc] === 0) touchedDocs.push(doc);
      if (score > docScore[doc]!) docScore[doc] = score;
    }

    // Words spread over a procedure's name and aliases ("giải chấp sổ đỏ": the alias
    // "giải chấp" and the alias "xoá thế chấp sổ đỏ") still find it, ranked below any
    // procedure that has them together in one field: the union scores as the weakest
    // single-field match would, less CROSS_FIELD_PENALTY. A field first reached by one
    // of the last few tokens is not walked (see newFieldsCanQualify), so it adds nothing here.
    for (const doc of reachedDocs) {
      const docBase = doc * MAX_QUERY_TOKENS;
      let matched = 0;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const q = docTokenBest[docBase + i]!;
        if (q > 0) {
          matched++;
          sum += q;
        }
        docTokenBest[docBase + i] = 0;
      }
      docSeen[doc] = 0;
      if (matched < required) continue;
      const score = (sum / n) * 0.85 * CROSS_FIELD_PENALTY;
      if (score <= docScore[doc]!) continue;
      if (docScore[doc] === 0) touchedDocs.push(doc);
      docScore[doc] = score;
    }

    // Keep the best `limit` in a small sorted array rather than sorting every candidate.
    const better = (a: number, b: number): boolean => {
      const sa = docScore[a]!;
      const sb = docScore[b]!;
      if (sa !== sb) return sa > sb;
      if (nameLength[a] !== nameLength[b]) return nameLength[a]! < nameLength[b]!;
      return a < b;
    };
    const best: number[] = [];
    for (const doc of touchedDocs) {
      if (best.length === limit && !better(doc, best[limit - 1]!)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && better(doc, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = doc;
    }
    const hits = best.map((doc) => ({
      code: procedures[doc]!.code,
      score: Math.round(docScore[doc]! * 1e4) / 1e4,
    }));
    for (const doc of touchedDocs) docScore[doc] = 0;
    return hits;
  };

  return { search };
}
