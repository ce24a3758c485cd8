// The SQL of the recycler searches, in one place. Every value is a parameter (Prisma.sql tagged templates); the
// benchmark runs these same statements through `pg` to compare the API with the plain query.
import type { ComponentRowLike, MaterialRowLike } from '@registry/passports';
import { Prisma } from '@registry/prisma-client';
import type { HitCursor, InventoryCriteria, SearchCriteria } from './search-criteria';

export type InventoryGroupBy = 'CLUSTER' | 'COROP' | 'MANUFACTURER';

/** The group of an organization without a COROP region in a COROP inventory. */
export const UNKNOWN_COROP = '(unknown)';

/** What a hit shows of a material: the row, or an element of a component's `materials`. */
export type MaterialRow = MaterialRowLike;

/** A material row that matched, with what the hit shows of it. */
export interface HitRow extends MaterialRow {
  id: string;
  passportId: string;
  componentId: string;
}

/** A component of a page of hits, with all its materials in document order. */
export interface ComponentRow extends ComponentRowLike {
  id: string;
}

export interface InventorySqlRow {
  group: string;
  element: string;
  totalMassKg: number;
  passportCount: number;
  componentCount: number;
  productCount: number;
}

const HIT_COLUMNS = Prisma.sql`m."id", m."passportId", m."componentId", m."name", m."elementSymbol", m."casNumber", m."massKg",
       m."massKgPerProduct", m."recycledContentPct", m."details"`;

/**
 * One page of material rows matching `criteria`, heaviest per product first, `limit` rows after `after`.
 *
 * PassportMaterial carries copies of the passport's status, cluster, manufacturer and COROP region, so the search
 * needs no join: it walks the index (elementSymbol | casNumber, status, massKgPerProduct DESC, id) in order and stops
 * after `limit` rows. Several elements (a critical list) are searched one index range each (LATERAL, `limit` rows
 * apiece) and merged, rather than sorting every matching row.
 */
export function componentsContainingSql(criteria: SearchCriteria, after: HitCursor | null, limit: number): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`m."status" = CAST(${criteria.status} AS "PassportStatus")`];
  if (criteria.minMassKg !== null) conditions.push(Prisma.sql`m."massKgPerProduct" >= ${criteria.minMassKg}`);
  if (criteria.cluster) conditions.push(Prisma.sql`m."cluster" = CAST(${criteria.cluster} AS "ClusterCode")`);
  if (criteria.corop) conditions.push(Prisma.sql`m."corop" = ${criteria.corop}`);
  if (criteria.manufacturerId) conditions.push(Prisma.sql`m."manufacturerId" = CAST(${criteria.manufacturerId} AS uuid)`);
  if (after) {
    // The first condition bounds the index range; the second skips the rows of equal mass already returned.
    conditions.push(
      Prisma.sql`m."massKgPerProduct" <= ${after.massKgPerProduct}`,
      Prisma.sql`(m."massKgPerProduct" < ${after.massKgPerProduct} OR m."id" > CAST(${after.id} AS uuid))`,
    );
  }
  const elements = criteria.elements ?? [];

  if (criteria.casNumber !== null || elements.length === 1) {
    const driver = criteria.casNumber !== null ? Prisma.sql`m."casNumber" = ${criteria.casNumber}` : Prisma.sql`m."elementSymbol" = ${elements[0]}`;
    if (criteria.casNumber !== null && criteria.elements !== null) conditions.push(Prisma.sql`m."elementSymbol" IN (${Prisma.join(elements)})`);
    return Prisma.sql`
SELECT ${HIT_COLUMNS}
FROM "PassportMaterial" m
WHERE ${driver} AND ${Prisma.join(conditions, ' AND ')}
ORDER BY m."massKgPerProduct" DESC, m."id"
LIMIT ${limit}`;
  }

  return Prisma.sql`
SELECT hit.*
FROM (VALUES ${Prisma.join(elements.map((symbol) => Prisma.sql`(${symbol})`))}) AS wanted("symbol")
CROSS JOIN LATERAL (
  SELECT ${HIT_COLUMNS}
  FROM "PassportMaterial" m
  WHERE m."elementSymbol" = wanted."symbol" AND ${Prisma.join(conditions, ' AND ')}
  ORDER BY m."massKgPerProduct" DESC, m."id"
  LIMIT ${limit}
) AS hit
ORDER BY hit."massKgPerProduct" DESC, hit."id"
LIMIT ${limit}`;
}

const uuids = (ids: readonly string[]) => Prisma.join(ids.map((id) => Prisma.sql`CAST(${id} AS uuid)`));

/** The passports of a page of hits. */
export function passportsSql(ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`SELECT * FROM "Passport" WHERE "id" IN (${uuids(ids)})`;
}

/** The components of a page of hits, each with all its materials in document order: one round trip for both tables. */
export function componentsWithMaterialsSql(ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`
SELECT c."id", c."key", c."name", c."path", c."depth", c."parentKey", c."quantity", c."massKg", c."unitsPerProduct", c."details",
       COALESCE((SELECT json_agg(json_build_object('name', m."name", 'elementSymbol', m."elementSymbol", 'casNumber', m."casNumber",
                                                   'massKg', m."massKg", 'massKgPerProduct', m."massKgPerProduct",
                                                   'recycledContentPct', m."recycledContentPct", 'details', m."details")
                                 ORDER BY m."position")
                 FROM "PassportMaterial" m
                 WHERE m."componentId" = c."id"), '[]'::json) AS "materials"
FROM "PassportComponent" c
WHERE c."id" IN (${uuids(ids)})`;
}

/**
 * Per group and element: the mass in all products (a passport's mass per product times the products it stands for),
 * the passports, the components holding the element and the products. Served by the indexes
 * (cluster, status, elementSymbol) and (elementSymbol, status, cluster) of PassportElementTotal.
 */
export function materialInventorySql(groupBy: InventoryGroupBy, criteria: InventoryCriteria, manufacturerId: string | null): Prisma.Sql {
  const group = {
    CLUSTER: Prisma.sql`t."cluster"::text`,
    COROP: Prisma.sql`COALESCE(t."corop", ${UNKNOWN_COROP})`,
    MANUFACTURER: Prisma.sql`t."manufacturerId"::text`,
  }[groupBy];
  const conditions: Prisma.Sql[] = [
    Prisma.sql`t."status" = CAST(${criteria.status} AS "PassportStatus")`,
    Prisma.sql`t."elementSymbol" IN (${Prisma.join(criteria.elements)})`,
  ];
  if (criteria.cluster) conditions.push(Prisma.sql`t."cluster" = CAST(${criteria.cluster} AS "ClusterCode")`);
  if (manufacturerId) conditions.push(Prisma.sql`t."manufacturerId" = CAST(${manufacturerId} AS uuid)`);
  return Prisma.sql`
SELECT ${group} AS "group",
       t."elementSymbol" AS "element",
       SUM(t."massKg" * t."unitCount")::float8 AS "totalMassKg",
       COUNT(*)::int AS "passportCount",
       SUM(t."componentCount")::int AS "componentCount",
       SUM(t."unitCount")::float8 AS "productCount"
FROM "PassportElementTotal" t
WHERE ${Prisma.join(conditions, ' AND ')}
GROUP BY 1, 2
ORDER BY 1, 3 DESC, 2`;
}
