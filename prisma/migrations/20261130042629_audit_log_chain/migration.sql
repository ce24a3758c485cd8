-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "draft" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "previousHash" TEXT;

-- Events written before this migration: mark those of never-published drafts (the rule recordAuditEvent applies to
-- new events: a registration or revision written as DRAFT, an archival from DRAFT). They stay unchained (hash null);
-- the chain starts with the first event written after this migration.
UPDATE "AuditEvent" SET "draft" = true
 WHERE "passportId" IS NOT NULL
   AND (("action" IN ('passport.registered', 'passport.revised') AND "details"->>'status' = 'DRAFT')
     OR ("action" = 'passport.archived' AND "details"->>'from' = 'DRAFT'));

-- The audit log is append-only, enforced by the database itself: whatever reaches it (the registry, a script, a
-- person with SQL access but not table ownership) cannot change or remove an event.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % of "AuditEvent" rows is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_event_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
