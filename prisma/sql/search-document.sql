-- The search document of a centre: what the directory's full-text search
-- matches and ranks (the ranking rules themselves are summarised in
-- src/server/queries/directory-search.ts).
--
-- One row per centre (all centres when target_ids is NULL) with the facet
-- columns, the sort keys and `document`, a tsvector whose labels decide how
-- much a match counts in ts_rank (its default weights: A 1.0, B 0.4, C 0.2,
-- D 0.1):
--   A  the centre's title
--   B  its first three subjects
--   C  institution name and department, the centre's and the institution's city
--   D  its first three types of activity, the current term's terms of
--      reference and work-plan activities
-- Text is accent-folded (unaccent) and stemmed with the 'english'
-- configuration. `plain` is the same text unweighted and unstemmed, from which
-- centre_search_refresh builds the word list for spelling corrections.
--
-- The current term is the DESIGNATED designation with the highest frozen
-- version (then latest start), which is what the public centre page shows.
-- Only the first three subjects and types of activity are public (docs/domain.md
-- §3), so only they are searchable and counted.
--
-- A source file: the database gets it through a migration (decision 0020).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

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
