-- Keeping the search rows current: statement-level triggers on every table
-- the search document reads call centre_search_refresh (search-refresh.sql)
-- with the centres the statement touched. Transition tables make a bulk
-- insert (the import, createMany) refresh each touched centre once per
-- statement, not once per row. UPDATE triggers read the new rows only: no code
-- moves a subject, activity or ToR item from one centre to another. Deleting a
-- centre cascades to its search row. Nothing else in the application has to
-- remember the search.
--
-- A source file: the database gets it through a migration (decision 0020).

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

CREATE OR REPLACE TRIGGER "Centre_search_insert" AFTER INSERT ON "Centre"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre();
CREATE OR REPLACE TRIGGER "Centre_search_update" AFTER UPDATE ON "Centre"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre();

CREATE OR REPLACE TRIGGER "CentreSubject_search_insert" AFTER INSERT ON "CentreSubject"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE OR REPLACE TRIGGER "CentreSubject_search_update" AFTER UPDATE ON "CentreSubject"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE OR REPLACE TRIGGER "CentreSubject_search_delete" AFTER DELETE ON "CentreSubject"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();

CREATE OR REPLACE TRIGGER "CentreActivityType_search_insert" AFTER INSERT ON "CentreActivityType"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE OR REPLACE TRIGGER "CentreActivityType_search_update" AFTER UPDATE ON "CentreActivityType"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE OR REPLACE TRIGGER "CentreActivityType_search_delete" AFTER DELETE ON "CentreActivityType"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();

CREATE OR REPLACE TRIGGER "Designation_search_insert" AFTER INSERT ON "Designation"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE OR REPLACE TRIGGER "Designation_search_update" AFTER UPDATE ON "Designation"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();
CREATE OR REPLACE TRIGGER "Designation_search_delete" AFTER DELETE ON "Designation"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_centre_child();

CREATE OR REPLACE TRIGGER "TermsOfReferenceItem_search_insert" AFTER INSERT ON "TermsOfReferenceItem"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();
CREATE OR REPLACE TRIGGER "TermsOfReferenceItem_search_update" AFTER UPDATE ON "TermsOfReferenceItem"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();
CREATE OR REPLACE TRIGGER "TermsOfReferenceItem_search_delete" AFTER DELETE ON "TermsOfReferenceItem"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();

CREATE OR REPLACE TRIGGER "WorkPlanActivity_search_insert" AFTER INSERT ON "WorkPlanActivity"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();
CREATE OR REPLACE TRIGGER "WorkPlanActivity_search_update" AFTER UPDATE ON "WorkPlanActivity"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();
CREATE OR REPLACE TRIGGER "WorkPlanActivity_search_delete" AFTER DELETE ON "WorkPlanActivity"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_designation_child();

CREATE OR REPLACE TRIGGER "Institution_search_update" AFTER UPDATE ON "Institution"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_institution();
CREATE OR REPLACE TRIGGER "Subject_search_update" AFTER UPDATE ON "Subject"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_subject();
CREATE OR REPLACE TRIGGER "ActivityType_search_update" AFTER UPDATE ON "ActivityType"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION centre_search_from_activity_type();
