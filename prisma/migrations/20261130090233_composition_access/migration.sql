-- AlterTable
ALTER TABLE "Passport" ADD COLUMN     "compositionGrantees" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "compositionRestricted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CompositionGrant" (
    "passportId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompositionGrant_pkey" PRIMARY KEY ("passportId","organizationId")
);

-- CreateIndex
CREATE INDEX "CompositionGrant_organizationId_idx" ON "CompositionGrant"("organizationId");

-- AddForeignKey
ALTER TABLE "CompositionGrant" ADD CONSTRAINT "CompositionGrant_passportId_fkey" FOREIGN KEY ("passportId") REFERENCES "Passport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompositionGrant" ADD CONSTRAINT "CompositionGrant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
