import { Inject, Injectable, Logger } from '@nestjs/common';
import { auditActorOf } from '@registry/audit';
import type { Principal } from '@registry/auth';
import { APP_CONFIG, type AppConfig, type ConnectionShape, cursorText, ErrorCode, isUuid, readPage, RegistryError, toConnection } from '@registry/core';
import { ImportMode, type ImportRow, type ImportRowOutcome, type ImportRun } from '@registry/prisma-client';
import { MAX_IMPORT_ROWS_PER_CALL, type ImportPassportsInput } from './dto/import-passports.input';
import { actorOf, ImportProcessor } from './import.processor';
import { ImportRepository, type PendingRow } from './import.repository';
import { ndjsonRows } from './ndjson-rows';

/** The query parameters of POST /imports. */
const UPLOAD_PARAMETERS = ['mode', 'dryRun'] as const;

@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly repository: ImportRepository,
    private readonly processor: ImportProcessor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** importPassports: the rows are stored with the run, which is answered at once and processed in the background. */
  async importRows(caller: Principal, input: ImportPassportsInput): Promise<ImportRun> {
    const organizationId = requireManufacturer(caller);
    if (input.rows.length < 1 || input.rows.length > MAX_IMPORT_ROWS_PER_CALL) {
      throw RegistryError.invalidField(
        'input.rows',
        `must hold 1 to ${MAX_IMPORT_ROWS_PER_CALL} rows, got ${input.rows.length}: send larger files to POST /imports (NDJSON)`,
        'maxItems',
      );
    }
    const badRef = input.rows.findIndex((row) => row.rowRef.length < 1 || row.rowRef.length > 200);
    if (badRef >= 0) throw RegistryError.invalidField(`input.rows.${badRef}.rowRef`, 'must be 1 to 200 characters', 'length');

    const run = await this.createRun(caller, organizationId, input.mode, input.dryRun, 'graphql');
    const rows: PendingRow[] = input.rows.map((row, position) => ({ position, rowRef: row.rowRef, passport: { ...row.passport }, problem: null }));
    for (let i = 0; i < rows.length; i += this.config.importChunkRows) await this.repository.addPendingRows(run.id, rows.slice(i, i + this.config.importChunkRows));
    return this.queue(run, rows.length);
  }

  /**
   * POST /imports: NDJSON, one RegisterPassportInput (or passports.ndjson line) per line, rowRef = line number.
   * Rows are stored chunk by chunk as they arrive (the file is never held whole); the run is answered once the
   * whole file is stored. A file over IMPORT_MAX_MB, or cut off, leaves a FAILED run that imported nothing.
   */
  async importNdjson(
    caller: Principal,
    query: Record<string, unknown>,
    contentType: string | undefined,
    contentLength: string | undefined,
    body: AsyncIterable<Buffer | string>,
  ): Promise<ImportRun> {
    const organizationId = requireManufacturer(caller);
    const { mode, dryRun } = readUploadParameters(query);
    if (!/^application\/(x-ndjson|jsonl)\b/i.test(contentType ?? '')) {
      throw RegistryError.invalidField('Content-Type', `must be application/x-ndjson (one RegisterPassportInput per line), got "${contentType ?? ''}"`, 'contentType');
    }
    // Refused before a byte is stored when the client says how large it is.
    if (contentLength !== undefined && Number(contentLength) > this.config.importMaxBytes) throw tooLarge(this.config.importMaxBytes);

    const run = await this.createRun(caller, organizationId, mode, dryRun, 'ndjson');
    let stored = 0;
    try {
      let chunk: PendingRow[] = [];
      for await (const row of ndjsonRows(body, { maxBytes: this.config.importMaxBytes, maxLineBytes: this.config.bodyLimitBytes })) {
        chunk.push({ position: stored + chunk.length, rowRef: String(row.line), passport: row.value, problem: row.problem });
        if (chunk.length === this.config.importChunkRows) {
          await this.repository.addPendingRows(run.id, chunk);
          stored += chunk.length;
          chunk = [];
          await this.repository.renew(run.id, this.processor.instanceId, this.processor.leaseMs);
        }
      }
      await this.repository.addPendingRows(run.id, chunk);
      stored += chunk.length;
    } catch (error) {
      const reason = error instanceof RegistryError ? error.message : 'The upload stopped before the whole file was received';
      await this.repository.finish(run.id, 'FAILED', `${reason}; no row was imported`, actorOf(run)).catch((finishError: unknown) => {
        this.logger.error(`import run ${run.id}: could not mark it FAILED: ${String(finishError)}`);
      });
      throw error;
    }
    if (stored === 0) throw RegistryError.invalidField('body', 'holds no row: send one RegisterPassportInput per line', 'minItems');
    return this.queue(run, stored);
  }

  /** A run of the caller's organization (any run for the platform administrator); NOT_FOUND otherwise. */
  async get(caller: Principal, id: string): Promise<ImportRun> {
    const run = isUuid(id) ? await this.repository.findRun(id) : null;
    if (!run || !(caller.platformAdmin || caller.organizationId === run.organizationId)) throw RegistryError.notFound('ImportRun', id);
    return run;
  }

  async rows(run: ImportRun, args: { first?: number; after?: string | null; outcome?: ImportRowOutcome | null }): Promise<ConnectionShape<ImportRow>> {
    const { first, after } = readPage(args);
    const afterPosition = after === null ? null : Number(cursorText(after[0]));
    if (afterPosition !== null && !Number.isInteger(afterPosition)) throw RegistryError.invalidField('after', 'is not a cursor returned by this API', 'cursor');
    const [rows, total] = await Promise.all([
      this.repository.rows(run.id, first, afterPosition, args.outcome ?? null),
      this.repository.countRows(run.id, args.outcome ?? null),
    ]);
    return toConnection(rows, first, (row) => [String(row.position)], (row) => row, total);
  }

  private createRun(caller: Principal, organizationId: string, mode: ImportMode, dryRun: boolean, source: string): Promise<ImportRun> {
    return this.repository.createRun({
      organizationId,
      createdByKeyId: caller.apiKeyId,
      mode,
      dryRun,
      status: 'RECEIVING',
      leaseOwner: this.processor.instanceId,
      leaseMs: this.processor.leaseMs,
      actor: auditActorOf(caller),
      source,
    });
  }

  private async queue(run: ImportRun, totalRows: number): Promise<ImportRun> {
    await this.repository.queue(run.id, totalRows);
    void this.processor.start(run.id);
    return { ...run, status: 'QUEUED', totalRows };
  }
}

function requireManufacturer(caller: Principal): string {
  if (caller.organizationKind !== 'MANUFACTURER' || !caller.organizationId) {
    throw RegistryError.forbidden('Only keys of a MANUFACTURER organization can import passports', { requiredRole: 'MANUFACTURER' });
  }
  return caller.organizationId;
}

function tooLarge(limitBytes: number): RegistryError {
  return new RegistryError(ErrorCode.PAYLOAD_TOO_LARGE, `The file is larger than ${limitBytes} bytes (IMPORT_MAX_MB); split it into several imports`, {
    limitBytes,
    setting: 'IMPORT_MAX_MB',
  });
}

/** mode (CREATE or UPSERT, default CREATE) and dryRun (true or false, default false); every problem at once. */
export function readUploadParameters(query: Record<string, unknown>): { mode: ImportMode; dryRun: boolean } {
  const violations = Object.keys(query)
    .filter((name) => !(UPLOAD_PARAMETERS as readonly string[]).includes(name))
    .map((name) => ({ path: name, message: `is not a parameter of imports; use ${UPLOAD_PARAMETERS.join(', ')}`, keyword: 'unknown' }));
  const mode = query.mode ?? 'CREATE';
  if (typeof mode !== 'string' || !Object.hasOwn(ImportMode, mode)) violations.push({ path: 'mode', message: 'must be CREATE or UPSERT', keyword: 'enum' });
  const dryRun = query.dryRun ?? 'false';
  if (dryRun !== 'true' && dryRun !== 'false') violations.push({ path: 'dryRun', message: 'must be true or false', keyword: 'enum' });
  if (violations.length > 0) throw RegistryError.invalid(`Invalid import parameters: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`, violations);
  return { mode: mode as ImportMode, dryRun: dryRun === 'true' };
}
