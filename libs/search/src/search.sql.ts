// The SQL of the recycler searches, in one place. Every value is a parameter (Prisma.sql tagged templates); the
// benchmark runs these same statements through `pg` to compare the API with the plain query.
import type { MaterialRowLike, PassportModel } from '@registry/passports';
import { NOT_COUNTED_IN_A_HOLDER, readableComposition, readableCompositionPerRow, readableTotalMass } from '@registry/core';
import { type Passport, Prisma, type PassportSubstanceOfConcern } from '@registry/prisma-client';
import type { ComponentHitModel } from './models/component-hit.model';
import type { HitCursor, InventoryCriteria, SearchCriteria } from './search-criteria';

export type InventoryGroupBy = 'CLUSTER' | 'COROP' | 'MANUFACTURER' | 'INSTALLED_COROP';

/** The group of products with no INSTALLED event in an INSTALLED_COROP inventory. */
export const NOT_INSTALLED = '(not installed)';

/** The group of an organization without a COROP region in a COROP inventory. */
export const UNKNOWN_COROP = '(unknown)';

/** What a hit shows of a material: the row, or an element of a component's `materials`. */
export type MaterialRow = MaterialRowLike;

/** A material row that matched, with what the hit shows of it. */
export interface HitRow extends MaterialRow {
  id: string;
  passportId: string;
  componentId: string;
  /** The element row that matched (element searches), else null. */
  element: string | null;
  /** The matched element's mass in one product; for a CAS number search with elements, theirs summed; else null. */
  elementMassKgPerProduct: number | null;
  /** The hit's place in the list: (mass, id) of the element row for element searches, of the material for CAS searches. */
  sortMassKg: number;
  sortId: string;
  /** The substance row that matched (substanceOfConcern searches), else absent. */
  substanceJson?: PassportSubstanceOfConcern | null;
}

export interface InventorySqlRow {
  group: string;
  element: string;
  totalMassKg: number;
  passportCount: number;
  componentCount: number;
  productCount: number;
}

const MATERIAL_COLUMNS = Prisma.sql`m."id", m."passportId", m."componentId", m."name", m."elementSymbol", m."casNumber", m."massKg",
       m."massKgPerProduct", m."recycledContentPct", m."details"`;

/** The filters and the cursor on the rows of `alias` (PassportMaterialElement e, PassportMaterial m, PassportSubstanceOfConcern s). */
function rowConditions(alias: 'e' | 'm' | 's', criteria: SearchCriteria, after: HitCursor | null): Prisma.Sql[] {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const conditions: Prisma.Sql[] = [Prisma.sql`${column('status')} = CAST(${criteria.status} AS "PassportStatus")`];
  if (criteria.minMassKg !== null) conditions.push(Prisma.sql`${column('massKgPerProduct')} >= ${criteria.minMassKg}`);
  if (criteria.cluster) conditions.push(Prisma.sql`${column('cluster')} = CAST(${criteria.cluster} AS "ClusterCode")`);
  if (criteria.corop) conditions.push(Prisma.sql`${column('corop')} = ${criteria.corop}`);
  if (criteria.manufacturerId) conditions.push(Prisma.sql`${column('manufacturerId')} = CAST(${criteria.manufacturerId} AS uuid)`);
  if (criteria.compositionReader) conditions.push(readableCompositionPerRow(column('passportId'), criteria.compositionReader));
  if (after) {
    // The first condition bounds the index range; the second skips the rows of equal mass already returned.
    conditions.push(
      Prisma.sql`${column('massKgPerProduct')} <= ${after.massKgPerProduct}`,
      Prisma.sql`(${column('massKgPerProduct')} < ${after.massKgPerProduct} OR ${column('id')} > CAST(${after.id} AS uuid))`,
    );
  }
  return conditions;
}

/**
 * One page of hits matching `criteria`, heaviest first, `limit` rows after `after`.
 *
 * By element (or critical list): the hits are element rows (PassportMaterialElement: one per material and element),
 * ordered by the element's mass in one product, with their material. The rows carry copies of the passport's status,
 * cluster, manufacturer and COROP region, so the search walks the index (elementSymbol, status, massKgPerProduct DESC,
 * id) in order and stops after `limit` rows; several elements are searched one index range each (LATERAL, `limit`
 * rows apiece) and merged. minMassKg bounds the element's mass.
 *
 * By CAS number: material rows (PassportMaterial), ordered by the material's mass in one product; elements, if also
 * given, keep the materials holding one of them. minMassKg bounds the material's mass.
 */
export function componentsContainingSql(criteria: SearchCriteria, after: HitCursor | null, limit: number): Prisma.Sql {
  if (criteria.substanceOfConcern) return substanceHitsSql(criteria, after, limit);
  const elements = criteria.elements ?? [];

  if (criteria.casNumber !== null) {
    const conditions = rowConditions('m', criteria, after);
    let elementMass = Prisma.sql`NULL::float8`;
    if (criteria.elements !== null) {
      const holding = Prisma.sql`FROM "PassportMaterialElement" e WHERE e."materialId" = m."id" AND e."elementSymbol" IN (${Prisma.join(elements)})`;
      conditions.push(Prisma.sql`EXISTS (SELECT 1 ${holding})`);
      elementMass = Prisma.sql`(SELECT SUM(e."massKgPerProduct") ${holding})`;
    }
    return Prisma.sql`
SELECT ${MATERIAL_COLUMNS}, NULL::text AS "element", ${elementMass} AS "elementMassKgPerProduct",
       m."massKgPerProduct" AS "sortMassKg", m."id" AS "sortId"
FROM "PassportMaterial" m
WHERE m."casNumber" = ${criteria.casNumber} AND ${Prisma.join(conditions, ' AND ')}
ORDER BY m."massKgPerProduct" DESC, m."id"
LIMIT ${limit}`;
  }

  const conditions = Prisma.join(rowConditions('e', criteria, after), ' AND ');
  const elementHit = (symbol: Prisma.Sql) => Prisma.sql`
  SELECT ${MATERIAL_COLUMNS}, e."elementSymbol" AS "element", e."massKgPerProduct" AS "elementMassKgPerProduct",
         e."massKgPerProduct" AS "sortMassKg", e."id" AS "sortId"
  FROM "PassportMaterialElement" e
  JOIN "PassportMaterial" m ON m."id" = e."materialId"
  WHERE e."elementSymbol" = ${symbol} AND ${conditions}
  ORDER BY e."massKgPerProduct" DESC, e."id"
  LIMIT ${limit}`;

  if (elements.length === 1) return elementHit(Prisma.sql`${elements[0]}`);
  // Several elements: each range yields `limit` element rows, merged, and only the `limit` kept are joined to their
  // material (not every row of every range).
  return Prisma.sql`
SELECT ${MATERIAL_COLUMNS}, hit."element", hit."elementMassKgPerProduct", hit."sortMassKg", hit."sortId"
FROM (
  SELECT hit.*
  FROM (VALUES ${Prisma.join(elements.map((symbol) => Prisma.sql`(${symbol})`))}) AS wanted("symbol")
  CROSS JOIN LATERAL (
    SELECT e."materialId", e."elementSymbol" AS "element", e."massKgPerProduct" AS "elementMassKgPerProduct",
           e."massKgPerProduct" AS "sortMassKg", e."id" AS "sortId"
    FROM "PassportMaterialElement" e
    WHERE e."elementSymbol" = wanted."symbol" AND ${conditions}
    ORDER BY e."massKgPerProduct" DESC, e."id"
    LIMIT ${limit}
  ) AS hit
  ORDER BY hit."sortMassKg" DESC, hit."sortId"
  LIMIT ${limit}
) AS hit
JOIN "PassportMaterial" m ON m."id" = hit."materialId"
ORDER BY hit."sortMassKg" DESC, hit."sortId"`;
}

/**
 * By substance of concern: substance rows (PassportSubstanceOfConcern, one per declared substance), ordered by their
 * material's mass in one product (copied to the row with the passport's search columns, so the search walks the index
 * (status, massKgPerProduct DESC, id) or (casNumber, status, ...) and stops after `limit` rows), with their material.
 * casNumber is the substance's; elements keep the substances whose material holds one of them.
 */
function substanceHitsSql(criteria: SearchCriteria, after: HitCursor | null, limit: number): Prisma.Sql {
  const conditions = rowConditions('s', criteria, after);
  if (criteria.casNumber !== null) conditions.push(Prisma.sql`s."casNumber" = ${criteria.casNumber}`);
  if (criteria.elements !== null) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "PassportMaterialElement" e WHERE e."materialId" = s."materialId" AND e."elementSymbol" IN (${Prisma.join(criteria.elements)}))`,
    );
  }
  return Prisma.sql`
SELECT ${MATERIAL_COLUMNS}, NULL::text AS "element", NULL::float8 AS "elementMassKgPerProduct",
       s."massKgPerProduct" AS "sortMassKg", s."id" AS "sortId", row_to_json(s) AS "substanceJson"
FROM "PassportSubstanceOfConcern" s
JOIN "PassportMaterial" m ON m."id" = s."materialId"
WHERE ${Prisma.join(conditions, ' AND ')}
ORDER BY s."massKgPerProduct" DESC, s."id"
LIMIT ${limit}`;
}

/**
 * The Passport fields a page of hits can read as columns of the passport's row, in the shape of PassportModel, in two
 * sizes: its name (what a list of hits shows) and its summary (every field but the times, which JSON carries as text
 * while the model wants Dates, and the fields resolved from other rows). A selection of one size's fields only (plus
 * __typename) reads that size; any other passport field reads the whole row.
 */
const NAME_FIELDS = ['id', 'productName', 'manufacturerId'] as const satisfies readonly (keyof PassportModel)[];
const SUMMARY_FIELDS = [
  ...NAME_FIELDS,
  'cluster',
  'granularity',
  'gtin',
  'serialNumber',
  'batchNumber',
  'status',
  'revision',
  'responsibleOrganizationId',
  'totalMassKg',
  'ended',
  'installedCorop',
] as const satisfies readonly (keyof PassportModel)[];
export const PASSPORT_NAME_FIELDS: ReadonlySet<string> = new Set(NAME_FIELDS);
export const PASSPORT_SUMMARY_FIELDS: ReadonlySet<string> = new Set(SUMMARY_FIELDS);

/** A passport as a page of hits reads it when the selection names PASSPORT_NAME_FIELDS or PASSPORT_SUMMARY_FIELDS only. */
export type PassportName = Pick<PassportModel, (typeof NAME_FIELDS)[number] | 'compositionGrantees'>;
export type PassportSummary = Pick<PassportModel, (typeof SUMMARY_FIELDS)[number] | 'compositionGrantees'>;

/** The access rule of passport `p` its tiered fields are checked against (with manufacturerId), as compositionGranteesOf gives it. */
const GRANTEES_JSON = Prisma.sql`'compositionGrantees', CASE WHEN p."compositionRestricted" THEN p."compositionGrantees" END`;

/** NAME_FIELDS and SUMMARY_FIELDS of passport `p` as JSON that needs no mapping (toPassportModel's rules, in SQL). */
const PASSPORT_NAME_JSON = Prisma.sql`json_build_object('id', p."id", 'productName', p."productName", 'manufacturerId', p."manufacturerId", ${GRANTEES_JSON})`;
const PASSPORT_SUMMARY_JSON = Prisma.sql`json_build_object('id', p."id", 'productName', p."productName", 'manufacturerId', p."manufacturerId",
         'cluster', p."cluster", 'granularity', p."granularity", 'gtin', p."gtin", 'serialNumber', NULLIF(p."serialNumber", ''),
         'batchNumber', NULLIF(p."batchNumber", ''), 'status', p."status", 'revision', p."revision",
         'responsibleOrganizationId', COALESCE(p."responsibleOrganizationId", p."manufacturerId"), 'totalMassKg', p."totalMassKg",
         'ended', p."endedAt" IS NOT NULL, 'installedCorop', p."installedCorop", ${GRANTEES_JSON})`;

/**
 * All the materials of component `c`, in document order, as JSON in the shape of MaterialModel (toMaterialModel's
 * rules, in SQL).
 */
const COMPONENT_MATERIALS_JSON = Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', m."id", 'name', m."name", 'element', m."elementSymbol",
                                                 'casNumber', m."casNumber", 'massKg', m."massKg", 'massKgPerProduct', m."massKgPerProduct",
                                                 'recycledContentPct', m."recycledContentPct", 'details', m."details")
                               ORDER BY m."position")
               FROM "PassportMaterial" m
               WHERE m."componentId" = c."id"), '[]'::json)`;

/**
 * Component `c` as JSON in the shape of ComponentModel (toComponentModel's rules, in SQL: location and dismantling
 * are keys of its details), with its materials, or none when they are not wanted.
 */
function componentJson(withMaterials: boolean): Prisma.Sql {
  return Prisma.sql`json_build_object('key', c."key", 'name', c."name", 'path', c."path", 'depth', c."depth",
         'parentKey', c."parentKey", 'quantity', c."quantity", 'massKg', c."massKg", 'unitsPerProduct', c."unitsPerProduct",
         'location', CASE WHEN jsonb_typeof(c."details"->'location') = 'string' THEN c."details"->'location' END,
         'dismantling', c."details"->'dismantling',
         'materials', ${withMaterials ? COMPONENT_MATERIALS_JSON : Prisma.sql`'[]'::json`})`;
}

/** How much of a hit's passport a page reads: nothing, the columns of its name or of its summary, or its whole row. */
export type PassportPart = 'none' | 'name' | 'summary' | 'row';

/** Which related rows a page of hits carries, as the GraphQL selection asks for them. */
export interface HitParts {
  passport: PassportPart;
  component: boolean;
  /** The component's materials (Component.materials); without them a hit's component lists none. */
  componentMaterials: boolean;
}

const PASSPORT_OF_HIT = (json: Prisma.Sql) => Prisma.sql`(SELECT ${json} FROM "Passport" p WHERE p."id" = hit."passportId")`;

/** What a page of hits reads: each hit in the shape of ComponentHitModel, and what only JavaScript can map. */
export interface HitPageRow {
  /** The hit in its model's shape, its passport included when the selection names its name or summary fields only. */
  node: ComponentHitModel;
  sortMassKg: number;
  sortId: string;
  /** The passport's whole row, when the selection names more than its summary fields. */
  passportRow: PassportRowJson | null;
  /** The substance row that matched (substanceOfConcern searches), else null. */
  substanceJson: PassportSubstanceOfConcern | null;
}

/** A passport row as PostgreSQL writes it in JSON: its times are text. */
export type PassportRowJson = {
  [K in keyof Passport]: Passport[K] extends Date ? string : Passport[K] extends Date | null ? string | null : Passport[K];
};

/**
 * A whole page of hits in one statement: the search, and each hit as JSON built by PostgreSQL in the shape of its
 * GraphQL model, with its passport (its summary, or its whole row as `passportRow`) and its component with its
 * materials, each only when asked for. One round trip and one snapshot: a page never shows a passport revised
 * between two of its queries. The variants are few (4 x 3 per search shape), so each stays one prepared statement
 * per connection.
 */
export function hitPageSql(criteria: SearchCriteria, after: HitCursor | null, limit: number, parts: HitParts): Prisma.Sql {
  const columns = { none: null, name: PASSPORT_NAME_JSON, summary: PASSPORT_SUMMARY_JSON, row: null }[parts.passport];
  const summary = columns ? PASSPORT_OF_HIT(columns) : Prisma.sql`NULL::json`;
  const row = parts.passport === 'row' ? PASSPORT_OF_HIT(Prisma.sql`row_to_json(p)`) : Prisma.sql`NULL::json`;
  const component = parts.component
    ? Prisma.sql`(SELECT ${componentJson(parts.componentMaterials)} FROM "PassportComponent" c WHERE c."id" = hit."componentId")`
    : Prisma.sql`NULL::json`;
  const substance = criteria.substanceOfConcern ? Prisma.sql`hit."substanceJson"` : Prisma.sql`NULL::json`;
  return Prisma.sql`
SELECT json_build_object('massKgPerProduct', hit."massKgPerProduct", 'element', hit."element", 'elementMassKgPerProduct', hit."elementMassKgPerProduct",
         'material', json_build_object('id', hit."id", 'name', hit."name", 'element', hit."elementSymbol", 'casNumber', hit."casNumber",
                                       'massKg', hit."massKg", 'massKgPerProduct', hit."massKgPerProduct",
                                       'recycledContentPct', hit."recycledContentPct", 'details', hit."details"),
         'passport', ${summary}, 'component', ${component}, 'substanceOfConcern', NULL) AS "node",
       hit."sortMassKg", hit."sortId", ${row} AS "passportRow", ${substance} AS "substanceJson"
FROM (${componentsContainingSql(criteria, after, limit)}) AS hit
ORDER BY hit."sortMassKg" DESC, hit."sortId"`;
}

/**
 * Per group and element: the mass in all products (a passport's mass per product times the products it stands for),
 * the passports, the components holding the element and the products. Served by the indexes
 * (cluster, status, elementSymbol) and (elementSymbol, status, cluster) of PassportElementTotal.
 */
export function materialInventorySql(
  groupBy: InventoryGroupBy,
  criteria: InventoryCriteria,
  manufacturerId: string | null,
  reader: string | null = null,
): Prisma.Sql {
  const group = {
    CLUSTER: Prisma.sql`t."cluster"::text`,
    COROP: Prisma.sql`COALESCE(t."corop", ${UNKNOWN_COROP})`,
    MANUFACTURER: Prisma.sql`t."manufacturerId"::text`,
    INSTALLED_COROP: Prisma.sql`COALESCE(p."installedCorop", ${NOT_INSTALLED})`,
  }[groupBy];
  // Where products are: their last INSTALLED event, on the passport; products recycled are nowhere any more.
  const installed = groupBy === 'INSTALLED_COROP';
  const conditions: Prisma.Sql[] = [
    Prisma.sql`t."status" = CAST(${criteria.status} AS "PassportStatus")`,
    Prisma.sql`t."elementSymbol" IN (${Prisma.join(criteria.elements)})`,
  ];
  if (criteria.cluster) conditions.push(Prisma.sql`t."cluster" = CAST(${criteria.cluster} AS "ClusterCode")`);
  if (manufacturerId) conditions.push(Prisma.sql`t."manufacturerId" = CAST(${manufacturerId} AS uuid)`);
  if (installed) conditions.push(Prisma.sql`p."endedAt" IS NULL`);
  conditions.push(NOT_COUNTED_IN_A_HOLDER);
  if (reader) conditions.push(readableComposition(Prisma.sql`t."passportId"`, reader));
  return Prisma.sql`
SELECT ${group} AS "group",
       t."elementSymbol" AS "element",
       SUM(${readableTotalMass(reader)} * t."unitCount")::float8 AS "totalMassKg",
       COUNT(*)::int AS "passportCount",
       SUM(t."componentCount")::int AS "componentCount",
       SUM(t."unitCount")::float8 AS "productCount"
FROM "PassportElementTotal" t${
    installed
      ? Prisma.sql`
JOIN "Passport" p ON p."id" = t."passportId"`
      : Prisma.empty
  }
WHERE ${Prisma.join(conditions, ' AND ')}
GROUP BY 1, 2
ORDER BY 1, 3 DESC, 2`;
}
