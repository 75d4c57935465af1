-- CreateTable
CREATE TABLE "SearchLexeme" (
    "lexeme" TEXT NOT NULL,

    CONSTRAINT "SearchLexeme_pkey" PRIMARY KEY ("lexeme")
);

-- CreateIndex
CREATE INDEX "SearchLexeme_lexeme_idx" ON "SearchLexeme" USING SPGIST ("lexeme");

-- ─────────────────────────────────────────────────────────────────────────────
-- Written by hand (schema.prisma cannot express functions). Decision 0011.
-- The refresh also lists every lexeme of the documents it writes, in the same
-- statement as the documents, so "SearchLexeme" always holds every lexeme of
-- every search row (and stale ones, which are harmless: they only keep a word
-- on the prefix path). The search uses it to replace a prefix (`telemedicin:*`)
-- by the exact lexeme when no other listed lexeme begins with it: the same
-- matches and the same ts_rank, without GIN's slower partial-match scan.
-- Unchanged otherwise (the version row first, for the lock order).
-- ─────────────────────────────────────────────────────────────────────────────
CREATE OR REPLACE FUNCTION centre_search_refresh(target_ids integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF target_ids IS NOT NULL AND cardinality(target_ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE "SearchDataVersion" SET version = version + 1 WHERE id = 1;
  WITH fresh AS MATERIALIZED (SELECT * FROM centre_search_rows(target_ids)),
  saved AS (
    INSERT INTO "CentreSearch" ("centreId", status, "regionId", "countryId", initiator, "subjectIds",
                                "activityTypeIds", "sortReference", title, "sortExpiry", document)
    SELECT f."centreId", f.status, f."regionId", f."countryId", f.initiator, f."subjectIds",
           f."activityTypeIds", f."sortReference", f.title, f."sortExpiry", f.document
    FROM fresh f
    ON CONFLICT ("centreId") DO UPDATE SET
      status = EXCLUDED.status, "regionId" = EXCLUDED."regionId", "countryId" = EXCLUDED."countryId",
      initiator = EXCLUDED.initiator, "subjectIds" = EXCLUDED."subjectIds",
      "activityTypeIds" = EXCLUDED."activityTypeIds", "sortReference" = EXCLUDED."sortReference",
      title = EXCLUDED.title, "sortExpiry" = EXCLUDED."sortExpiry", document = EXCLUDED.document
    RETURNING 1
  ),
  lexemes AS (
    INSERT INTO "SearchLexeme" (lexeme)
    SELECT DISTINCT l.lexeme FROM fresh f, unnest(f.document) AS l
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  INSERT INTO "SearchWord" (word)
  SELECT DISTINCT w.word
  FROM fresh f, regexp_split_to_table(lower(unaccent(f.plain)), '[^[:alnum:]]+') AS w(word)
  WHERE length(w.word) BETWEEN 3 AND 40
  ON CONFLICT DO NOTHING;
END;
$$;

-- The lexemes of the search rows that exist already.
INSERT INTO "SearchLexeme" (lexeme)
SELECT DISTINCT l.lexeme FROM "CentreSearch" s, unnest(s.document) AS l
ON CONFLICT DO NOTHING;
