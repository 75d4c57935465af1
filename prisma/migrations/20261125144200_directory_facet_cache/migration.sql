-- CreateTable
CREATE TABLE IF NOT EXISTS "SearchDataVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SearchDataVersion_pkey" PRIMARY KEY ("id")
);

-- ─────────────────────────────────────────────────────────────────────────────
-- Written by hand: the one counter row, and centre_search_refresh bumping it.
-- ─────────────────────────────────────────────────────────────────────────────
INSERT INTO "SearchDataVersion" (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE FUNCTION centre_search_refresh(target_ids integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF target_ids IS NOT NULL AND cardinality(target_ids) = 0 THEN
    RETURN;
  END IF;
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
  )
  INSERT INTO "SearchWord" (word)
  SELECT DISTINCT w.word
  FROM fresh f, regexp_split_to_table(lower(unaccent(f.plain)), '[^[:alnum:]]+') AS w(word)
  WHERE length(w.word) BETWEEN 3 AND 40
  ON CONFLICT DO NOTHING;
  UPDATE "SearchDataVersion" SET version = version + 1 WHERE id = 1;
END;
$$;
