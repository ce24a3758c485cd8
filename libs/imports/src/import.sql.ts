// The SQL of an import's per-chunk bookkeeping, run on the driver in the chunk's transaction: every column one
// array parameter expanded with unnest (enums travel as text[], see passport-bulk.sql.ts); received rows, whole
// documents, as multi-row VALUES.
import { valuesList } from '@registry/core';

/** Received rows, one parameter per value (see valuesList: the rows are whole documents); $1 is the run. */
export function insertPendingRows(rows: number): string {
  return `
INSERT INTO "ImportPendingRow" ("position", "rowRef", "passport", "problem", "runId")
SELECT v.*, $1::uuid FROM (VALUES ${valuesList(rows, ['int', 'text', 'text', 'text'], 2)}) AS v`;
}

export const NEXT_PENDING_POSITIONS = `SELECT "position" FROM "ImportPendingRow" WHERE "runId" = $1::uuid ORDER BY "position" LIMIT $2::int`;

/** The first rows without an outcome after position $2 (-1: from the start), in file order. */
export const NEXT_PENDING_ROWS = `
SELECT "position", "rowRef", "passport", "problem" FROM "ImportPendingRow"
WHERE "runId" = $1::uuid AND "position" > $2::int ORDER BY "position" LIMIT $3::int`;

export const INSERT_ROW_RESULTS = `
INSERT INTO "ImportRow" ("runId", "position", "rowRef", "outcome", "passportId", "revision", "violations")
SELECT $1::uuid, u.position, u.ref, u.outcome::"ImportRowOutcome", u.passport, u.revision, u.violations::jsonb
FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[], $6::int[], $7::text[]) AS u(position, ref, outcome, passport, revision, violations)`;

export const DELETE_PENDING_ROWS = `DELETE FROM "ImportPendingRow" WHERE "runId" = $1::uuid AND "position" = ANY($2::int[])`;

export const COUNT_RESULTS = `
UPDATE "ImportRun"
SET "created" = "created" + $2::int, "revised" = "revised" + $3::int, "unchanged" = "unchanged" + $4::int, "failed" = "failed" + $5::int,
    "updatedAt" = $6::timestamptz
WHERE "id" = $1::uuid`;

/** Staged records of a spreadsheet upload (each up to a few hundred lines), one parameter per value; $1 is the run. */
export function insertStagedRecords(rows: number): string {
  return `
INSERT INTO "ImportStagedRecord" ("sheet", "row", "passportKey", "lines", "runId")
SELECT v.*, $1::uuid FROM (VALUES ${valuesList(rows, ['text', 'int', 'text', 'text'], 2)}) AS v`;
}

// The assembly reads staged lines by the primary key or by product key only: anti-joins over a whole run were
// planned as nested loops over all its lines (minutes for 5,000 products) when the estimates were off.

/** Product keys after $2 (in key order) that have lines but no Passports line. */
export const KEYS_WITHOUT_PRODUCT = `
SELECT "passportKey" FROM "ImportStagedRecord"
WHERE "runId" = $1::uuid AND "passportKey" > $2::text
GROUP BY "passportKey" HAVING NOT bool_or("sheet" = 'Passports')
ORDER BY "passportKey" LIMIT $3::int`;

/** Passports records after row $2, in row order. */
export const STAGED_PASSPORTS = `
SELECT "sheet", "row", "passportKey", "lines" FROM "ImportStagedRecord"
WHERE "runId" = $1::uuid AND "sheet" = 'Passports' AND "row" > $2::int
ORDER BY "row" LIMIT $3::int`;

/** Every record of the products $2, in row order. */
export const STAGED_LINES = `
SELECT "sheet", "row", "passportKey", "lines" FROM "ImportStagedRecord"
WHERE "runId" = $1::uuid AND "sheet" IN ('Passports', 'Components', 'Materials') AND "passportKey" = ANY($2::text[])
ORDER BY "row"`;

export const DELETE_STAGED_RECORDS = `DELETE FROM "ImportStagedRecord" WHERE "runId" = $1::uuid`;
