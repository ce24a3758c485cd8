-- Passport identities become unique across the whole registry (they were unique per manufacturer). On a database
-- where two manufacturers registered the same (gtin, serialNumber, batchNumber), the unique index cannot be built:
-- stop with a message naming the identities, so that the operator decides which passport keeps it (e.g. by giving
-- the other a batch or serial suffix) and runs the migration again. Organizations start with no GS1 Company Prefix.
DO $$
DECLARE
  duplicates TEXT;
BEGIN
  SELECT string_agg(format('GTIN %s serial "%s" batch "%s" (%s passports)', "gtin", "serialNumber", "batchNumber", n), '; ')
    INTO duplicates
    FROM (
      SELECT "gtin", "serialNumber", "batchNumber", count(*) AS n
        FROM "Passport"
       GROUP BY "gtin", "serialNumber", "batchNumber"
      HAVING count(*) > 1
       ORDER BY "gtin", "serialNumber", "batchNumber"
       LIMIT 20
    ) AS d;
  IF duplicates IS NOT NULL THEN
    RAISE EXCEPTION 'Passport identities must be unique across the registry, but several passports share one: %. Fix them, then migrate again.', duplicates;
  END IF;
END $$;

-- DropIndex
DROP INDEX "Passport_gtin_serialNumber_batchNumber_idx";

-- DropIndex
DROP INDEX "Passport_manufacturerId_gtin_serialNumber_batchNumber_key";

-- CreateTable
CREATE TABLE "Gs1CompanyPrefix" (
    "prefix" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Gs1CompanyPrefix_pkey" PRIMARY KEY ("prefix")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "organizationId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "passportId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("organizationId","key")
);

-- CreateIndex
CREATE INDEX "Gs1CompanyPrefix_organizationId_idx" ON "Gs1CompanyPrefix"("organizationId");

-- CreateIndex
CREATE INDEX "IdempotencyKey_organizationId_createdAt_idx" ON "IdempotencyKey"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Passport_gtin_serialNumber_batchNumber_key" ON "Passport"("gtin", "serialNumber", "batchNumber");

-- AddForeignKey
ALTER TABLE "Gs1CompanyPrefix" ADD CONSTRAINT "Gs1CompanyPrefix_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
