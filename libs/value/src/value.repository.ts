import { Injectable } from '@nestjs/common';
import { NOT_COUNTED_IN_A_HOLDER, PrismaService, readableComposition, readableTotalMass } from '@registry/core';
import { type ClusterCode, type PassportStatus, Prisma } from '@registry/prisma-client';

export interface RevisionKey {
  passportId: string;
  revision: number;
}

export interface PublishedTotals {
  productUnits: number;
  totalMassKg: number;
  averageMci: number | null;
  passportsWithMci: number;
}

/** Whose drafts a count includes: every manufacturer's, one manufacturer's, or none. */
export type DraftScope = 'ALL' | 'NONE' | { manufacturerId: string };

/** The queries of the value domain: stored figures of revisions and the aggregates of cluster summaries. */
@Injectable()
export class ValueRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The stored figures of the given revisions, in one query. */
  findFigures(keys: readonly RevisionKey[]) {
    return this.prisma.passportRevision.findMany({
      where: { OR: keys.map((key) => ({ passportId: key.passportId, revision: key.revision })) },
      select: { passportId: true, revision: true, circularity: true, reuseValue: true },
    });
  }

  /** Passports of a cluster per status, counting the drafts of `drafts` only. */
  async countByStatus(cluster: ClusterCode, drafts: DraftScope): Promise<{ status: PassportStatus; count: number }[]> {
    const where: Prisma.PassportWhereInput =
      drafts === 'ALL'
        ? { cluster }
        : { cluster, OR: [{ status: { not: 'DRAFT' } }, ...(drafts === 'NONE' ? [] : [{ manufacturerId: drafts.manufacturerId }])] };
    const groups = await this.prisma.passport.groupBy({ by: ['status'], where, _count: { _all: true } });
    return groups.map((group) => ({ status: group.status, count: group._count._all }));
  }

  /** Units, mass and unit-weighted MCI of the published passports of a cluster, in one aggregate query. */
  async publishedTotals(cluster: ClusterCode): Promise<PublishedTotals> {
    const [row] = await this.prisma.$queryRaw<PublishedTotals[]>`
      SELECT coalesce(sum("unitCount"), 0)::float8 AS "productUnits",
             coalesce(sum("totalMassKg" * "unitCount"), 0)::float8 AS "totalMassKg",
             (sum("mci" * "unitCount") / nullif(sum("unitCount") FILTER (WHERE "mci" IS NOT NULL), 0))::float8 AS "averageMci",
             count("mci")::int AS "passportsWithMci"
        FROM "Passport"
       WHERE "cluster" = CAST(${cluster} AS "ClusterCode") AND "status" = 'PUBLISHED'`;
    return row;
  }

  /** Carbon footprint of the published passports of a cluster that declare one: kg CO2e per product x unitCount, summed. */
  async carbonFootprintTotals(cluster: ClusterCode): Promise<{ totalKgCO2e: number; productUnits: number; passportCount: number }> {
    const [row] = await this.prisma.$queryRaw<{ totalKgCO2e: number; productUnits: number; passportCount: number }[]>`
      SELECT coalesce(sum("carbonFootprintKgCO2e" * "unitCount"), 0)::float8 AS "totalKgCO2e",
             coalesce(sum("unitCount"), 0)::float8 AS "productUnits",
             count(*)::int AS "passportCount"
        FROM "Passport"
       WHERE "cluster" = CAST(${cluster} AS "ClusterCode") AND "status" = 'PUBLISHED' AND "carbonFootprintKgCO2e" IS NOT NULL`;
    return row;
  }

  /**
   * Per element, the mass in all published products of a cluster (per-product mass x unitCount), heaviest first, as
   * `reader` may read it (compositionGrantsApplyTo; null: every composition): each kilogram once, none of a
   * composition restricted to others.
   */
  elementMasses(cluster: ClusterCode, reader: string | null): Promise<{ element: string; massKg: number }[]> {
    const readable = reader === null ? Prisma.empty : Prisma.sql`AND ${readableComposition(Prisma.sql`t."passportId"`, reader)}`;
    return this.prisma.$queryRaw`
      SELECT t."elementSymbol" AS "element", sum(${readableTotalMass(reader)} * t."unitCount")::float8 AS "massKg"
        FROM "PassportElementTotal" t
       WHERE t."cluster" = CAST(${cluster} AS "ClusterCode") AND t."status" = 'PUBLISHED' AND ${NOT_COUNTED_IN_A_HOLDER} ${readable}
       GROUP BY t."elementSymbol"
       ORDER BY 2 DESC, 1`;
  }

  /**
   * The distinct (element, CAS number, declared forms) of the materials in the published products of a cluster that
   * have a form to tell (a CAS number or declared forms): a material with neither meets no form.
   */
  elementMaterialForms(cluster: ClusterCode): Promise<{ element: string; casNumber: string | null; forms: unknown }[]> {
    return this.prisma.$queryRaw`
      SELECT DISTINCT e."elementSymbol" AS "element", m."casNumber", m."details"->'forms' AS "forms"
        FROM "PassportMaterialElement" e
        JOIN "PassportMaterial" m ON m."id" = e."materialId"
       WHERE e."cluster" = CAST(${cluster} AS "ClusterCode") AND e."status" = 'PUBLISHED'
         AND (m."casNumber" IS NOT NULL OR m."details"->'forms' IS NOT NULL)`;
  }

  /**
   * The reuse values of the published passports of a cluster in one currency whose composition `reader` may read
   * (compositionGrantsApplyTo; null: every composition), times their unitCount, summed.
   */
  async reuseValueTotal(cluster: ClusterCode, currency: string, reader: string | null): Promise<{ amount: number; passportCount: number }> {
    const [row] = await this.prisma.$queryRaw<{ amount: number; passportCount: number }[]>`
      SELECT coalesce(sum(p."reuseValueAmount" * p."unitCount"), 0)::float8 AS "amount",
             count(p."reuseValueAmount")::int AS "passportCount"
        FROM "Passport" p
       WHERE p."cluster" = CAST(${cluster} AS "ClusterCode") AND p."status" = 'PUBLISHED' AND p."reuseValueCurrency" = ${currency}
             ${reader === null ? Prisma.empty : Prisma.sql`AND ${readableComposition(Prisma.sql`p."id"`, reader)}`}`;
    return row;
  }
}
