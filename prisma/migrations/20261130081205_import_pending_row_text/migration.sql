-- AlterTable
ALTER TABLE "ImportPendingRow" ALTER COLUMN "passport" SET DATA TYPE TEXT;
