-- CreateTable
CREATE TABLE "DirectoryCentreCount" (
    "status" "CentreStatus" NOT NULL,
    "regionId" INTEGER NOT NULL,
    "countryId" INTEGER NOT NULL,
    "initiator" "Initiator" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DirectoryCentreCount_pkey" PRIMARY KEY ("status","regionId","countryId","initiator")
);

-- CreateTable
CREATE TABLE "DirectoryTermCount" (
    "kind" SMALLINT NOT NULL,
    "status" "CentreStatus" NOT NULL,
    "regionId" INTEGER NOT NULL,
    "initiator" "Initiator" NOT NULL,
    "termId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DirectoryTermCount_pkey" PRIMARY KEY ("kind","status","regionId","initiator","termId")
);

-- ─────────────────────────────────────────────────────────────────────────────
-- Written by hand (schema.prisma cannot express functions and triggers).
-- The counters follow CentreSearch through one statement-level trigger: each
-- INSERT, UPDATE or DELETE of search rows adds its net change (new rows +1,
-- old rows −1) to the counter rows in one set-wise upsert per table. An edit
-- that changes no facet value (a title, a ToR item) nets to zero and writes
-- no counter row. Deleting a centre cascades to its search row and so here.
-- ─────────────────────────────────────────────────────────────────────────────

CREATE OR REPLACE FUNCTION directory_counts_from_search() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  columns CONSTANT text := 'status, "regionId", "countryId", initiator, "subjectIds", "activityTypeIds"';
  changed text;
BEGIN
  -- The one version row first: every writer of search rows or counters queues
  -- on it, so two transactions never lock counter rows in opposite orders,
  -- and cached counts on every app instance become stale at once.
  UPDATE "SearchDataVersion" SET version = version + 1 WHERE id = 1;
  changed := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS d FROM added', columns)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS d FROM removed', columns)
    ELSE format('SELECT %s, 1 AS d FROM added UNION ALL SELECT %s, -1 AS d FROM removed', columns, columns)
  END;
  -- Transition tables are visible to EXECUTE inside the trigger function.
  EXECUTE format($sql$
    WITH changed AS MATERIALIZED (%s),
    centres AS (
      INSERT INTO "DirectoryCentreCount" AS t (status, "regionId", "countryId", initiator, count)
      SELECT status, "regionId", "countryId", initiator, sum(d)::int
      FROM changed
      GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (status, "regionId", "countryId", initiator) DO UPDATE SET count = t.count + EXCLUDED.count
      RETURNING 1
    )
    INSERT INTO "DirectoryTermCount" AS t (kind, status, "regionId", initiator, "termId", count)
    SELECT k.kind, c.status, c."regionId", c.initiator, k."termId", sum(c.d)::int
    FROM changed c
    CROSS JOIN LATERAL (
      SELECT 1::smallint, u FROM unnest(c."subjectIds") AS u
      UNION ALL SELECT 2::smallint, u FROM unnest(c."activityTypeIds") AS u
    ) AS k(kind, "termId")
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(c.d) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (kind, status, "regionId", initiator, "termId") DO UPDATE SET count = t.count + EXCLUDED.count
  $sql$, changed);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CentreSearch_counts_insert" AFTER INSERT ON "CentreSearch"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION directory_counts_from_search();
CREATE TRIGGER "CentreSearch_counts_update" AFTER UPDATE ON "CentreSearch"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION directory_counts_from_search();
CREATE TRIGGER "CentreSearch_counts_delete" AFTER DELETE ON "CentreSearch"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION directory_counts_from_search();

-- The refresh takes the version row before anything else (it used to bump it
-- last), for the same lock order as the counters' trigger.
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
  )
  INSERT INTO "SearchWord" (word)
  SELECT DISTINCT w.word
  FROM fresh f, regexp_split_to_table(lower(unaccent(f.plain)), '[^[:alnum:]]+') AS w(word)
  WHERE length(w.word) BETWEEN 3 AND 40
  ON CONFLICT DO NOTHING;
END;
$$;

-- The names behind facet ids (regions, countries, subjects, types of
-- activity) are cached by the app per SearchDataVersion too: any change to
-- them bumps it, even one that touches no centre.
CREATE OR REPLACE FUNCTION directory_vocabulary_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SearchDataVersion" SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Region_vocabulary_changed" AFTER INSERT OR UPDATE OR DELETE ON "Region"
  FOR EACH STATEMENT EXECUTE FUNCTION directory_vocabulary_changed();
CREATE TRIGGER "Country_vocabulary_changed" AFTER INSERT OR UPDATE OR DELETE ON "Country"
  FOR EACH STATEMENT EXECUTE FUNCTION directory_vocabulary_changed();
CREATE TRIGGER "Subject_vocabulary_changed" AFTER INSERT OR UPDATE OR DELETE ON "Subject"
  FOR EACH STATEMENT EXECUTE FUNCTION directory_vocabulary_changed();
CREATE TRIGGER "ActivityType_vocabulary_changed" AFTER INSERT OR UPDATE OR DELETE ON "ActivityType"
  FOR EACH STATEMENT EXECUTE FUNCTION directory_vocabulary_changed();

-- Counts for the search rows that exist already.
INSERT INTO "DirectoryCentreCount" (status, "regionId", "countryId", initiator, count)
SELECT status, "regionId", "countryId", initiator, count(*)::int
FROM "CentreSearch" GROUP BY 1, 2, 3, 4;

INSERT INTO "DirectoryTermCount" (kind, status, "regionId", initiator, "termId", count)
SELECT k.kind, s.status, s."regionId", s.initiator, k."termId", count(*)::int
FROM "CentreSearch" s
CROSS JOIN LATERAL (
  SELECT 1::smallint, u FROM unnest(s."subjectIds") AS u
  UNION ALL SELECT 2::smallint, u FROM unnest(s."activityTypeIds") AS u
) AS k(kind, "termId")
GROUP BY 1, 2, 3, 4, 5;

UPDATE "SearchDataVersion" SET version = version + 1 WHERE id = 1;
