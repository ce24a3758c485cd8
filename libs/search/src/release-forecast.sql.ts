import { Prisma } from '@registry/prisma-client';
import type { ReleaseForecastCriteria } from './release-forecast.criteria';
import { NOT_COUNTED_IN_A_HOLDER, readableComposition, readableTotalMass } from '@registry/core';

export interface ReleaseForecastSqlRow {
  year: number;
  element: string;
  massKg: number;
  passportCount: number;
  productCount: number;
}

/**
 * Per year of expected end of life and element: the mass that comes free (a passport's mass per product times the
 * products it stands for), the passports and the products. Products whose life has ended (RECYCLED) have released
 * theirs already and are left out; with a COROP region, only products whose last INSTALLED event was there count.
 */
export function releaseForecastSql(criteria: ReleaseForecastCriteria, manufacturerId: string | null, reader: string | null = null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`t."status" = CAST(${criteria.status} AS "PassportStatus")`,
    Prisma.sql`t."elementSymbol" IN (${Prisma.join(criteria.elements)})`,
    Prisma.sql`p."endedAt" IS NULL`,
    Prisma.sql`p."expectedEndOfLife" >= make_timestamptz(${criteria.fromYear}::int, 1, 1, 0, 0, 0, 'UTC')`,
    Prisma.sql`p."expectedEndOfLife" < make_timestamptz(${criteria.toYear + 1}::int, 1, 1, 0, 0, 0, 'UTC')`,
    NOT_COUNTED_IN_A_HOLDER,
  ];
  if (reader) conditions.push(readableComposition(Prisma.sql`t."passportId"`, reader));
  if (criteria.corop) conditions.push(Prisma.sql`p."installedCorop" = ${criteria.corop}`);
  if (criteria.cluster) conditions.push(Prisma.sql`t."cluster" = CAST(${criteria.cluster} AS "ClusterCode")`);
  if (manufacturerId) conditions.push(Prisma.sql`t."manufacturerId" = CAST(${manufacturerId} AS uuid)`);
  return Prisma.sql`
SELECT EXTRACT(YEAR FROM p."expectedEndOfLife" AT TIME ZONE 'UTC')::int AS "year",
       t."elementSymbol" AS "element",
       SUM(${readableTotalMass(reader)} * t."unitCount")::float8 AS "massKg",
       COUNT(*)::int AS "passportCount",
       SUM(t."unitCount")::float8 AS "productCount"
FROM "PassportElementTotal" t
JOIN "Passport" p ON p."id" = t."passportId"
WHERE ${Prisma.join(conditions, ' AND ')}
GROUP BY 1, 2
ORDER BY 1, 3 DESC, 2`;
}
