-- AlterTable
ALTER TABLE "Passport" ADD COLUMN     "carbonFootprintKgCO2e" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "PassportSubstanceOfConcern" (
    "id" UUID NOT NULL,
    "passportId" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "materialId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "casNumber" TEXT,
    "ecNumber" TEXT,
    "svhc" BOOLEAN,
    "candidateListId" TEXT,
    "candidateListEntry" TEXT,
    "concentrationPct" DOUBLE PRECISION,
    "concentrationMinPct" DOUBLE PRECISION,
    "concentrationMaxPct" DOUBLE PRECISION,
    "location" TEXT,
    "safeUse" TEXT,
    "endOfLife" TEXT,
    "massKgPerProduct" DOUBLE PRECISION NOT NULL,
    "cluster" "ClusterCode" NOT NULL,
    "status" "PassportStatus" NOT NULL,
    "manufacturerId" UUID NOT NULL,
    "corop" TEXT,

    CONSTRAINT "PassportSubstanceOfConcern_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PassportSubstanceOfConcern_passportId_position_idx" ON "PassportSubstanceOfConcern"("passportId", "position");

-- CreateIndex
CREATE INDEX "PassportSubstanceOfConcern_materialId_idx" ON "PassportSubstanceOfConcern"("materialId");

-- CreateIndex
CREATE INDEX "PassportSubstanceOfConcern_status_massKgPerProduct_id_idx" ON "PassportSubstanceOfConcern"("status", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportSubstanceOfConcern_status_cluster_massKgPerProduct__idx" ON "PassportSubstanceOfConcern"("status", "cluster", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportSubstanceOfConcern_casNumber_status_massKgPerProduc_idx" ON "PassportSubstanceOfConcern"("casNumber", "status", "massKgPerProduct" DESC, "id");

-- AddForeignKey
ALTER TABLE "PassportSubstanceOfConcern" ADD CONSTRAINT "PassportSubstanceOfConcern_passportId_fkey" FOREIGN KEY ("passportId") REFERENCES "Passport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportSubstanceOfConcern" ADD CONSTRAINT "PassportSubstanceOfConcern_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "PassportComponent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportSubstanceOfConcern" ADD CONSTRAINT "PassportSubstanceOfConcern_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "PassportMaterial"("id") ON DELETE CASCADE ON UPDATE CASCADE;
