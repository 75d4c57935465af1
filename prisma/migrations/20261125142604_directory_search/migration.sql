-- The public directory (issue 4). Written defensively (IF [NOT] EXISTS) so the
-- migration applies whether or not an earlier migration already describes
-- these columns.

-- DropIndex
DROP INDEX IF EXISTS "CentreSearch_termEnd_centreId_idx";

-- AlterTable
ALTER TABLE "CentreSearch" DROP COLUMN IF EXISTS "termEnd",
ADD COLUMN IF NOT EXISTS "sortExpiry" DATE NOT NULL;

-- CreateIndex
CREATE INDEX IF NOT EXISTS "CentreSearch_sortExpiry_centreId_idx" ON "CentreSearch"("sortExpiry", "centreId");

-- ─────────────────────────────────────────────────────────────────────────────
-- Written by hand (schema.prisma cannot express functions and triggers;
-- `npm run db:diff` ignores them).
-- ─────────────────────────────────────────────────────────────────────────────

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The search row of the given centres (all centres when target_ids is NULL),
-- plus `plain`, the same text unweighted, for the word list. The terms of
-- reference and work plan are those of the current term: the DESIGNATED
-- designation with the highest frozen version (then latest start), which is
-- what the public centre page shows. Only the first three subjects and types of
-- activity are public (docs/domain.md §3), so only they are searchable and counted.
CREATE OR REPLACE FUNCTION centre_search_rows(target_ids integer[])
RETURNS TABLE (
  "centreId" integer, status "CentreStatus", "regionId" integer, "countryId" integer, initiator "Initiator",
  "subjectIds" integer[], "activityTypeIds" integer[], "sortReference" text, title text, "sortExpiry" date,
  document tsvector, plain text
)
LANGUAGE sql STABLE AS $$
  SELECT c.id, c.status, c."regionId", c."countryId", c.initiator,
         coalesce(s.ids, '{}'), coalesce(a.ids, '{}'),
         split_part(c.reference, '-', 1) || '-' || lpad(c."referenceNumber"::text, 6, '0'),
         c.title,
         coalesce(c."termEnd", DATE '9999-12-31'),
         setweight(to_tsvector('english', unaccent(c.title)), 'A')
           || setweight(to_tsvector('english', unaccent(coalesce(s.names, ''))), 'B')
           || setweight(to_tsvector('english', unaccent(concat_ws(' ', i.name, i.department, c.city, i.city))), 'C')
           || setweight(to_tsvector('english', unaccent(concat_ws(' ', a.names, t.body))), 'D'),
         concat_ws(' ', c.title, s.names, i.name, i.department, c.city, i.city, a.names, t.body)
  FROM "Centre" c
  LEFT JOIN "Institution" i ON i.id = c."institutionId"
  LEFT JOIN LATERAL (
    SELECT array_agg(x.id ORDER BY x.position) AS ids, string_agg(x.name, ' ') AS names
    FROM (SELECT cs."subjectId" AS id, cs.position, sj.name
          FROM "CentreSubject" cs JOIN "Subject" sj ON sj.id = cs."subjectId"
          WHERE cs."centreId" = c.id ORDER BY cs.position, cs."subjectId" LIMIT 3) x
  ) s ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(x.id ORDER BY x.position) AS ids, string_agg(x.name, ' ') AS names
    FROM (SELECT ca."activityTypeId" AS id, ca.position, at.name
          FROM "CentreActivityType" ca JOIN "ActivityType" at ON at.id = ca."activityTypeId"
          WHERE ca."centreId" = c.id ORDER BY ca.position, ca."activityTypeId" LIMIT 3) x
  ) a ON true
  LEFT JOIN LATERAL (
    SELECT concat_ws(' ',
      (SELECT string_agg(tor.text, ' ') FROM "TermsOfReferenceItem" tor WHERE tor."designationId" = d.id),
      (SELECT string_agg(concat_ws(' ', w.title, w.description, w.deliverables), ' ')
         FROM "WorkPlanActivity" w WHERE w."designationId" = d.id)) AS body
    FROM "Designation" d
    WHERE d."centreId" = c.id AND d.state = 'DESIGNATED'
    ORDER BY d."frozenVersion" DESC NULLS LAST, d."termStart" DESC NULLS LAST, d.id DESC
    LIMIT 1
  ) t ON true
  WHERE centre_search_rows.target_ids IS NULL OR c.id = ANY (centre_search_rows.target_ids)
$$;

-- Rewrites the search rows of the given centres (NULL: all) and adds their
-- words to the word list. Words are never removed: a stale word only offers a
-- correction that then finds nothing.
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
END;
$$;

CREATE OR REPLACE FUNCTION centre_search_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CentreSearch";
  PERFORM centre_search_refresh(NULL);
END;
$$;

-- Statement-level triggers with transition tables: a bulk insert (the import,
-- createMany) refreshes each touched centre once per statement, not per row.
-- UPDATE triggers read the new rows only: no code moves a subject, activity or
-- ToR item from one centre to another.
CREATE OR REPLACE FUNCTION centre_search_from_centre() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM centre_search_refresh(ARRAY(SELECT DISTINCT id FROM changed));
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION centre_search_from_centre_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM centre_search_refresh(ARRAY(SELECT DISTINCT "centreId" FROM changed));
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION centre_search_from_designation_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM centre_search_refresh(ARRAY(
    SELECT DISTINCT d."centreId" FROM "Designation" d WHERE d.id IN (SELECT "designationId" FROM changed)));
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION centre_search_from_institution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM centre_search_refresh(ARRAY(
    SELECT c.id FROM "Centre" c WHERE c."institutionId" IN (SELECT id FROM changed)));
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION centre_search_from_subject() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM centre_search_refresh(ARRAY(
    SELECT DISTINCT cs."centreId" FROM "CentreSubject" cs WHERE cs."subjectId" IN (SELECT id FROM changed)));
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION centre_search_from_activity_type() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM centre_search_refresh(ARRAY(
    SELECT DISTINCT ca."centreId" FROM "CentreActivityType" ca WHERE ca."activityTypeId" IN (SELECT id FROM changed)));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Centre_search_insert" AFTER INSERT ON "Centre"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre();
CREATE TRIGGER "Centre_search_update" AFTER UPDATE ON "Centre"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre();

CREATE TRIGGER "CentreSubject_search_insert" AFTER INSERT ON "CentreSubject"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE TRIGGER "CentreSubject_search_update" AFTER UPDATE ON "CentreSubject"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE TRIGGER "CentreSubject_search_delete" AFTER DELETE ON "CentreSubject"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();

CREATE TRIGGER "CentreActivityType_search_insert" AFTER INSERT ON "CentreActivityType"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE TRIGGER "CentreActivityType_search_update" AFTER UPDATE ON "CentreActivityType"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE TRIGGER "CentreActivityType_search_delete" AFTER DELETE ON "CentreActivityType"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();

CREATE TRIGGER "Designation_search_insert" AFTER INSERT ON "Designation"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE TRIGGER "Designation_search_update" AFTER UPDATE ON "Designation"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE TRIGGER "Designation_search_delete" AFTER DELETE ON "Designation"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();

CREATE TRIGGER "TermsOfReferenceItem_search_insert" AFTER INSERT ON "TermsOfReferenceItem"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();
CREATE TRIGGER "TermsOfReferenceItem_search_update" AFTER UPDATE ON "TermsOfReferenceItem"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();
CREATE TRIGGER "TermsOfReferenceItem_search_delete" AFTER DELETE ON "TermsOfReferenceItem"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();

CREATE TRIGGER "WorkPlanActivity_search_insert" AFTER INSERT ON "WorkPlanActivity"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();
CREATE TRIGGER "WorkPlanActivity_search_update" AFTER UPDATE ON "WorkPlanActivity"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();
CREATE TRIGGER "WorkPlanActivity_search_delete" AFTER DELETE ON "WorkPlanActivity"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();

CREATE TRIGGER "Institution_search_update" AFTER UPDATE ON "Institution"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_institution();
CREATE TRIGGER "Subject_search_update" AFTER UPDATE ON "Subject"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_subject();
CREATE TRIGGER "ActivityType_search_update" AFTER UPDATE ON "ActivityType"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_activity_type();

-- Rows for centres that existed before this migration.
SELECT centre_search_rebuild();
