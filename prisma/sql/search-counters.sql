-- The facet counters: "DirectoryCentreCount" (status, region, country,
-- initiator → centres) and "DirectoryTermCount" (kind 1 subject / 2 type of
-- activity, status, region, initiator, term → centres) follow "CentreSearch"
-- through one statement-level trigger. Each INSERT, UPDATE or DELETE of search
-- rows adds its net change (new rows +1, old rows −1) to the counter rows in
-- one set-wise upsert per table; an edit that changes no facet value (a title,
-- a ToR item) nets to zero and writes no counter row. Searches without words
-- and without a subject or activity filter sum these rows instead of counting
-- centres (src/server/queries/directory-facets.ts).
--
-- A source file: the database gets it through a migration (decision 0020).

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

CREATE OR REPLACE TRIGGER "CentreSearch_counts_insert" AFTER INSERT ON "CentreSearch"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION directory_counts_from_search();
CREATE OR REPLACE TRIGGER "CentreSearch_counts_update" AFTER UPDATE ON "CentreSearch"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION directory_counts_from_search();
CREATE OR REPLACE TRIGGER "CentreSearch_counts_delete" AFTER DELETE ON "CentreSearch"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION directory_counts_from_search();
