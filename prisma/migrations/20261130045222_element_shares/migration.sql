-- Element shares: one row per material and element. Existing passports keep elementMethodVersion 1 and get their
-- element rows and totals recomputed right after migrations (recomputeElementRows in libs/passports).

-- CreateEnum
CREATE TYPE "ElementShareSource" AS ENUM ('DECLARED_ELEMENT', 'FORMULA', 'REFERENCE_SUBSTANCE', 'DECLARED_FRACTIONS');

-- DropIndex
DROP INDEX "PassportMaterial_elementSymbol_status_cluster_massKgPerProd_idx";

-- DropIndex
DROP INDEX "PassportMaterial_elementSymbol_status_massKgPerProduct_id_idx";

-- DropIndex
DROP INDEX "PassportMaterial_manufacturerId_elementSymbol_status_massKg_idx";

-- AlterTable
ALTER TABLE "Passport" ADD COLUMN     "elementMethodVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "PassportMaterialElement" (
    "id" UUID NOT NULL,
    "materialId" UUID NOT NULL,
    "passportId" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "elementSymbol" TEXT NOT NULL,
    "massFraction" DOUBLE PRECISION NOT NULL,
    "massKg" DOUBLE PRECISION NOT NULL,
    "massKgPerProduct" DOUBLE PRECISION NOT NULL,
    "source" "ElementShareSource" NOT NULL,
    "cluster" "ClusterCode" NOT NULL,
    "status" "PassportStatus" NOT NULL,
    "manufacturerId" UUID NOT NULL,
    "corop" TEXT,

    CONSTRAINT "PassportMaterialElement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PassportMaterialElement_elementSymbol_status_massKgPerProdu_idx" ON "PassportMaterialElement"("elementSymbol", "status", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportMaterialElement_elementSymbol_status_cluster_massKg_idx" ON "PassportMaterialElement"("elementSymbol", "status", "cluster", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportMaterialElement_manufacturerId_elementSymbol_status_idx" ON "PassportMaterialElement"("manufacturerId", "elementSymbol", "status", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportMaterialElement_materialId_idx" ON "PassportMaterialElement"("materialId");

-- AddForeignKey
ALTER TABLE "PassportMaterialElement" ADD CONSTRAINT "PassportMaterialElement_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "PassportMaterial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportMaterialElement" ADD CONSTRAINT "PassportMaterialElement_passportId_fkey" FOREIGN KEY ("passportId") REFERENCES "Passport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportMaterialElement" ADD CONSTRAINT "PassportMaterialElement_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "PassportComponent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
