-- CreateTable
CREATE TABLE "ImportStagedRecord" (
    "runId" UUID NOT NULL,
    "sheet" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "passportKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "record" TEXT NOT NULL,

    CONSTRAINT "ImportStagedRecord_pkey" PRIMARY KEY ("runId","sheet","row")
);

-- CreateIndex
CREATE INDEX "ImportStagedRecord_runId_sheet_passportKey_key_row_idx" ON "ImportStagedRecord"("runId", "sheet", "passportKey", "key", "row");

-- AddForeignKey
ALTER TABLE "ImportStagedRecord" ADD CONSTRAINT "ImportStagedRecord_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
