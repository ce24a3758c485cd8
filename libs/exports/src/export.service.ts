import type { MaterialForm } from '@registry/chemistry';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SigningService } from '@registry/audit';
import type { Principal } from '@registry/auth';
import { RegistryError } from '@registry/core';
import { CriticalMaterialsService } from '@registry/materials';
import { Writable } from 'node:stream';
import { type ExportFilter, filterParams, parseExportFilter } from './export-filter';
import { materialRows, toExportLine } from './export-rows';
import { ExportAborted, ExportSink } from './export-sink';
import { ExportRepository, FIRST_ID } from './export.repository';
import { EXPORTS_SETTINGS, type ExportsSettings } from './exports.settings';
import { csvRow, type ExportManifest, MANIFEST_SIGNATURE_TYPE, MATERIAL_COLUMNS, type ManifestPayload } from '@registry/verification';

/** Passports per database round trip: bounds the memory of an export whatever its size. */
const PASSPORT_BATCH = 200;
const MATERIAL_BATCH = 200;

/** An export ready to be written: validated, with the headers known before the first byte. */
export interface PreparedExport {
  contentType: string;
  fileName: string;
  headers: Record<string, string>;
  /** Streams the export into `out` and ends it. */
  writeTo(out: Writable): Promise<void>;
}

@Injectable()
export class ExportService {
  private readonly logger = new Logger(ExportService.name);
  private readonly criticalListIds = new Map<string, string[]>();

  constructor(
    private readonly repository: ExportRepository,
    private readonly signing: SigningService,
    private readonly critical: CriticalMaterialsService,
    @Inject(EXPORTS_SETTINGS) private readonly settings: ExportsSettings,
  ) {}

  /** passports.ndjson: one passport per line with all its revisions, then a signed manifest line. */
  async passports(caller: Principal | null, query: Record<string, unknown>): Promise<PreparedExport> {
    const { includeDrafts, filter } = this.passportsScope(caller, query);
    return {
      contentType: 'application/x-ndjson; charset=utf-8',
      fileName: `passports-${stamp(filter.asOf)}.ndjson`,
      headers: await this.commonHeaders(filter, includeDrafts),
      writeTo: (out) =>
        this.run(out, 'passports.ndjson', async (sink) => {
          let count = 0;
          for (let after = FIRST_ID; ;) {
            const rows = await this.repository.passportBatch(filter, includeDrafts, after, PASSPORT_BATCH);
            for (const row of rows) await sink.write(`${JSON.stringify(toExportLine(row, ++count))}\n`);
            if (rows.length < PASSPORT_BATCH) break;
            after = rows[rows.length - 1].id;
          }
          const manifest = await this.manifest('passports.ndjson', filter, count, sink.digest());
          // The manifest line is not part of what it hashes.
          await sink.write(`${JSON.stringify({ manifest })}\n`, { hashed: false });
        }),
    };
  }

  /** materials.csv: one row per material occurrence of each passport's revision in force at asOf. */
  async materials(caller: Principal | null, query: Record<string, unknown>): Promise<PreparedExport> {
    const includeDrafts = this.requireAuditor(caller);
    const filter = parseExportFilter(query);
    // Relative to the CSV's own URL, so that it holds behind any proxy or path prefix.
    const manifestUrl = `materials.csv.manifest.json?${this.queryString(filter)}`;
    return {
      contentType: 'text/csv; charset=utf-8; header=present',
      fileName: `materials-${stamp(filter.asOf)}.csv`,
      headers: { ...(await this.commonHeaders(filter, includeDrafts)), Link: `<${manifestUrl}>; rel="describedby"; type="application/json"` },
      writeTo: (out) => this.run(out, 'materials.csv', async (sink) => void (await this.writeMaterials(sink, filter, includeDrafts))),
    };
  }

  /**
   * The manifest of materials.csv for the same parameters (asOf included): the registry produces the same CSV
   * again, hashing it instead of sending it. The same asOf gives the same bytes unless a passport in it changed
   * status since; then the hashes differ and `verify` says so.
   */
  async materialsManifest(caller: Principal | null, query: Record<string, unknown>): Promise<{ manifest: ExportManifest }> {
    const includeDrafts = this.requireAuditor(caller);
    if (query.asOf === undefined || query.asOf === '') {
      throw RegistryError.invalidField(
        'asOf',
        'is required: give the asOf of the CSV (its X-Export-As-Of header) so that the manifest covers the same data',
        'required',
      );
    }
    const filter = parseExportFilter(query);
    const sink = new ExportSink(new Writable({ write: (_chunk, _encoding, done) => done() }));
    const count = await this.writeMaterials(sink, filter, includeDrafts);
    return { manifest: await this.manifest('materials.csv', filter, count, sink.digest()) };
  }

  private async writeMaterials(sink: ExportSink, filter: ExportFilter, includeDrafts: boolean): Promise<number> {
    await sink.write(csvRow(MATERIAL_COLUMNS));
    let count = 0;
    for (let after = FIRST_ID; ;) {
      const rows = await this.repository.compositionBatch(filter, includeDrafts, after, MATERIAL_BATCH);
      for (const row of rows) {
        const records = materialRows(row, (element, forms) => this.listsFlagging(element, forms));
        if (records.length === 0) continue;
        count += records.length;
        await sink.write(records.map(csvRow).join(''));
      }
      if (rows.length < MATERIAL_BATCH) break;
      after = rows[rows.length - 1].id;
    }
    return count;
  }

  /**
   * Who exports which passports: auditors, authorities and the platform administrator as for every export; a
   * MANUFACTURER key its own passports, drafts included (its backup and exit path), whatever filter it gives.
   */
  private passportsScope(caller: Principal | null, query: Record<string, unknown>): { includeDrafts: boolean; filter: ExportFilter } {
    if (caller?.organizationKind !== 'MANUFACTURER' || caller.role !== 'MANUFACTURER' || !caller.organizationId) {
      return { includeDrafts: this.requireAuditor(caller), filter: parseExportFilter(query) };
    }
    const filter = parseExportFilter(query);
    if (filter.manufacturerId && filter.manufacturerId !== caller.organizationId) {
      throw RegistryError.forbidden('A MANUFACTURER key exports its own passports only: leave manufacturerId out or give your organization id', {
        field: 'manufacturerId',
      });
    }
    return { includeDrafts: true, filter: { ...filter, manufacturerId: caller.organizationId } };
  }

  /** Exports are for auditors and authorities (AUDITOR keys) and the platform administrator; returns whether drafts are included. */
  private requireAuditor(caller: Principal | null): boolean {
    if (!caller) throw RegistryError.unauthenticated();
    if (caller.platformAdmin) return true;
    const auditorOrganization = caller.organizationKind === 'AUDITOR' || caller.organizationKind === 'AUTHORITY';
    if (caller.role !== 'AUDITOR' || !auditorOrganization) {
      throw RegistryError.forbidden('Exports need an AUDITOR key of an auditor or authority organization', { requiredRoles: ['AUDITOR'] });
    }
    return false;
  }

  private async manifest(name: string, filter: ExportFilter, count: number, sha256: string): Promise<ExportManifest> {
    const payload: ManifestPayload = {
      export: name,
      count,
      sha256,
      generatedAt: new Date().toISOString(),
      asOf: filter.asOf.toISOString(),
      filters: filterParams(filter),
      issuer: this.settings.publicBaseUrl,
      jwksUri: `${this.settings.publicBaseUrl}/.well-known/jwks.json`,
    };
    const signature = await this.signing.sign(payload, MANIFEST_SIGNATURE_TYPE);
    return { ...payload, signature, signingKeyId: this.signing.keyId };
  }

  /** Writes an export; a client that leaves mid-way stops the reads, a failure mid-way cuts the response (no manifest). */
  private async run(out: Writable, name: string, write: (sink: ExportSink) => Promise<void>): Promise<void> {
    const sink = new ExportSink(out);
    try {
      await write(sink);
      await sink.end();
    } catch (error) {
      if (error instanceof ExportAborted) {
        this.logger.warn(`${name}: ${error.message} after ${sink.bytes} bytes`);
        return;
      }
      throw error;
    }
  }

  /** Known before the first byte: the asOf that repeats the export, and how many passports it will hold. */
  private async commonHeaders(filter: ExportFilter, includeDrafts: boolean): Promise<Record<string, string>> {
    return {
      'Cache-Control': 'no-store',
      'X-Export-As-Of': filter.asOf.toISOString(),
      'X-Export-Passports': String(await this.repository.count(filter, includeDrafts)),
    };
  }

  /** The query string that repeats an export exactly: its filters and its asOf. */
  private queryString(filter: ExportFilter): string {
    return new URLSearchParams({ ...filterParams(filter), asOf: filter.asOf.toISOString() }).toString();
  }

  private listsFlagging(element: string, forms: MaterialForm[]): string[] {
    const key = `${element} ${[...forms].sort().join(',')}`;
    let ids = this.criticalListIds.get(key);
    if (!ids) {
      ids = [...new Set(this.critical.matchesFor(element, forms).map((flag) => flag.listId))];
      this.criticalListIds.set(key, ids);
    }
    return ids;
  }
}

/** A file-name-safe timestamp. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
