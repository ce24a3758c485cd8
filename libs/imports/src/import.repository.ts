import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AuditActor, DATABASE, type Database, recordAuditEvent, type SqlExecutor } from '@registry/core';
import { PrismaService, type Violation } from '@registry/core';
import type { ImportMode, ImportRowOutcome, ImportRun, ImportRunStatus } from '@registry/prisma-client';
import {
  COUNT_RESULTS,
  DELETE_PENDING_ROWS,
  DELETE_STAGED_RECORDS,
  insertPendingRows,
  insertStagedRecords,
  INSERT_ROW_RESULTS,
  NEXT_PENDING_POSITIONS,
  NEXT_PENDING_ROWS,
  KEYS_WITHOUT_PRODUCT,
  STAGED_LINES,
  STAGED_PASSPORTS,
} from './import.sql';
import type { SheetName, StagedRecord } from './sheet-records';

/** A row as received, waiting for its outcome. */
export interface PendingRow {
  position: number;
  rowRef: string;
  passport: unknown;
  problem: string | null;
}

/** The outcome of a row, written with the passports of its chunk. */
export interface RowResult {
  position: number;
  rowRef: string;
  outcome: ImportRowOutcome;
  passportId: string | null;
  revision: number | null;
  violations: Violation[] | null;
}

/** Consecutive staged lines of one sheet and product, stored as one record. */
export interface StagedLines {
  sheet: SheetName;
  passportKey: string;
  lines: { row: number; key: string; record: Record<string, unknown> }[];
}

type StagedRow = { sheet: SheetName; row: number; passportKey: string; lines: string };

/** The lines of staged records, one StagedRecord each, in the records' order. */
function linesOf(rows: StagedRow[]): StagedRecord[] {
  return rows.flatMap(({ sheet, passportKey, lines }) =>
    (JSON.parse(lines) as StagedLines['lines']).map((line) => ({ sheet, passportKey, row: line.row, key: line.key, record: line.record })),
  );
}

export type ImportCounts = Record<'created' | 'revised' | 'unchanged' | 'failed', number>;

/** The statuses whose rows still have to be processed. */
const UNFINISHED: ImportRunStatus[] = ['RECEIVING', 'QUEUED', 'RUNNING'];

@Injectable()
export class ImportRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  /** A new run, held by `leaseOwner` while its rows are received, with its import.started event. */
  createRun(input: {
    organizationId: string;
    createdByKeyId: string | null;
    mode: ImportMode;
    dryRun: boolean;
    status: ImportRunStatus;
    leaseOwner: string;
    leaseMs: number;
    actor: AuditActor;
    source: string;
  }): Promise<ImportRun> {
    // One transaction: a run exists exactly when its import.started event does.
    return this.prisma.$transaction(async (tx) => {
      const run = await tx.importRun.create({
        data: {
          organizationId: input.organizationId,
          createdByKeyId: input.createdByKeyId,
          mode: input.mode,
          dryRun: input.dryRun,
          status: input.status,
          leaseOwner: input.leaseOwner,
          leaseExpiresAt: new Date(Date.now() + input.leaseMs),
        },
      });
      await recordAuditEvent(tx, {
        action: 'import.started',
        actor: input.actor,
        details: { importRunId: run.id, mode: input.mode, dryRun: input.dryRun, source: input.source },
      });
      return run;
    });
  }

  /** Stores received rows as JSON text (one statement, on the driver: Prisma's handling of large values cost more than the insert). */
  async addPendingRows(runId: string, rows: PendingRow[]): Promise<void> {
    if (rows.length === 0) return;
    const values: unknown[] = [runId];
    for (const row of rows) {
      values.push(row.position, row.rowRef, row.passport === null || row.passport === undefined ? null : JSON.stringify(row.passport), row.problem);
    }
    await this.db.query(insertPendingRows(rows.length), values);
  }

  /** Stages lines of a spreadsheet upload, grouped in records of one sheet and product (one statement). */
  async addStagedRecords(runId: string, records: StagedLines[]): Promise<void> {
    if (records.length === 0) return;
    // One parameter per value: the lines are JSON text, which an array parameter would escape and unescape whole.
    const values: unknown[] = [runId];
    for (const record of records) values.push(record.sheet, record.lines[0].row, record.passportKey, JSON.stringify(record.lines));
    await this.db.query(insertStagedRecords(records.length), values);
  }

  /** Product keys after `after` (in key order) with staged lines but no Passports line. */
  async keysWithoutProduct(runId: string, after: string, take: number): Promise<string[]> {
    return (await this.db.query<{ passportKey: string }>(KEYS_WITHOUT_PRODUCT, [runId, after, take])).map((row) => row.passportKey);
  }

  /** Staged Passports lines of the first `take` records after row `after`, in row order. */
  async stagedPassports(runId: string, after: number, take: number): Promise<StagedRecord[]> {
    return linesOf(await this.db.query<StagedRow>(STAGED_PASSPORTS, [runId, after, take]));
  }

  /** Every staged line of these products, in row order per sheet. */
  async stagedLines(runId: string, passportKeys: string[]): Promise<StagedRecord[]> {
    return linesOf(await this.db.query<StagedRow>(STAGED_LINES, [runId, passportKeys]));
  }

  /**
   * Refreshes the planner's statistics of the staged lines (a few hundred milliseconds; it samples the table). Only
   * the plans depend on it, so an upload goes on when it fails (e.g. beside another upload's ANALYZE).
   */
  async analyzeStagedRecords(): Promise<void> {
    await this.db.exec('ANALYZE "ImportStagedRecord"').catch((error: unknown) => {
      new Logger('Imports').warn(`could not refresh the statistics of staged lines: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  deleteStagedRecords(runId: string): Promise<unknown> {
    return this.db.query(DELETE_STAGED_RECORDS, [runId]);
  }

  /** All rows are stored: the run waits for processing. */
  async queue(runId: string, totalRows: number): Promise<void> {
    await this.prisma.importRun.update({ where: { id: runId }, data: { status: 'QUEUED', totalRows } });
  }

  /**
   * Takes the run for `owner` if nobody holds a live lease on it; false when another instance does (or it is done).
   * Each take counts as an attempt.
   */
  async claim(runId: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = new Date();
    const taken = await this.prisma.importRun.updateMany({
      where: {
        id: runId,
        status: { in: ['QUEUED', 'RUNNING'] },
        OR: [{ leaseOwner: owner }, { leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
      },
      data: { status: 'RUNNING', leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    return taken.count > 0;
  }

  /** Extends the lease; false when the run is no longer held by `owner` (taken over after a stall). */
  async renew(runId: string, owner: string, leaseMs: number): Promise<boolean> {
    const renewed = await this.prisma.importRun.updateMany({
      where: { id: runId, leaseOwner: owner, status: { in: UNFINISHED } },
      data: { leaseExpiresAt: new Date(Date.now() + leaseMs) },
    });
    return renewed.count > 0;
  }

  /** Unfinished runs whose lease has expired: their process died or lost the database. */
  abandoned(limit = 20): Promise<ImportRun[]> {
    return this.prisma.importRun.findMany({
      where: { status: { in: UNFINISHED }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: new Date() } }] },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  findRun(id: string): Promise<ImportRun | null> {
    return this.prisma.importRun.findUnique({ where: { id } });
  }

  /** The positions of the first rows without an outcome, in file order. */
  async nextPendingPositions(runId: string, take: number): Promise<number[]> {
    return (await this.db.query<{ position: number }>(NEXT_PENDING_POSITIONS, [runId, take])).map((row) => row.position);
  }

  /** The first rows without an outcome (after position `after`, when given), in file order. */
  async nextPending(runId: string, take: number, after = -1): Promise<PendingRow[]> {
    const rows = await this.db.query<Omit<PendingRow, 'passport'> & { passport: string | null }>(NEXT_PENDING_ROWS, [runId, after, take]);
    return rows.map((row) => ({ ...row, passport: row.passport === null ? null : (JSON.parse(row.passport) as unknown) }));
  }

  /**
   * Within the transaction that writes the passports of these rows: their outcomes, the run's counts, and the
   * removal of the rows from the pending ones, so that a resumed run starts at its first unprocessed row.
   */
  async recordResults(sql: SqlExecutor, runId: string, results: RowResult[]): Promise<void> {
    if (results.length === 0) return;
    const positions = results.map((result) => result.position);
    await sql.query(INSERT_ROW_RESULTS, [
      runId,
      positions,
      results.map((result) => result.rowRef),
      results.map((result) => result.outcome),
      results.map((result) => result.passportId),
      results.map((result) => result.revision),
      results.map((result) => (result.violations ? JSON.stringify(result.violations) : null)),
    ]);
    await sql.query(DELETE_PENDING_ROWS, [runId, positions]);
    const count = (outcome: ImportRowOutcome) => results.filter((result) => result.outcome === outcome).length;
    await sql.query(COUNT_RESULTS, [runId, count('CREATED'), count('REVISED'), count('UNCHANGED'), count('FAILED'), new Date()]);
  }

  /** Results written in a transaction of their own (rows that write no passport). */
  recordResultsAlone(runId: string, results: RowResult[]): Promise<void> {
    // One transaction: outcomes, counts and the pending rows change together.
    return this.db.transaction((sql) => this.recordResults(sql, runId, results));
  }

  /** Ends a run (FINISHED, or FAILED with the reason), with its import.finished event. */
  async finish(runId: string, status: 'FINISHED' | 'FAILED', error: string | null, actor: AuditActor): Promise<void> {
    // One transaction: the final status and its audit event go together.
    await this.prisma.$transaction(async (tx) => {
      const run = await tx.importRun.update({
        where: { id: runId },
        data: { status, error, finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null },
      });
      // Rows a failed run did not reach are not imported: they go.
      if (status === 'FAILED') {
        await tx.importPendingRow.deleteMany({ where: { runId } });
        await tx.importStagedRecord.deleteMany({ where: { runId } });
      }
      await recordAuditEvent(tx, {
        action: 'import.finished',
        actor,
        details: {
          importRunId: runId,
          status,
          ...(error ? { error } : {}),
          counts: { created: run.created, revised: run.revised, unchanged: run.unchanged, failed: run.failed },
        },
      });
    });
  }

  /** A page of outcomes in file order, optionally of one outcome. */
  rows(runId: string, first: number, afterPosition: number | null, outcome: ImportRowOutcome | null) {
    return this.prisma.importRow.findMany({
      where: { runId, ...(outcome ? { outcome } : {}), ...(afterPosition === null ? {} : { position: { gt: afterPosition } }) },
      orderBy: { position: 'asc' },
      take: first + 1,
    });
  }

  countRows(runId: string, outcome: ImportRowOutcome | null): Promise<number> {
    return this.prisma.importRow.count({ where: { runId, ...(outcome ? { outcome } : {}) } });
  }
}
