-- "AuditEvent" is append-only: a row, once written, can be neither changed nor
-- deleted, whatever the application code does. (Deleting a User who has audit
-- events therefore fails: the foreign key's SET NULL is an UPDATE.)
--
-- A source file: the database gets it through a migration (decision 0020).

CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE OR REPLACE TRIGGER "AuditEvent_append_only"
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
