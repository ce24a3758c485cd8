import type { ImportRow, ImportRun } from '@registry/prisma-client';
import type { ImportRowModel, ImportRunModel, ImportViolationModel } from './models/import-run.model';

export function toImportRunModel(run: ImportRun): ImportRunModel {
  const done = run.created + run.revised + run.unchanged + run.failed;
  return {
    id: run.id,
    status: run.status,
    mode: run.mode,
    dryRun: run.dryRun,
    totalRows: run.totalRows,
    counts: { created: run.created, revised: run.revised, unchanged: run.unchanged, failed: run.failed },
    progress: run.status === 'FINISHED' ? 1 : run.totalRows > 0 ? done / run.totalRows : 0,
    error: run.error,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
  };
}

export function toImportRowModel(row: ImportRow): ImportRowModel {
  return {
    rowRef: row.rowRef,
    outcome: row.outcome,
    passportId: row.passportId,
    revision: row.revision,
    violations: (row.violations ?? []) as unknown as ImportViolationModel[],
  };
}
