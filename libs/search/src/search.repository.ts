import { Injectable } from '@nestjs/common';
import { PrismaService } from '@registry/core';
import type { Passport } from '@registry/prisma-client';
import type { HitCursor, InventoryCriteria, SearchCriteria } from './search-criteria';
import {
  type ComponentRow,
  componentsContainingSql,
  componentsWithMaterialsSql,
  type HitRow,
  type InventoryGroupBy,
  type InventorySqlRow,
  materialInventorySql,
  passportsSql,
} from './search.sql';

/** The queries behind the recycler searches; the SQL itself lives in search.sql.ts. */
@Injectable()
export class SearchRepository {
  constructor(private readonly prisma: PrismaService) {}

  findHits(criteria: SearchCriteria, after: HitCursor | null, limit: number): Promise<HitRow[]> {
    return this.prisma.$queryRaw<HitRow[]>(componentsContainingSql(criteria, after, limit));
  }

  inventory(groupBy: InventoryGroupBy, criteria: InventoryCriteria, manufacturerId: string | null): Promise<InventorySqlRow[]> {
    return this.prisma.$queryRaw<InventorySqlRow[]>(materialInventorySql(groupBy, criteria, manufacturerId));
  }

  /** The passports of a page of hits, in one query. */
  findPassports(ids: readonly string[]): Promise<Passport[]> {
    return this.prisma.$queryRaw<Passport[]>(passportsSql(ids));
  }

  /** The components of a page of hits with all their materials, in one query. */
  findComponents(ids: readonly string[]): Promise<ComponentRow[]> {
    return this.prisma.$queryRaw<ComponentRow[]>(componentsWithMaterialsSql(ids));
  }
}
