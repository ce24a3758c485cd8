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

/** Staged lines of a spreadsheet upload: small records, so one array parameter per column. */
export const INSERT_STAGED_RECORDS = `
INSERT INTO "ImportStagedRecord" ("runId", "sheet", "row", "passportKey", "key", "record")
SELECT $1::uuid, u.* FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS u`;

/** Materials lines after row $2 whose product has no component with their componentKey, in row order. */
export const ORPHAN_MATERIALS = `
SELECT m."row", m."passportKey", m."key" FROM "ImportStagedRecord" m
WHERE m."runId" = $1::uuid AND m."sheet" = 'Materials' AND m."row" > $2::int
  AND NOT EXISTS (SELECT 1 FROM "ImportStagedRecord" c
                  WHERE c."runId" = $1::uuid AND c."sheet" = 'Components' AND c."passportKey" = m."passportKey" AND c."key" = m."key")
ORDER BY m."row" LIMIT $3::int`;

/** Components lines after row $2 whose passportKey names no Passports line, in row order. */
export const ORPHAN_COMPONENTS = `
SELECT c."row", c."passportKey" FROM "ImportStagedRecord" c
WHERE c."runId" = $1::uuid AND c."sheet" = 'Components' AND c."row" > $2::int
  AND NOT EXISTS (SELECT 1 FROM "ImportStagedRecord" p
                  WHERE p."runId" = $1::uuid AND p."sheet" = 'Passports' AND p."passportKey" = c."passportKey" AND p."key" = '')
ORDER BY c."row" LIMIT $3::int`;

/** Passports lines after row $2 in row order; with $4, only the first line of each key (a CSV repeats its products). */
export const STAGED_PASSPORTS = `
SELECT p."row", p."record" FROM "ImportStagedRecord" p
WHERE p."runId" = $1::uuid AND p."sheet" = 'Passports' AND p."row" > $2::int
  AND NOT ($4::boolean AND EXISTS (SELECT 1 FROM "ImportStagedRecord" q
                                   WHERE q."runId" = $1::uuid AND q."sheet" = 'Passports' AND q."passportKey" = p."passportKey" AND q."key" = ''
                                     AND q."row" < p."row"))
ORDER BY p."row" LIMIT $3::int`;

/** The Components and Materials lines of the products $2, in row order. */
export const STAGED_PARTS = `
SELECT s."sheet", s."row", s."passportKey", s."record" FROM "ImportStagedRecord" s
WHERE s."runId" = $1::uuid AND s."sheet" IN ('Components', 'Materials') AND s."passportKey" = ANY($2::text[])
ORDER BY s."row"`;

export const DELETE_STAGED_RECORDS = `DELETE FROM "ImportStagedRecord" WHERE "runId" = $1::uuid`;
