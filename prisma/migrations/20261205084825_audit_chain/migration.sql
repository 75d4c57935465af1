-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "sealedAt" TIMESTAMP(3),
ADD COLUMN     "seq" BIGINT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- ─────────────────────────────────────────────────────────────────────────────
-- Written by hand: prisma/sql/audit-append-only.sql as it is now (decision
-- 0020), so that the audit-seal job may seal a row once (decision 0029).
-- ─────────────────────────────────────────────────────────────────────────────
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
