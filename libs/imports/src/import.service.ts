import { Inject, Injectable, Logger } from '@nestjs/common';
import { auditActorOf } from '@registry/core';
import type { Principal } from '@registry/auth';
import { CsvReader, csvRow } from '@registry/verification';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { APP_CONFIG, type AppConfig, type ConnectionShape, cursorText, isUuid, readPage, RegistryError, toConnection } from '@registry/core';
import { ClusterCode, ImportMode, type ImportRow, type ImportRowOutcome, type ImportRun } from '@registry/prisma-client';
import { MAX_IMPORT_ROWS_PER_CALL, type ImportPassportsInput } from './dto/import-passports.input';
import { actorOf, ImportProcessor } from './import.processor';
import { ImportRepository, type PendingRow } from './import.repository';
import { importTooLarge, ndjsonRows } from './ndjson-rows';
import type { RowRefOf } from './sheet-assembly';
import { csvStagedRecords, type StagedRecord, workbookRecords } from './sheet-records';
import { SheetStaging } from './sheet-staging';
import { csvTemplate, workbookTemplate } from './workbook';

/** The query parameters of POST /imports. */
const UPLOAD_PARAMETERS = ['mode', 'dryRun'] as const;

@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly repository: ImportRepository,
    private readonly processor: ImportProcessor,
    private readonly sheets: SheetStaging,
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
    for (let i = 0; i < rows.length; i += this.config.importChunkRows)
      await this.repository.addPendingRows(run.id, rows.slice(i, i + this.config.importChunkRows));
    return this.queue(run, rows.length);
  }

  /**
   * POST /imports: an NDJSON file (one RegisterPassportInput or passports.ndjson line per line, rowRef = line
   * number), an XLSX workbook or a one-table CSV (see workbook.ts). NDJSON is stored chunk by chunk as it arrives
   * (never held whole); a CSV is read as it arrives and a workbook streamed from a temporary file, their lines
   * staged in the database and assembled into passports a chunk at a time (see SheetStaging), within IMPORT_MAX_MB.
   * The run is answered once every row is stored. A file over the limit, or cut off, leaves a FAILED run that
   * imported nothing.
   */
  async importFile(
    caller: Principal,
    query: Record<string, unknown>,
    contentType: string | undefined,
    contentLength: string | undefined,
    body: AsyncIterable<Buffer | string>,
  ): Promise<ImportRun> {
    const organizationId = requireManufacturer(caller);
    const { mode, dryRun } = readUploadParameters(query);
    const format = formatOf(contentType);
    // Refused before a byte is stored when the client says how large it is.
    if (contentLength !== undefined && Number(contentLength) > this.config.importMaxBytes) throw tooLarge(this.config.importMaxBytes);

    const run = await this.createRun(caller, organizationId, mode, dryRun, format);
    let renewedAt = Date.now();
    const keepLease = async () => {
      // Renewed a third of a lease at a time while the file is received and stored; a run whose lease expired
      // meanwhile was failed by a sweep, and stops here.
      if (Date.now() - renewedAt < this.processor.leaseMs / 3) return;
      renewedAt = Date.now();
      if (!(await this.repository.renew(run.id, this.processor.instanceId, this.processor.leaseMs))) throw new LeaseLostError(run.id);
    };
    let stored = 0;
    try {
      let chunk: PendingRow[] = [];
      for await (const row of this.rowsOf(run.id, format, body, keepLease)) {
        chunk.push({ position: stored + chunk.length, rowRef: row.rowRef, passport: row.value, problem: row.problem });
        if (chunk.length === this.config.importChunkRows) {
          await this.repository.addPendingRows(run.id, chunk);
          stored += chunk.length;
          chunk = [];
          await keepLease();
        }
      }
      await this.repository.addPendingRows(run.id, chunk);
      stored += chunk.length;
      if (stored === 0) throw RegistryError.invalidField('body', 'holds no row: send at least one passport', 'minItems');
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      const reason = error instanceof RegistryError ? error.message : 'The upload stopped before the whole file was received';
      await this.repository.finish(run.id, 'FAILED', `${reason}; no row was imported`, actorOf(run)).catch((finishError: unknown) => {
        this.logger.error(`import run ${run.id}: could not mark it FAILED: ${String(finishError)}`);
      });
      throw error;
    }
    return this.queue(run, stored);
  }

  private async *rowsOf(
    runId: string,
    format: UploadFormat,
    body: AsyncIterable<Buffer | string>,
    keepLease: () => Promise<void>,
  ): AsyncGenerator<{ rowRef: string; value: unknown; problem: string | null }> {
    const limits = { maxBytes: this.config.importMaxBytes, maxLineBytes: this.config.bodyLimitBytes };
    if (format === 'ndjson') {
      for await (const row of ndjsonRows(body, limits)) yield { rowRef: String(row.line), value: row.value, problem: row.problem };
      return;
    }
    if (format === 'csv') {
      yield* this.sheetRows(runId, csvStagedRecords(csvRecords(body, limits.maxBytes)), keepLease, (_sheet, row) => `line ${row}`, true);
      return;
    }
    // The workbook goes to a file first (a zip is read as a stream from there), so the size limit is checked
    // before exceljs reads a byte and a cut-off upload never reaches it.
    const dir = await mkdtemp(join(tmpdir(), 'registry-import-'));
    try {
      const path = join(dir, 'upload.xlsx');
      await pipeline(Readable.from(limited(body, limits.maxBytes)), createWriteStream(path));
      const seen = new Set<string>();
      yield* this.sheetRows(
        runId,
        asWorkbook(workbookRecords(path, seen)),
        keepLease,
        (sheet, row) => `${sheet}!${row}`,
        false,
        () => (seen.has('Passports') ? null : { rowRef: 'Passports', value: null, problem: 'the workbook has no sheet named Passports' }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * The rows of a spreadsheet upload: its lines staged as they are read, then its passports assembled a chunk at a
   * time (SheetStaging); `refusal` may replace them all with one failed row once the file is read.
   */
  private async *sheetRows(
    runId: string,
    records: AsyncIterable<StagedRecord>,
    keepLease: () => Promise<void>,
    refOf: RowRefOf,
    firstOfKey: boolean,
    refusal: () => { rowRef: string; value: unknown; problem: string } | null = () => null,
  ): AsyncGenerator<{ rowRef: string; value: unknown; problem: string | null }> {
    await this.sheets.stage(runId, records, keepLease);
    const refused = refusal();
    if (refused) yield refused;
    else yield* this.sheets.rows(runId, refOf, firstOfKey, this.config.importChunkRows, keepLease);
    await this.sheets.clear(runId);
  }

  /** GET /imports/templates/<CLUSTER>.xlsx or .csv. */
  async template(file: string): Promise<{ cluster: ClusterCode; format: 'xlsx' | 'csv'; body: Buffer | string }> {
    const match = /^([A-Z_]+)\.(xlsx|csv)$/.exec(file);
    if (!match || !Object.hasOwn(ClusterCode, match[1])) {
      throw RegistryError.notFound('Import template', `${file} (use <CLUSTER>.xlsx or <CLUSTER>.csv, CLUSTER one of ${Object.keys(ClusterCode).join(', ')})`);
    }
    const cluster = match[1] as ClusterCode;
    if (match[2] === 'xlsx') return { cluster, format: 'xlsx', body: await workbookTemplate(cluster) };
    return {
      cluster,
      format: 'csv',
      body: csvTemplate(cluster)
        .map((record) => csvRow(record))
        .join(''),
    };
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
    return toConnection(
      rows,
      first,
      (row) => [String(row.position)],
      (row) => row,
      total,
    );
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

type UploadFormat = 'ndjson' | 'xlsx' | 'csv';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function formatOf(contentType: string | undefined): UploadFormat {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'ndjson';
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === 'text/csv') return 'csv';
  throw RegistryError.invalidField(
    'Content-Type',
    `must be application/x-ndjson (one RegisterPassportInput per line), ${XLSX_TYPE} (a workbook) or text/csv, got "${contentType ?? ''}"`,
    'contentType',
  );
}

/** The body as it arrives, refused past `maxBytes` (IMPORT_MAX_MB). */
async function* limited(body: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    yield buffer;
  }
}

/** The records of a CSV body as they arrive (UTF-8, a leading byte order mark dropped), within `maxBytes`. */
async function* csvRecords(body: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  const reader = new CsvReader();
  for await (const buffer of limited(body, maxBytes)) yield* reader.push(decoder.decode(buffer, { stream: true }));
  yield* reader.push(decoder.decode());
  yield* reader.end();
}

const tooLarge = importTooLarge;

/** The run's lease expired while its file was received: a sweep has failed it (see ImportProcessor.resumeAbandoned). */
class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`import run ${runId} was failed while its file was received: its lease expired`);
  }
}

/** The records of a workbook; a file exceljs cannot read is BAD_USER_INPUT. */
async function* asWorkbook(records: AsyncIterable<StagedRecord>): AsyncGenerator<StagedRecord> {
  try {
    yield* records;
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    throw RegistryError.invalidField('body', `is not an XLSX workbook: ${(error as Error).message}`, 'format');
  }
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
  if (violations.length > 0)
    throw RegistryError.invalid(`Invalid import parameters: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`, violations);
  return { mode: mode as ImportMode, dryRun: dryRun === 'true' };
}
