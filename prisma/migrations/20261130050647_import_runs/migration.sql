-- CreateEnum
CREATE TYPE "ImportMode" AS ENUM ('CREATE', 'UPSERT');

-- CreateEnum
CREATE TYPE "ImportRunStatus" AS ENUM ('RECEIVING', 'QUEUED', 'RUNNING', 'FINISHED', 'FAILED');

-- CreateEnum
CREATE TYPE "ImportRowOutcome" AS ENUM ('CREATED', 'REVISED', 'UNCHANGED', 'FAILED');

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "createdByKeyId" UUID,
    "mode" "ImportMode" NOT NULL,
    "dryRun" BOOLEAN NOT NULL,
    "status" "ImportRunStatus" NOT NULL,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "revised" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportPendingRow" (
    "runId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "rowRef" TEXT NOT NULL,
    "passport" JSONB,
    "problem" TEXT,

    CONSTRAINT "ImportPendingRow_pkey" PRIMARY KEY ("runId","position")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "runId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "rowRef" TEXT NOT NULL,
    "outcome" "ImportRowOutcome" NOT NULL,
    "passportId" UUID,
    "revision" INTEGER,
    "violations" JSONB,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("runId","position")
);

-- CreateIndex
CREATE INDEX "ImportRun_organizationId_createdAt_idx" ON "ImportRun"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportRun_status_leaseExpiresAt_idx" ON "ImportRun"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "ImportRow_runId_outcome_position_idx" ON "ImportRow"("runId", "outcome", "position");

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportPendingRow" ADD CONSTRAINT "ImportPendingRow_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
