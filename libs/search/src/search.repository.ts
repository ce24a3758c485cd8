import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, type Database, PrismaService } from '@registry/core';
import type { ComponentModel } from '@registry/passports';
import type { Passport } from '@registry/prisma-client';
import type { HitCursor, InventoryCriteria, SearchCriteria } from './search-criteria';
import type { ReleaseForecastCriteria } from './release-forecast.criteria';
import { releaseForecastSql, type ReleaseForecastSqlRow } from './release-forecast.sql';
import { type HitParts, hitPageSql, type HitRow, type InventoryGroupBy, type InventorySqlRow, materialInventorySql, type PassportSummary } from './search.sql';

/** A passport row as PostgreSQL writes it in JSON: its times are text. */
export type PassportRowJson = { [K in keyof Passport]: Passport[K] extends Date ? string : Passport[K] extends Date | null ? string | null : Passport[K] };

/** A hit with what the selection asked of its passport and component, read in the same statement (see hitPageSql). */
export interface HitPageRow extends HitRow {
  /** The passport in the shape of PassportModel, when the selection reads its summary fields only. */
  passportSummary: PassportSummary | null;
  /** The passport's whole row, when the selection reads more. */
  passportRow: PassportRowJson | null;
  /** The component in the shape of ComponentModel. */
  componentJson: ComponentModel | null;
}

/** The queries behind the recycler searches; the SQL itself lives in search.sql.ts. */
@Injectable()
export class SearchRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  /**
   * One page of hits and what it shows of their passports and components, in one statement. Run on the driver
   * directly, as a prepared statement: for a page of 50 hits with nested JSON, the Prisma client's own row handling
   * cost more than the query, and planning it (1.3-1.7 ms) about half of running it (3.6 ms).
   */
  findHitPage(criteria: SearchCriteria, after: HitCursor | null, limit: number, parts: HitParts): Promise<HitPageRow[]> {
    const sql = hitPageSql(criteria, after, limit, parts);
    return this.db.queryPrepared<HitPageRow>(sql.text, sql.values);
  }

  inventory(groupBy: InventoryGroupBy, criteria: InventoryCriteria, manufacturerId: string | null, reader: string | null): Promise<InventorySqlRow[]> {
    return this.prisma.$queryRaw<InventorySqlRow[]>(materialInventorySql(groupBy, criteria, manufacturerId, reader));
  }

  releaseForecast(criteria: ReleaseForecastCriteria, manufacturerId: string | null, reader: string | null): Promise<ReleaseForecastSqlRow[]> {
    return this.prisma.$queryRaw<ReleaseForecastSqlRow[]>(releaseForecastSql(criteria, manufacturerId, reader));
  }
}

const time = (text: string | null): Date | null => (text === null ? null : new Date(text));

/** A passport row read as JSON, with its times as Dates again. */
export function passportOfRowJson(json: PassportRowJson): Passport {
  return {
    ...json,
    createdAt: new Date(json.createdAt),
    updatedAt: new Date(json.updatedAt),
    installedAt: time(json.installedAt),
    expectedEndOfLife: time(json.expectedEndOfLife),
    endedAt: time(json.endedAt),
  };
}
