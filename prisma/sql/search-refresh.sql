-- Writing the search rows: centre_search_refresh(ids) recomputes the rows of
-- the given centres (NULL: all) from centre_search_rows (search-document.sql)
-- and, in the same statement, adds to the two lists the search reads besides
-- the rows themselves:
--   "SearchWord"    every word of 3–40 letters or digits of the plain text:
--                   the word list spelling corrections are taken from
--   "SearchLexeme"  every lexeme of the documents: lets a query word that is
--                   no other lexeme's prefix be searched as its exact lexeme
--                   (decision 0011)
-- Neither list is ever pruned: a stale word only offers a correction that
-- finds nothing, a stale lexeme only keeps a word on the prefix path.
-- The refresh bumps "SearchDataVersion" first, so that every writer queues on
-- that one row before it locks anything else (the counters' trigger does the
-- same, search-counters.sql), and cached results become stale on every
-- instance at once.
--
-- centre_search_rebuild() rewrites every row (the benchmark bulk-loads with
-- triggers off, then rebuilds).
--
-- A source file: the database gets it through a migration (decision 0020).

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

CREATE OR REPLACE FUNCTION centre_search_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CentreSearch";
  PERFORM centre_search_refresh(NULL);
END;
$$;
