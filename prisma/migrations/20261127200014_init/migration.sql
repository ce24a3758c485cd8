-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('MANUFACTURER', 'RECYCLER', 'AUDITOR', 'AUTHORITY');

-- CreateEnum
CREATE TYPE "ApiKeyRole" AS ENUM ('ADMIN', 'MANUFACTURER', 'RECYCLER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "ClusterCode" AS ENUM ('WIND_PARK', 'SOLAR_PV', 'BATTERY', 'HEAT_AS_A_SERVICE', 'HIGH_TECH_EQUIPMENT');

-- CreateEnum
CREATE TYPE "Granularity" AS ENUM ('MODEL', 'BATCH', 'ITEM');

-- CreateEnum
CREATE TYPE "PassportStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "corop" TEXT,
    "sbiCode" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "role" "ApiKeyRole" NOT NULL,
    "secretHash" TEXT NOT NULL,
    "secretPrefix" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "code" "ClusterCode" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "strategies" TEXT[],

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Element" (
    "symbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "atomicNumber" INTEGER NOT NULL,

    CONSTRAINT "Element_pkey" PRIMARY KEY ("symbol")
);

-- CreateTable
CREATE TABLE "CriticalMaterialList" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "publishedOn" DATE NOT NULL,

    CONSTRAINT "CriticalMaterialList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriticalListElement" (
    "listId" TEXT NOT NULL,
    "materialName" TEXT NOT NULL,
    "elementSymbol" TEXT NOT NULL,

    CONSTRAINT "CriticalListElement_pkey" PRIMARY KEY ("listId","materialName","elementSymbol")
);

-- CreateTable
CREATE TABLE "Passport" (
    "id" UUID NOT NULL,
    "manufacturerId" UUID NOT NULL,
    "cluster" "ClusterCode" NOT NULL,
    "granularity" "Granularity" NOT NULL,
    "gtin" TEXT NOT NULL,
    "serialNumber" TEXT NOT NULL DEFAULT '',
    "batchNumber" TEXT NOT NULL DEFAULT '',
    "productName" TEXT NOT NULL,
    "status" "PassportStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "totalMassKg" DOUBLE PRECISION NOT NULL,
    "unitCount" INTEGER NOT NULL DEFAULT 1,
    "mci" DOUBLE PRECISION,
    "reuseValueAmount" DOUBLE PRECISION,
    "reuseValueCurrency" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Passport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassportRevision" (
    "id" UUID NOT NULL,
    "passportId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "productName" TEXT NOT NULL,
    "status" "PassportStatus" NOT NULL,
    "composition" JSONB NOT NULL,
    "totalMassKg" DOUBLE PRECISION NOT NULL,
    "createdByKeyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contentHash" TEXT,
    "previousHash" TEXT,
    "signature" TEXT,
    "signingKeyId" TEXT,
    "circularity" JSONB,
    "reuseValue" JSONB,

    CONSTRAINT "PassportRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassportComponent" (
    "id" UUID NOT NULL,
    "passportId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "parentKey" TEXT,
    "quantity" DOUBLE PRECISION NOT NULL,
    "massKg" DOUBLE PRECISION NOT NULL,
    "unitsPerProduct" DOUBLE PRECISION NOT NULL,
    "details" JSONB,

    CONSTRAINT "PassportComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassportMaterial" (
    "id" UUID NOT NULL,
    "passportId" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "elementSymbol" TEXT,
    "casNumber" TEXT,
    "massKg" DOUBLE PRECISION NOT NULL,
    "massKgPerProduct" DOUBLE PRECISION NOT NULL,
    "recycledContentPct" DOUBLE PRECISION,
    "details" JSONB,
    "cluster" "ClusterCode" NOT NULL,
    "status" "PassportStatus" NOT NULL,
    "manufacturerId" UUID NOT NULL,
    "corop" TEXT,

    CONSTRAINT "PassportMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassportElementTotal" (
    "passportId" UUID NOT NULL,
    "elementSymbol" TEXT NOT NULL,
    "massKg" DOUBLE PRECISION NOT NULL,
    "componentCount" INTEGER NOT NULL,
    "cluster" "ClusterCode" NOT NULL,
    "status" "PassportStatus" NOT NULL,
    "manufacturerId" UUID NOT NULL,
    "corop" TEXT,
    "unitCount" INTEGER NOT NULL,

    CONSTRAINT "PassportElementTotal_pkey" PRIMARY KEY ("passportId","elementSymbol")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "actorOrganizationId" UUID,
    "actorKeyId" UUID,
    "passportId" UUID,
    "revision" INTEGER,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_idx" ON "ApiKey"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Element_atomicNumber_key" ON "Element"("atomicNumber");

-- CreateIndex
CREATE INDEX "CriticalListElement_elementSymbol_idx" ON "CriticalListElement"("elementSymbol");

-- CreateIndex
CREATE INDEX "Passport_gtin_serialNumber_batchNumber_idx" ON "Passport"("gtin", "serialNumber", "batchNumber");

-- CreateIndex
CREATE INDEX "Passport_cluster_status_createdAt_id_idx" ON "Passport"("cluster", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Passport_manufacturerId_createdAt_id_idx" ON "Passport"("manufacturerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Passport_createdAt_id_idx" ON "Passport"("createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Passport_manufacturerId_gtin_serialNumber_batchNumber_key" ON "Passport"("manufacturerId", "gtin", "serialNumber", "batchNumber");

-- CreateIndex
CREATE UNIQUE INDEX "PassportRevision_passportId_revision_key" ON "PassportRevision"("passportId", "revision");

-- CreateIndex
CREATE INDEX "PassportComponent_passportId_position_idx" ON "PassportComponent"("passportId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PassportComponent_passportId_key_key" ON "PassportComponent"("passportId", "key");

-- CreateIndex
CREATE INDEX "PassportMaterial_passportId_position_idx" ON "PassportMaterial"("passportId", "position");

-- CreateIndex
CREATE INDEX "PassportMaterial_componentId_idx" ON "PassportMaterial"("componentId");

-- CreateIndex
CREATE INDEX "PassportMaterial_elementSymbol_status_massKgPerProduct_id_idx" ON "PassportMaterial"("elementSymbol", "status", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportMaterial_casNumber_status_massKgPerProduct_id_idx" ON "PassportMaterial"("casNumber", "status", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportMaterial_elementSymbol_status_cluster_massKgPerProd_idx" ON "PassportMaterial"("elementSymbol", "status", "cluster", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportMaterial_casNumber_status_cluster_massKgPerProduct__idx" ON "PassportMaterial"("casNumber", "status", "cluster", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportMaterial_manufacturerId_elementSymbol_status_massKg_idx" ON "PassportMaterial"("manufacturerId", "elementSymbol", "status", "massKgPerProduct" DESC, "id");

-- CreateIndex
CREATE INDEX "PassportElementTotal_elementSymbol_status_cluster_idx" ON "PassportElementTotal"("elementSymbol", "status", "cluster");

-- CreateIndex
CREATE INDEX "PassportElementTotal_cluster_status_elementSymbol_idx" ON "PassportElementTotal"("cluster", "status", "elementSymbol");

-- CreateIndex
CREATE INDEX "AuditEvent_passportId_id_idx" ON "AuditEvent"("passportId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorOrganizationId_id_idx" ON "AuditEvent"("actorOrganizationId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_id_idx" ON "AuditEvent"("occurredAt", "id");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriticalListElement" ADD CONSTRAINT "CriticalListElement_listId_fkey" FOREIGN KEY ("listId") REFERENCES "CriticalMaterialList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passport" ADD CONSTRAINT "Passport_manufacturerId_fkey" FOREIGN KEY ("manufacturerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportRevision" ADD CONSTRAINT "PassportRevision_passportId_fkey" FOREIGN KEY ("passportId") REFERENCES "Passport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportComponent" ADD CONSTRAINT "PassportComponent_passportId_fkey" FOREIGN KEY ("passportId") REFERENCES "Passport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportMaterial" ADD CONSTRAINT "PassportMaterial_passportId_fkey" FOREIGN KEY ("passportId") REFERENCES "Passport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportMaterial" ADD CONSTRAINT "PassportMaterial_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "PassportComponent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassportElementTotal" ADD CONSTRAINT "PassportElementTotal_passportId_fkey" FOREIGN KEY ("passportId") REFERENCES "Passport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
