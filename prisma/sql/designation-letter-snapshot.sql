-- What the designation letter names about the centre, frozen the moment a
-- designation becomes DESIGNATED (decided, seeded or imported alike): the
-- letter is read from "Designation"."letterCentre", so later edits of the
-- centre or of its institution never rewrite a letter already issued. Shape:
-- the `centre` part of the letter (src/domain/designation-letter.ts,
-- LetterFacts).
--
-- A source file: the database gets it through a migration (decision 0020).

CREATE OR REPLACE FUNCTION designation_letter_centre(target_centre integer) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'reference', c.reference,
    'title', c.title,
    'country', jsonb_build_object('name', co.name),
    'region', jsonb_build_object('name', r.name),
    'institution', CASE WHEN i.id IS NULL THEN NULL ELSE jsonb_build_object(
      'name', i.name, 'department', i.department, 'address', i.address,
      'city', i.city, 'postalCode', i."postalCode") END)
  FROM "Centre" c
  JOIN "Country" co ON co.id = c."countryId"
  JOIN "Region" r ON r.id = c."regionId"
  LEFT JOIN "Institution" i ON i.id = c."institutionId"
  WHERE c.id = target_centre
$$;

CREATE OR REPLACE FUNCTION designation_letter_freeze() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'DESIGNATED' AND NEW."letterCentre" IS NULL THEN
    NEW."letterCentre" := designation_letter_centre(NEW."centreId");
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER designation_letter_freeze
  BEFORE INSERT OR UPDATE OF state ON "Designation"
  FOR EACH ROW EXECUTE FUNCTION designation_letter_freeze();

