-- CreateEnum
CREATE TYPE "LifecycleEventType" AS ENUM ('INSTALLED', 'INSPECTED', 'REPAIRED', 'REFURBISHED', 'REMANUFACTURED', 'REPURPOSED', 'DECOMMISSIONED', 'COLLECTED', 'DISMANTLED', 'RECYCLED', 'RESPONSIBILITY_TRANSFERRED');

-- CreateEnum
CREATE TYPE "PassportLinkRelation" AS ENUM ('HAS_COMPONENT', 'SUCCESSOR');

-- AlterEnum
ALTER TYPE "ApiKeyRole" ADD VALUE 'SERVICE_PROVIDER';

-- AlterEnum
ALTER TYPE "OrganizationKind" ADD VALUE 'SERVICE_PROVIDER';

-- AlterTable
ALTER TABLE "Passport" ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "expectedEndOfLife" TIMESTAMPTZ(3),
ADD COLUMN     "installedAt" TIMESTAMPTZ(3),
ADD COLUMN     "installedCorop" TEXT,
ADD COLUMN     "lifecycleEventCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lifetimeYears" DOUBLE PRECISION,
ADD COLUMN     "responsibleOrganizationId" UUID;

-- CreateTable
CREATE TABLE "LifecycleEvent" (
    "id" UUID NOT NULL,
    "passportId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "type" "LifecycleEventType" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "corop" TEXT,
    "componentKeys" TEXT[],
    "note" TEXT,
    "evidenceUrl" TEXT,
    "actorOrganizationId" UUID,
    "actorKeyId" UUID,
    "fromOrganizationId" UUID,
    "toOrganizationId" UUID,
    "contentHash" TEXT NOT NULL,
    "previousHash" TEXT,
    "signature" TEXT NOT NULL,
    "signingKeyId" TEXT NOT NULL,

    CONSTRAINT "LifecycleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassportLink" (
    "fromPassportId" UUID NOT NULL,
    "relation" "PassportLinkRelation" NOT NULL,
    "toPassportId" UUID NOT NULL,
    "componentKey" TEXT NOT NULL DEFAULT '',
    "elementMassKg" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PassportLink_pkey" PRIMARY KEY ("fromPassportId","relation","toPassportId","componentKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "LifecycleEvent_passportId_sequence_key" ON "LifecycleEvent"("passportId", "sequence");

-- CreateIndex
CREATE INDEX "PassportLink_toPassportId_relation_idx" ON "PassportLink"("toPassportId", "relation");

-- CreateIndex
CREATE INDEX "Passport_installedCorop_idx" ON "Passport"("installedCorop");

-- CreateIndex
CREATE INDEX "Passport_expectedEndOfLife_idx" ON "Passport"("expectedEndOfLife");

-- AddForeignKey
ALTER TABLE "Passport" ADD CONSTRAINT "Passport_responsibleOrganizationId_fkey" FOREIGN KEY ("responsibleOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleEvent" ADD CONSTRAINT "LifecycleEvent_passportId_fkey" FOREIGN KEY ("passportId") REFERENCES "Passport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportLink" ADD CONSTRAINT "PassportLink_fromPassportId_fkey" FOREIGN KEY ("fromPassportId") REFERENCES "Passport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportLink" ADD CONSTRAINT "PassportLink_toPassportId_fkey" FOREIGN KEY ("toPassportId") REFERENCES "Passport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Lifecycle events are append-only, enforced by the database itself, like the audit log.
CREATE FUNCTION "lifecycle_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Lifecycle events are append-only: % of "LifecycleEvent" rows is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "lifecycle_event_append_only"
  BEFORE UPDATE OR DELETE ON "LifecycleEvent"
  FOR EACH ROW EXECUTE FUNCTION "lifecycle_event_append_only"();

-- Passports registered before: their lifetime from the current revision's document, and the end of life it gives
-- (createdAt plus the whole years of the lifetime, then its fraction in days of 365.25, as expectedEndOfLifeOf in
-- libs/passports computes it).
UPDATE "Passport" p
   SET "lifetimeYears" = (r."composition"->'utility'->>'lifetimeYears')::double precision
  FROM "PassportRevision" r
 WHERE r."passportId" = p."id" AND r."revision" = p."revision" AND (r."composition"->'utility'->>'lifetimeYears') IS NOT NULL;
UPDATE "Passport"
   SET "expectedEndOfLife" = "createdAt" + make_interval(years => trunc("lifetimeYears")::int,
                                                         days => round(("lifetimeYears" - trunc("lifetimeYears")) * 365.25)::int)
 WHERE "lifetimeYears" IS NOT NULL;
