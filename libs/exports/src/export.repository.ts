import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, type Database } from '@registry/core';
import type { ExportFilter } from './export-filter';
import type { ExportedLifecycleEvent, ExportedRevision } from '@registry/verification';
import { iso } from './export-sql';

/** A passport row of an export batch, with its revisions up to the export's asOf. */
export interface PassportBatchRow {
  id: string;
  gtin: string;
  serialNumber: string;
  batchNumber: string;
  granularity: string;
  cluster: string;
  status: string;
  productName: string;
  manufacturerId: string;
  manufacturerName: string;
  createdAt: string;
  updatedAt: string;
  revisions: ExportedRevision[] | null;
  lifecycleEvents: ExportedLifecycleEvent[] | null;
}

/** A passport row of a materials batch: the composition of the revision in force at asOf. */
export interface CompositionBatchRow {
  id: string;
  revision: number;
  gtin: string;
  serialNumber: string;
  batchNumber: string;
  cluster: string;
  status: string;
  manufacturerId: string;
  composition: unknown;
}

/** Sorts before every UUID: the keyset start. */
export const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Reads exports in keyset batches ordered by passport id. Each batch is one statement, so it is consistent in
 * itself, and no transaction stays open while the response is written: PGlite has a single connection that the
 * rest of the API needs meanwhile, and a server connection should not be held by a slow client.
 */
@Injectable()
export class ExportRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  passportBatch(filter: ExportFilter, includeDrafts: boolean, afterId: string, size: number): Promise<PassportBatchRow[]> {
    const { where, params } = this.where(filter, includeDrafts, afterId);
    params.push(size);
    return this.db.query<PassportBatchRow>(
      `SELECT p.id, p.gtin, p."serialNumber", p."batchNumber", p.granularity::text AS granularity, p.cluster::text AS cluster,
              p.status::text AS status, p."productName", p."manufacturerId", o.name AS "manufacturerName",
              ${iso('p."createdAt"')} AS "createdAt", ${iso('p."updatedAt"')} AS "updatedAt",
              (SELECT json_agg(json_build_object(
                        'revision', r.revision, 'status', r.status, 'productName', r."productName",
                        'totalMassKg', r."totalMassKg", 'composition', r.composition, 'createdAt', ${iso('r."createdAt"')},
                        'contentHash', r."contentHash", 'previousHash', r."previousHash",
                        'signature', r.signature, 'signingKeyId', r."signingKeyId") ORDER BY r.revision)
                 FROM "PassportRevision" r
                WHERE r."passportId" = p.id AND r."createdAt" <= $1::timestamptz) AS revisions,
              (SELECT json_agg(json_build_object(
                        'sequence', e.sequence, 'previousHash', e."previousHash", 'type', e.type,
                        'occurredAt', ${iso('e."occurredAt"')}, 'recordedAt', ${iso('e."recordedAt"')}, 'corop', e.corop,
                        'componentKeys', to_json(e."componentKeys"), 'note', e.note, 'evidenceUrl', e."evidenceUrl",
                        'actorOrganizationId', e."actorOrganizationId", 'fromOrganizationId', e."fromOrganizationId",
                        'toOrganizationId', e."toOrganizationId", 'contentHash', e."contentHash",
                        'signature', e.signature, 'signingKeyId', e."signingKeyId") ORDER BY e.sequence)
                 FROM "LifecycleEvent" e
                WHERE e."passportId" = p.id AND e."recordedAt" <= $1::timestamptz) AS "lifecycleEvents"
         FROM "Passport" p
         JOIN "Organization" o ON o.id = p."manufacturerId"
        WHERE ${where}
        ORDER BY p.id
        LIMIT $${params.length}`,
      params,
    );
  }

  compositionBatch(filter: ExportFilter, includeDrafts: boolean, afterId: string, size: number): Promise<CompositionBatchRow[]> {
    const { where, params } = this.where(filter, includeDrafts, afterId);
    params.push(size);
    return this.db.query<CompositionBatchRow>(
      `SELECT p.id, r.revision, p.gtin, p."serialNumber", p."batchNumber", p.cluster::text AS cluster, p.status::text AS status,
              p."manufacturerId", r.composition
         FROM "Passport" p
         JOIN LATERAL (
              SELECT revision, composition FROM "PassportRevision" r
               WHERE r."passportId" = p.id AND r."createdAt" <= $1::timestamptz
               ORDER BY r.revision DESC LIMIT 1) r ON true
        WHERE ${where}
        ORDER BY p.id
        LIMIT $${params.length}`,
      params,
    );
  }

  /** How many passports an export will hold, for progress bars; the manifest's count is the one to trust. */
  async count(filter: ExportFilter, includeDrafts: boolean): Promise<number> {
    const { where, params } = this.where(filter, includeDrafts, FIRST_ID);
    const [row] = await this.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Passport" p WHERE ${where}`, params);
    return row.count;
  }

  /** Conditions shared by both exports; $1 is always asOf. */
  private where(filter: ExportFilter, includeDrafts: boolean, afterId: string): { where: string; params: unknown[] } {
    const params: unknown[] = [filter.asOf.toISOString(), afterId];
    const conditions = ['p."createdAt" <= $1::timestamptz', 'p.id > $2::uuid'];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter.cluster) add((p) => `p.cluster = ${p}::"ClusterCode"`, filter.cluster);
    if (filter.status) add((p) => `p.status = ${p}::"PassportStatus"`, filter.status);
    // Drafts are their owner's business; only the platform administrator exports them.
    if (!includeDrafts) conditions.push(`p.status <> 'DRAFT'`);
    if (filter.manufacturerId) add((p) => `p."manufacturerId" = ${p}::uuid`, filter.manufacturerId);
    if (filter.updatedSince) add((p) => `p."updatedAt" >= ${p}::timestamptz`, filter.updatedSince.toISOString());
    return { where: conditions.join(' AND '), params };
  }
}
