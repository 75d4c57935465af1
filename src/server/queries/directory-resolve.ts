import "server-only";

import type { CentreStatus } from "@/domain/centre-status";
import { buildTsQuery, type WordCorrection } from "@/domain/directory/full-text-query";
import {
  effectiveSort,
  effectiveStatuses,
  searchWords,
  type DirectorySearch,
  type SearchProblem,
  type SearchProblemKey,
  type SortKey,
} from "@/domain/directory/search-params";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import { vocabularyAt, type DirectoryVocabulary } from "./directory-vocabulary";

/** A search with its names turned into ids and its words into a tsquery. */
export type ResolvedSearch = {
  search: DirectorySearch;
  sort: SortKey;
  statuses: CentreStatus[];
  regionIds: number[];
  countryIds: number[];
  subjectIds: number[];
  activityIds: number[];
  initiators: string[];
  words: WordCorrection[];
  tsQuery: string | null;
  vocabulary: DirectoryVocabulary;
};

export type ResolveResult = { ok: true; value: ResolvedSearch } | { ok: false; errors: SearchProblem[] };

// Words shorter than this are too short for trigram similarity to mean much.
const minCorrectableLength = 4;

export async function resolveSearch(search: DirectorySearch): Promise<ResolveResult> {
  const words = searchWords(search.q);
  const { dataVersion, corrections } = await versionAndCorrections(words);
  const vocabulary = await vocabularyAt(dataVersion);
  const errors: SearchProblem[] = [];
  const lookup = <T extends { id: number }>(
    values: string[],
    items: T[],
    key: (item: T) => string,
    unknown: SearchProblemKey,
  ): number[] => {
    const ids = values.flatMap((value) => {
      const found = items.find((item) => key(item).toLowerCase() === value.toLowerCase());
      if (!found) errors.push({ key: unknown, values: { value } });
      return found ? [found.id] : [];
    });
    // Sorted and distinct: one SQL text (one cache key) per set of values.
    return [...new Set(ids)].sort((a, b) => a - b);
  };

  const regionIds = lookup(search.region, vocabulary.regions, (region) => region.code, "resolveRegion");
  const countryIds = lookup(
    search.country,
    vocabulary.countries,
    (country) => country.code,
    "resolveCountry",
  );
  const subjectIds = lookup(search.subject, vocabulary.subjects, (subject) => subject.name, "resolveSubject");
  const activityIds = lookup(
    search.activity,
    vocabulary.activities,
    (activity) => activity.name,
    "resolveActivity",
  );
  if (errors.length > 0) return { ok: false, errors };

  const tsQuery = words.length > 0 ? buildTsQuery(corrections) : "";
  const hasWords = tsQuery !== "";
  return {
    ok: true,
    value: {
      search,
      sort: effectiveSort(search.sort, hasWords),
      statuses: effectiveStatuses(search),
      regionIds,
      countryIds,
      subjectIds,
      activityIds,
      initiators: search.initiator,
      words: corrections,
      tsQuery: hasWords ? tsQuery : null,
      vocabulary,
    },
  };
}

/**
 * The current SearchDataVersion and, for each word not in the word list, the
 * most similar listed word (pg_trgm similarity above 0.4, found through the
 * word list's trigram index): one round trip at the start of every search.
 */
async function versionAndCorrections(
  words: string[],
): Promise<{ dataVersion: string; corrections: WordCorrection[] }> {
  const rows = await prisma.$queryRaw<{ dataVersion: string | null; corrections: WordCorrection[] | null }[]>(
    versionAndCorrectionsSql(words),
  );
  return { dataVersion: rows[0]?.dataVersion ?? "none", corrections: rows[0]?.corrections ?? [] };
}

export function versionAndCorrectionsSql(words: string[]): Prisma.Sql {
  const corrections =
    words.length === 0
      ? Prisma.sql`NULL::json`
      : Prisma.sql`(SELECT json_agg(json_build_object('word', c.word, 'correction', c.correction, 'exact', c.exact)
                         ORDER BY c.n)
         FROM (${correctionsSql(words)}) c)`;
  return Prisma.sql`
    SELECT (SELECT version::text FROM "SearchDataVersion" WHERE id = 1) AS "dataVersion",
           ${corrections} AS corrections`;
}

/**
 * Per word: its spelling correction, and whether its exact lexeme may stand
 * in for the prefix. The word is one lexeme (as to_tsquery would make it) and
 * no other lexeme of any search document begins with it — "SearchLexeme"
 * lists every document lexeme (decision 0011) — so `word` and `word:*` match
 * the same centres with the same ts_rank; the exact one skips GIN's
 * partial-match scan.
 */
function correctionsSql(words: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT t.word, t.n,
           CASE WHEN length(t.word) < ${minCorrectableLength} OR EXISTS (SELECT 1 FROM "SearchWord" w WHERE w.word = t.word)
                THEN NULL
                ELSE (SELECT w.word FROM "SearchWord" w
                      WHERE w.word % t.word AND similarity(w.word, t.word) > 0.4
                      ORDER BY similarity(w.word, t.word) DESC, w.word LIMIT 1)
           END AS correction,
           coalesce((
             SELECT NOT EXISTS (SELECT 1 FROM "SearchLexeme" l WHERE l.lexeme ^@ v.lexeme AND l.lexeme <> v.lexeme)
             FROM (SELECT min(x.lexeme) AS lexeme, count(*) AS lexemes
                   FROM unnest(to_tsvector('english', t.word)) AS x) v
             WHERE v.lexemes = 1
           ), false) AS exact
    FROM unnest(${words}::text[]) WITH ORDINALITY AS t(word, n)`;
}
