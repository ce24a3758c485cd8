// The SQL of bulk passport writes (imports): one statement per table for a whole chunk, every column one array
// parameter expanded with unnest, so a chunk of any size is a handful of statements. Enum columns travel as text[]
// (the embedded database serialises arrays of the types it knows only). Revisions, whose documents are most of
// the bytes, go as multi-row VALUES instead.
import { valuesList } from '@registry/core';

export const INSERT_PASSPORTS = `
INSERT INTO "Passport" ("id", "manufacturerId", "cluster", "granularity", "gtin", "serialNumber", "batchNumber", "productName", "status",
                        "revision", "totalMassKg", "unitCount", "mci", "reuseValueAmount", "reuseValueCurrency", "carbonFootprintKgCO2e",
                        "lifetimeYears", "expectedEndOfLife", "elementMethodVersion", "createdAt", "updatedAt")
SELECT u.id, u.manufacturer, u.cluster::"ClusterCode", u.granularity::"Granularity", u.gtin, u.serial, u.batch, u.name,
       u.status::"PassportStatus", 1, u.mass, u.units, u.mci, u.reuse_amount, u.reuse_currency, u.footprint, u.lifetime, u.end_of_life,
       $18::int, $19::timestamptz, $19::timestamptz
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::float8[],
            $11::int[], $12::float8[], $13::float8[], $14::text[], $15::float8[], $16::float8[], $17::timestamptz[])
  AS u(id, manufacturer, cluster, granularity, gtin, serial, batch, name, status, mass, units, mci, reuse_amount, reuse_currency,
       footprint, lifetime, end_of_life)`;

/**
 * Moves passports to their next revision if each is still at its expected one and not archived: the rows returned
 * are the passports that moved (a missing one moved on meanwhile). Locks them until the transaction ends.
 */
export const REVISE_PASSPORTS = `
UPDATE "Passport" p
SET "revision" = p."revision" + 1, "productName" = u.name, "totalMassKg" = u.mass, "unitCount" = u.units, "mci" = u.mci,
    "reuseValueAmount" = u.reuse_amount, "reuseValueCurrency" = u.reuse_currency, "carbonFootprintKgCO2e" = u.footprint,
    "lifetimeYears" = u.lifetime, "elementMethodVersion" = $11::int, "updatedAt" = $12::timestamptz
FROM unnest($1::uuid[], $2::int[], $3::text[], $4::float8[], $5::int[], $6::float8[], $7::float8[], $8::text[], $9::float8[], $10::float8[])
  AS u(id, expected, name, mass, units, mci, reuse_amount, reuse_currency, footprint, lifetime)
WHERE p."id" = u.id AND p."revision" = u.expected AND p."status" <> 'ARCHIVED'
RETURNING p."id", p."revision", p."status"::text AS "status", p."unitCount", p."manufacturerId", p."cluster"::text AS "cluster",
          p."granularity"::text AS "granularity", p."gtin", p."serialNumber", p."batchNumber", p."createdAt", p."installedAt"`;

/** The expected end of life of revised passports (computed in TypeScript: see expectedEndOfLifeOf). */
export const SET_EXPECTED_END_OF_LIFE = `
UPDATE "Passport" p SET "expectedEndOfLife" = u.end_of_life
FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, end_of_life)
WHERE p."id" = u.id`;

/** The content hashes of the given revisions (the ones a batch of revisions chains to). */
export const REVISION_HASHES = `
SELECT r."passportId", r."contentHash"
FROM unnest($1::uuid[], $2::int[]) AS u(passport, revision)
JOIN "PassportRevision" r ON r."passportId" = u.passport AND r."revision" = u.revision`;

/** The columns of INSERT_REVISIONS, as `valuesList` casts them; $1 is the time of the revisions. */
const REVISION_CASTS = ['uuid', 'int', 'text', '"PassportStatus"', 'jsonb', 'float8', 'uuid', 'text', 'text', 'text', 'text', 'jsonb', 'jsonb'];

/**
 * The revisions of a chunk, one parameter per value (see valuesList: their documents are most of a chunk's bytes);
 * parameters: the time, then per revision passport, revision, productName, status, composition, totalMassKg,
 * createdByKeyId, contentHash, previousHash, signature, signingKeyId, circularity, reuseValue.
 */
export function insertRevisions(rows: number): string {
  return `
INSERT INTO "PassportRevision" ("passportId", "revision", "productName", "status", "composition", "totalMassKg", "createdByKeyId",
                                "contentHash", "previousHash", "signature", "signingKeyId", "circularity", "reuseValue", "id", "createdAt")
SELECT v.*, gen_random_uuid(), $1::timestamptz
FROM (VALUES ${valuesList(rows, REVISION_CASTS, 2)}) AS v`;
}

/** The searchable rows of passports that get new ones (revised), children first. */
export const DELETE_ROWS = [
  `DELETE FROM "PassportSubstanceOfConcern" WHERE "passportId" = ANY($1::uuid[])`,
  `DELETE FROM "PassportLink" WHERE "fromPassportId" = ANY($1::uuid[]) AND "relation" = 'HAS_COMPONENT'`,
  `DELETE FROM "PassportElementTotal" WHERE "passportId" = ANY($1::uuid[])`,
  `DELETE FROM "PassportMaterialElement" WHERE "passportId" = ANY($1::uuid[])`,
  `DELETE FROM "PassportMaterial" WHERE "passportId" = ANY($1::uuid[])`,
  `DELETE FROM "PassportComponent" WHERE "passportId" = ANY($1::uuid[])`,
];

export const INSERT_COMPONENTS = `
INSERT INTO "PassportComponent" ("id", "passportId", "position", "key", "name", "path", "depth", "parentKey", "quantity", "massKg",
                                 "unitsPerProduct", "details")
SELECT u.id, u.passport, u.position, u.key, u.name, u.path, u.depth, u.parent, u.quantity, u.mass, u.units, u.details::jsonb
FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::float8[], $10::float8[],
            $11::float8[], $12::text[])
  AS u(id, passport, position, key, name, path, depth, parent, quantity, mass, units, details)`;

export const INSERT_MATERIALS = `
INSERT INTO "PassportMaterial" ("id", "passportId", "componentId", "position", "name", "elementSymbol", "casNumber", "massKg",
                                "massKgPerProduct", "recycledContentPct", "details", "cluster", "status", "manufacturerId", "corop")
SELECT u.id, u.passport, u.component, u.position, u.name, u.element, u.cas, u.mass, u.per_product, u.recycled, u.details::jsonb,
       u.cluster::"ClusterCode", u.status::"PassportStatus", u.manufacturer, u.corop
FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[],
            $11::text[], $12::text[], $13::text[], $14::uuid[], $15::text[])
  AS u(id, passport, component, position, name, element, cas, mass, per_product, recycled, details, cluster, status, manufacturer, corop)`;

export const INSERT_ELEMENTS = `
INSERT INTO "PassportMaterialElement" ("id", "materialId", "passportId", "componentId", "elementSymbol", "massFraction", "massKg",
                                       "massKgPerProduct", "source", "cluster", "status", "manufacturerId", "corop")
SELECT gen_random_uuid(), u.material, u.passport, u.component, u.element, u.fraction, u.mass, u.per_product, u.source::"ElementShareSource",
       u.cluster::"ClusterCode", u.status::"PassportStatus", u.manufacturer, u.corop
FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::text[], $9::text[], $10::text[],
            $11::uuid[], $12::text[])
  AS u(material, passport, component, element, fraction, mass, per_product, source, cluster, status, manufacturer, corop)`;

export const INSERT_TOTALS = `
INSERT INTO "PassportElementTotal" ("passportId", "elementSymbol", "massKg", "componentCount", "cluster", "status", "manufacturerId",
                                    "corop", "unitCount")
SELECT u.passport, u.element, u.mass, u.components, u.cluster::"ClusterCode", u.status::"PassportStatus", u.manufacturer, u.corop, u.units
FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::int[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::int[])
  AS u(passport, element, mass, components, cluster, status, manufacturer, corop, units)`;

export const INSERT_SUBSTANCES = `
INSERT INTO "PassportSubstanceOfConcern" ("id", "passportId", "componentId", "materialId", "position", "name", "casNumber", "ecNumber", "svhc",
                                          "candidateListId", "candidateListEntry", "concentrationPct", "concentrationMinPct",
                                          "concentrationMaxPct", "location", "safeUse", "endOfLife", "massKgPerProduct", "cluster", "status",
                                          "manufacturerId", "corop")
SELECT gen_random_uuid(), u.passport, u.component, u.material, u.position, u.name, u.cas, u.ec, u.svhc, u.list, u.entry, u.pct, u.min_pct,
       u.max_pct, u.location, u.safe_use, u.end_of_life, u.per_product, u.cluster::"ClusterCode", u.status::"PassportStatus", u.manufacturer, u.corop
FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[], $10::text[],
            $11::float8[], $12::float8[], $13::float8[], $14::text[], $15::text[], $16::text[], $17::float8[], $18::text[], $19::text[],
            $20::uuid[], $21::text[])
  AS u(passport, component, material, position, name, cas, ec, svhc, list, entry, pct, min_pct, max_pct, location, safe_use, end_of_life,
       per_product, cluster, status, manufacturer, corop)`;

/**
 * The passports with these identities (GTIN, serial, batch), whatever their status and owner, each with its current
 * revision's composition document.
 */
export const PASSPORTS_BY_IDENTITY = `
SELECT p.*, r."composition"
FROM unnest($1::text[], $2::text[], $3::text[]) AS i(gtin, serial, batch)
JOIN "Passport" p ON p."gtin" = i.gtin AND p."serialNumber" = i.serial AND p."batchNumber" = i.batch
LEFT JOIN "PassportRevision" r ON r."passportId" = p."id" AND r."revision" = p."revision"`;

/** Column arrays for one statement: `count` arrays, filled row by row. */
export function columns(count: number): unknown[][] {
  return Array.from({ length: count }, () => []);
}

/** Appends one row's values to the column arrays. */
export function pushRow(target: unknown[][], ...values: unknown[]): void {
  for (let i = 0; i < values.length; i++) target[i].push(values[i]);
}
