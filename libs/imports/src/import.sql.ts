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
