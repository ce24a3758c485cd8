-- CreateTable
CREATE TABLE "ImportStagedRecord" (
    "runId" UUID NOT NULL,
    "sheet" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "passportKey" TEXT NOT NULL,
    "lines" TEXT NOT NULL,

    CONSTRAINT "ImportStagedRecord_pkey" PRIMARY KEY ("runId","sheet","row")
);

-- CreateIndex
CREATE INDEX "ImportStagedRecord_runId_sheet_passportKey_idx" ON "ImportStagedRecord"("runId", "sheet", "passportKey");

-- AddForeignKey
ALTER TABLE "ImportStagedRecord" ADD CONSTRAINT "ImportStagedRecord_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
