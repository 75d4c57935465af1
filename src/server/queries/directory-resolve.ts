import "server-only";

import type { CentreStatus } from "@/domain/centre-status";
import { buildTsQuery, type WordCorrection } from "@/domain/directory/full-text-query";
import {
  effectiveStatuses,
  searchWords,
  type DirectorySearch,
  type SortKey,
} from "@/domain/directory/search-params";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import { loadDirectoryVocabulary, type DirectoryVocabulary } from "./directory-vocabulary";

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

export type ResolveResult = { ok: true; value: ResolvedSearch } | { ok: false; errors: string[] };

// Words shorter than this are too short for trigram similarity to mean much.
const minCorrectableLength = 4;

export async function resolveSearch(search: DirectorySearch): Promise<ResolveResult> {
  const words = searchWords(search.q);
  const [vocabulary, corrections] = await Promise.all([loadDirectoryVocabulary(), correctWords(words)]);
  const errors: string[] = [];
  const lookup = <T extends { id: number }>(
    values: string[],
    items: T[],
    key: (item: T) => string,
    describe: string,
  ): number[] =>
    values.flatMap((value) => {
      const found = items.find((item) => key(item).toLowerCase() === value.toLowerCase());
      if (!found) errors.push(`Unknown ${describe} “${value}”.`);
      return found ? [found.id] : [];
    });

  const regionIds = lookup(search.region, vocabulary.regions, (region) => region.code, "region");
  const countryIds = lookup(search.country, vocabulary.countries, (country) => country.code, "country code");
  const subjectIds = lookup(search.subject, vocabulary.subjects, (subject) => subject.name, "subject");
  const activityIds = lookup(
    search.activity,
    vocabulary.activities,
    (activity) => activity.name,
    "type of activity",
  );
  if (errors.length > 0) return { ok: false, errors };

  const tsQuery = words.length > 0 ? buildTsQuery(corrections) : "";
  const hasWords = tsQuery !== "";
  return {
    ok: true,
    value: {
      search,
      sort: search.sort === "relevance" && !hasWords ? "reference" : search.sort,
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
 * For each word not in the word list, the most similar listed word (pg_trgm
 * similarity above 0.4), found through the word list's trigram index.
 */
async function correctWords(words: string[]): Promise<WordCorrection[]> {
  if (words.length === 0) return [];
  return prisma.$queryRaw<WordCorrection[]>(correctionsSql(words));
}

export function correctionsSql(words: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT t.word,
           CASE WHEN length(t.word) < ${minCorrectableLength} OR EXISTS (SELECT 1 FROM "SearchWord" w WHERE w.word = t.word)
                THEN NULL
                ELSE (SELECT w.word FROM "SearchWord" w
                      WHERE w.word % t.word AND similarity(w.word, t.word) > 0.4
                      ORDER BY similarity(w.word, t.word) DESC, w.word LIMIT 1)
           END AS correction
    FROM unnest(${words}::text[]) WITH ORDINALITY AS t(word, n)
    ORDER BY t.n`;
}
