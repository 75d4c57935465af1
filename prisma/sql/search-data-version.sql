-- "SearchDataVersion" (one row, id 1) changes whenever any public directory
-- data may have: centre_search_refresh and the counters' trigger bump it, and
-- so does any change to the names behind facet ids (regions, countries,
-- subjects, types of activity), even one that touches no centre. Every search
-- reads it first; the per-instance caches of names, counts and pages are keyed
-- by it (src/server/queries/directory-cache.ts).
--
-- A source file: the database gets it through a migration (decision 0020).

CREATE OR REPLACE FUNCTION directory_vocabulary_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SearchDataVersion" SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER "Region_vocabulary_changed" AFTER INSERT OR UPDATE OR DELETE ON "Region"
  FOR EACH STATEMENT EXECUTE FUNCTION directory_vocabulary_changed();
CREATE OR REPLACE TRIGGER "Country_vocabulary_changed" AFTER INSERT OR UPDATE OR DELETE ON "Country"
  FOR EACH STATEMENT EXECUTE FUNCTION directory_vocabulary_changed();
CREATE OR REPLACE TRIGGER "Subject_vocabulary_changed" AFTER INSERT OR UPDATE OR DELETE ON "Subject"
  FOR EACH STATEMENT EXECUTE FUNCTION directory_vocabulary_changed();
CREATE OR REPLACE TRIGGER "ActivityType_vocabulary_changed" AFTER INSERT OR UPDATE OR DELETE ON "ActivityType"
  FOR EACH STATEMENT EXECUTE FUNCTION directory_vocabulary_changed();
