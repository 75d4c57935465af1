-- "AuditEvent" is append-only: a row, once written, can be neither changed nor
-- deleted, whatever the application code does. (Deleting a User who has audit
-- events therefore fails: the foreign key's SET NULL is an UPDATE.)
--
-- The one update allowed is sealing (decision 0029): the `audit-seal` job
-- sets "seq", "prevHash", "hash" and "sealedAt" of a row that has none of
-- them yet, once, and nothing else. Every content column must stay as it was
-- (a column added to the table later must be added to this list). Someone
-- who can turn this trigger off (the table's owner, a superuser) can still
-- change or delete rows: the hash chain is what shows it afterwards
-- (`npm run audit:verify`).
--
-- A source file: the database gets it through a migration (decision 0020).

CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND OLD.seq IS NULL AND OLD."prevHash" IS NULL AND OLD.hash IS NULL AND OLD."sealedAt" IS NULL
    AND NEW.seq IS NOT NULL AND NEW."prevHash" IS NOT NULL AND NEW.hash IS NOT NULL AND NEW."sealedAt" IS NOT NULL
    AND (NEW.id, NEW."occurredAt", NEW."actorId", NEW."actorRole", NEW.action, NEW."entityType",
         NEW."entityId", NEW."fromState", NEW."toState", NEW.ip, NEW."userAgent", NEW.details)
      IS NOT DISTINCT FROM
        (OLD.id, OLD."occurredAt", OLD."actorId", OLD."actorRole", OLD.action, OLD."entityType",
         OLD."entityId", OLD."fromState", OLD."toState", OLD.ip, OLD."userAgent", OLD.details)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE OR REPLACE TRIGGER "AuditEvent_append_only"
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
