import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AuditActor } from '@registry/core';
import type { Principal } from '@registry/auth';
import { APP_CONFIG, type AppConfig, RegistryError, type Violation } from '@registry/core';
import { type CurrentPassport, identityKey, PassportBatchService, type PreparedPassport, StaleRevisionError } from '@registry/passports';
import type { ImportRun } from '@registry/prisma-client';
import { randomUUID } from 'node:crypto';
import { importContentHash } from './import-content-hash';
import { readImportRow, rowPointer } from './import-row';
import { ImportRepository, type PendingRow, type RowResult } from './import.repository';

/** Starts of a run (the first and resumptions after its process died) before it is marked FAILED. */
export const MAX_IMPORT_ATTEMPTS = 3;

/** A row ready to write: a new passport, or a revision of the caller's passport with the same identity. */
interface PlannedRow {
  row: PendingRow;
  passport: PreparedPassport;
  existing: CurrentPassport | null;
}

/** A row after the checks that need no database: the passport to write, or why the row fails. */
type CheckedRow = { passport: PreparedPassport } | { violations: Violation[] };

/** The key a run was started with, as the author of the passports it writes. */
function callerOf(run: ImportRun): Principal {
  return { apiKeyId: run.createdByKeyId, organizationId: run.organizationId, organizationKind: 'MANUFACTURER', role: 'MANUFACTURER', platformAdmin: false };
}

export function actorOf(run: Pick<ImportRun, 'organizationId' | 'createdByKeyId'>): AuditActor {
  return { organizationId: run.organizationId, keyId: run.createdByKeyId, platformAdmin: false };
}

/**
 * Processes import runs in chunks of rows, each chunk in one transaction with the outcomes of its rows, so that a
 * run stopped at any point (process killed, database gone) has written whole passports only, and resumes at its
 * first row without an outcome. An instance holds a run by a lease it renews after each chunk; runs whose lease
 * expired are resumed by any instance (at start-up and every half lease), up to MAX_IMPORT_ATTEMPTS starts.
 */
@Injectable()
export class ImportProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ImportProcessor.name);
  /** This process, as the holder of leases. */
  readonly instanceId = randomUUID();
  private readonly active = new Map<string, Promise<void>>();
  private sweeper: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    private readonly repository: ImportRepository,
    private readonly passports: PassportBatchService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get leaseMs(): number {
    return this.config.importLeaseSeconds * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.resumeAbandoned().catch((error: unknown) => this.logger.error(`resuming import runs failed: ${String(error)}`));
    this.sweeper = setInterval(() => void this.resumeAbandoned().catch(() => undefined), this.leaseMs / 2);
    this.sweeper.unref();
  }

  /** Lets the chunks in progress commit, then stops; the runs' leases expire and another start resumes them. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await Promise.allSettled(this.active.values());
  }

  /** Processes a run in the background; resolves when this instance stops working on it. */
  start(runId: string): Promise<void> {
    const existing = this.active.get(runId);
    if (existing) return existing;
    const work = this.process(runId)
      .catch((error: unknown) => {
        // Left RUNNING: its lease expires and a sweep resumes it (or marks it FAILED after MAX_IMPORT_ATTEMPTS).
        this.logger.error(`import run ${runId} stopped: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => this.active.delete(runId));
    this.active.set(runId, work);
    return work;
  }

  /** Runs whose process died: an upload cut short fails; a run stopped mid-way resumes or, too often stopped, fails. */
  async resumeAbandoned(): Promise<void> {
    if (this.stopping) return;
    for (const run of await this.repository.abandoned()) {
      if (this.active.has(run.id)) continue;
      if (run.status === 'RECEIVING') {
        await this.repository.finish(run.id, 'FAILED', 'The upload stopped before the whole file was received; no row was imported', actorOf(run));
      } else if (run.attempts >= MAX_IMPORT_ATTEMPTS) {
        const error = `The run was interrupted ${run.attempts} times; rows without an outcome were not imported`;
        await this.repository.finish(run.id, 'FAILED', error, actorOf(run));
      } else {
        this.logger.warn(`resuming import run ${run.id} (attempt ${run.attempts + 1})`);
        void this.start(run.id);
      }
    }
  }

  private async process(runId: string): Promise<void> {
    if (!(await this.repository.claim(runId, this.instanceId, this.leaseMs))) return;
    const run = (await this.repository.findRun(runId))!;
    const prefixes = await this.passports.gs1CompanyPrefixesOf(run.organizationId);
    let ahead: Promise<Map<number, { row: PendingRow; checked: CheckedRow }>> = Promise.resolve(new Map());
    while (!this.stopping) {
      const positions = await this.repository.nextPendingPositions(runId, this.config.importChunkRows);
      if (positions.length === 0) {
        await this.repository.finish(runId, 'FINISHED', null, actorOf(run));
        return;
      }
      const checkedAhead = await ahead;
      const pending = positions.every((position) => checkedAhead.has(position))
        ? positions.map((position) => checkedAhead.get(position)!.row)
        : await this.repository.nextPending(runId, this.config.importChunkRows);
      // The rows after this chunk are read and checked while it is written: the checks are the process's work, the
      // write the database's. (A row the chunk leaves pending is checked again with the next one: see processChunk.)
      ahead = this.checkAhead(runId, prefixes, pending.at(-1)!.position);
      await this.processChunk(run, prefixes, pending, checkedAhead);
      // Taken over by another instance after a stall: it goes on from the rows this one did not finish.
      if (!(await this.repository.renew(runId, this.instanceId, this.leaseMs))) return;
    }
  }

  /** The checks of the next chunk's rows (those after `position`), a row at a time between the write's statements. */
  private async checkAhead(runId: string, prefixes: string[], position: number): Promise<Map<number, { row: PendingRow; checked: CheckedRow }>> {
    const checked = new Map<number, { row: PendingRow; checked: CheckedRow }>();
    try {
      for (const row of await this.repository.nextPending(runId, this.config.importChunkRows, position)) {
        if (this.stopping) break;
        checked.set(row.position, { row, checked: this.check(row, prefixes) });
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch {
      // Checked again when their chunk comes (the database's problem shows there).
    }
    return checked;
  }

  /** A row checked like registerPassport checks its input: the passport to write, or its violations. */
  private check(row: PendingRow, prefixes: string[]): CheckedRow {
    if (row.problem !== null) return { violations: [{ path: '', message: row.problem, keyword: 'parse' }] };
    const read = readImportRow(row.passport);
    if (!read.input) return { violations: read.violations };
    const prepared = this.passports.prepare(read.input, prefixes);
    const violations = prepared.violations.map((violation) => ({ ...violation, path: rowPointer(violation.path) }));
    if (prepared.gtinOutsidePrefixes) {
      const held = prefixes.length > 0 ? prefixes.join(', ') : 'none';
      violations.unshift({
        path: '/passport/gtin',
        message: `is not under a GS1 Company Prefix of your organization (${held})`,
        keyword: 'gs1CompanyPrefix',
      });
    }
    if (!prepared.passport || violations.length > 0) return { violations };
    return { passport: prepared.passport };
  }

  /**
   * One chunk: every row checked first; the rows to write are written in one transaction with all outcomes. When
   * that transaction fails because of a row (an identity taken meanwhile, a passport revised meanwhile), each row
   * is written alone so that the others still land. A row whose identity appears earlier in the chunk stays pending
   * and leads the next chunk, so that it sees what the earlier one wrote.
   */
  private async processChunk(
    run: ImportRun,
    prefixes: string[],
    pending: PendingRow[],
    checkedAhead: Map<number, { row: PendingRow; checked: CheckedRow }>,
  ): Promise<void> {
    const settled: RowResult[] = [];
    const fail = (row: PendingRow, violations: Violation[], passportId: string | null = null) =>
      settled.push({ position: row.position, rowRef: row.rowRef, outcome: 'FAILED', passportId, revision: null, violations });

    const checked: { row: PendingRow; passport: PreparedPassport }[] = [];
    for (const row of pending) {
      const result = checkedAhead.get(row.position)?.checked ?? this.check(row, prefixes);
      if ('violations' in result) fail(row, result.violations);
      else checked.push({ row, passport: result.passport });
    }

    const current = await this.passports.currentByIdentity(checked.map(({ passport }) => passport));
    const planned: PlannedRow[] = [];
    const seen = new Set<string>();
    for (const { row, passport } of checked) {
      const key = identityKey(passport);
      if (seen.has(key)) continue; // stays pending: see above
      seen.add(key);
      const existing = current.get(key) ?? null;
      const refusal = existing && this.refusal(run, passport, existing);
      if (refusal) {
        fail(row, [refusal], existing.manufacturerId === run.organizationId ? existing.id : null);
      } else if (existing && importContentHash(existing) === importContentHash(passport)) {
        settled.push({
          position: row.position,
          rowRef: row.rowRef,
          outcome: 'UNCHANGED',
          passportId: existing.id,
          revision: existing.revision,
          violations: null,
        });
      } else {
        planned.push({ row, passport, existing });
      }
    }

    if (run.dryRun) {
      await this.repository.recordResultsAlone(run.id, [...settled, ...planned.map((plan) => wouldBe(plan))]);
      return;
    }
    try {
      await this.write(run, planned, settled);
    } catch (error) {
      if (!isRowError(error)) throw error;
      // A row spoiled the chunk: write each alone, then the outcomes of the rows that write nothing.
      for (const plan of planned) {
        try {
          await this.write(run, [plan], []);
        } catch (rowError) {
          if (!isRowError(rowError)) throw rowError;
          await this.repository.recordResultsAlone(run.id, [failedWrite(plan.row, rowError)]);
        }
      }
      await this.repository.recordResultsAlone(run.id, settled);
    }
  }

  /** Why a row cannot be written over the passport that has its identity; null when an UPSERT may revise it. */
  private refusal(run: ImportRun, passport: PreparedPassport, existing: CurrentPassport): Violation | null {
    if (existing.manufacturerId !== run.organizationId) {
      return { path: '/passport/gtin', message: 'another organization has a passport with this identity', keyword: 'conflict' };
    }
    if (run.mode === 'CREATE') {
      return {
        path: '/passport/gtin',
        message: `your organization already has passport ${existing.id} with this identity (import with mode UPSERT to revise it)`,
        keyword: 'conflict',
      };
    }
    if (existing.status === 'ARCHIVED')
      return { path: '/passport/gtin', message: `passport ${existing.id} with this identity is archived and cannot be revised`, keyword: 'archived' };
    if (existing.cluster !== passport.cluster) {
      return {
        path: '/passport/cluster',
        message: `passport ${existing.id} with this identity is of cluster ${existing.cluster}; a revision cannot change it`,
        keyword: 'immutable',
      };
    }
    if (existing.granularity !== passport.granularity) {
      return {
        path: '/passport/granularity',
        message: `passport ${existing.id} with this identity is ${existing.granularity}; a revision cannot change it`,
        keyword: 'immutable',
      };
    }
    return null;
  }

  /** Writes the planned rows and every outcome given in one transaction. */
  private async write(run: ImportRun, planned: PlannedRow[], settled: RowResult[]): Promise<void> {
    const created = planned.filter((plan) => !plan.existing);
    const revised = planned.filter((plan) => plan.existing);
    await this.passports.write(
      callerOf(run),
      {
        created: created.map((plan) => plan.passport),
        revised: revised.map((plan) => ({ passportId: plan.existing!.id, expectedRevision: plan.existing!.revision, passport: plan.passport })),
      },
      (tx, written) =>
        this.repository.recordResults(tx, run.id, [
          ...settled,
          ...created.map((plan, i) => outcome(plan.row, 'CREATED', written.created[i].id, 1)),
          ...revised.map((plan, i) => outcome(plan.row, 'REVISED', written.revised[i].id, written.revised[i].revision)),
        ]),
    );
  }
}

function outcome(row: PendingRow, kind: 'CREATED' | 'REVISED', passportId: string, revision: number): RowResult {
  return { position: row.position, rowRef: row.rowRef, outcome: kind, passportId, revision, violations: null };
}

/** A dry run's outcome: what the row would do. */
function wouldBe(plan: PlannedRow): RowResult {
  return plan.existing
    ? outcome(plan.row, 'REVISED', plan.existing.id, plan.existing.revision + 1)
    : { ...outcome(plan.row, 'CREATED', '', 1), passportId: null };
}

/**
 * An error caused by one row's data, as opposed to the database or the process (those stop the run, which
 * resumes later): an identity taken meanwhile, a passport revised meanwhile, a value the database refuses.
 */
function isRowError(error: unknown): boolean {
  if (error instanceof StaleRevisionError || error instanceof RegistryError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  // SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): the database refused the row's data.
  if (/^2[23][0-9A-Z]{3}$/.test(code)) return true;
  // P2xxx: Prisma refused the query for its data; P2024 (pool timeout) and P2028 (transaction API) are not about data.
  return /^P2\d{3}$/.test(code) && code !== 'P2024' && code !== 'P2028';
}

function failedWrite(row: PendingRow, error: unknown): RowResult {
  const code = (error as { code?: unknown }).code;
  const violation: Violation =
    error instanceof StaleRevisionError
      ? { path: '/passport', message: `passport ${error.passportId} was revised or archived while the row was imported; import it again`, keyword: 'conflict' }
      : code === '23505' || code === 'P2002'
        ? { path: '/passport/gtin', message: 'a passport with this identity was registered while the row was imported', keyword: 'conflict' }
        : { path: '/passport', message: error instanceof RegistryError ? error.message : 'the database refused the row', keyword: 'write' };
  return { position: row.position, rowRef: row.rowRef, outcome: 'FAILED', passportId: null, revision: null, violations: [violation] };
}
