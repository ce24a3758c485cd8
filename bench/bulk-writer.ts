// The bulk path of the benchmark generator: the same rows and columns the registry's write path
// (libs/passports/src/passport.repository.ts) fills, many passports per statement through column arrays.
import { ELEMENT_MASS_METHOD_VERSION } from '@registry/chemistry';
import type { FlattenedComposition } from '@registry/composition';
import { elementRows, elementTotals } from '@registry/passports';
import type { ClusterCode, Granularity, PassportStatus } from '@registry/prisma-client';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';

export interface BulkPassport {
  manufacturerId: string;
  corop: string | null;
  cluster: ClusterCode;
  granularity: Granularity;
  gtin: string;
  serialNumber: string;
  batchNumber: string;
  productName: string;
  status: PassportStatus;
  unitCount: number;
  createdAt: Date;
  document: Record<string, unknown>;
  flattened: FlattenedComposition;
}

/** Column arrays for `INSERT ... SELECT FROM unnest(...)`: one parameter per column, however many rows. */
function columns(count: number): unknown[][] {
  return Array.from({ length: count }, () => []);
}

const INSERT_PASSPORTS = `
INSERT INTO "Passport" ("id", "manufacturerId", "cluster", "granularity", "gtin", "serialNumber", "batchNumber", "productName",
                        "status", "revision", "totalMassKg", "unitCount", "createdAt", "updatedAt", "elementMethodVersion")
SELECT u.id, u.manufacturer, u.cluster, u.granularity, u.gtin, u.serial, u.batch, u.name, u.status, 1, u.mass, u.units, u.created, u.created,
       $13::int
FROM unnest($1::uuid[], $2::uuid[], $3::"ClusterCode"[], $4::"Granularity"[], $5::text[], $6::text[], $7::text[], $8::text[],
            $9::"PassportStatus"[], $10::float8[], $11::int[], $12::timestamptz[])
  AS u(id, manufacturer, cluster, granularity, gtin, serial, batch, name, status, mass, units, created)`;

const INSERT_REVISIONS = `
INSERT INTO "PassportRevision" ("id", "passportId", "revision", "productName", "status", "composition", "totalMassKg", "createdAt")
SELECT u.id, u.passport, 1, u.name, u.status, u.composition::jsonb, u.mass, u.created
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::"PassportStatus"[], $5::text[], $6::float8[], $7::timestamptz[])
  AS u(id, passport, name, status, composition, mass, created)`;

const INSERT_COMPONENTS = `
INSERT INTO "PassportComponent" ("id", "passportId", "position", "key", "name", "path", "depth", "parentKey", "quantity", "massKg",
                                 "unitsPerProduct", "details")
SELECT u.id, u.passport, u.position, u.key, u.name, u.path, u.depth, u.parent, u.quantity, u.mass, u.units, u.details::jsonb
FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::float8[], $10::float8[],
            $11::float8[], $12::text[])
  AS u(id, passport, position, key, name, path, depth, parent, quantity, mass, units, details)`;

const INSERT_MATERIALS = `
INSERT INTO "PassportMaterial" ("id", "passportId", "componentId", "position", "name", "elementSymbol", "casNumber", "massKg",
                                "massKgPerProduct", "recycledContentPct", "details", "cluster", "status", "manufacturerId", "corop")
SELECT u.id, u.passport, u.component, u.position, u.name, u.element, u.cas, u.mass, u.per_product, u.recycled, u.details::jsonb,
       u.cluster, u.status, u.manufacturer, u.corop
FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[],
            $11::text[], $12::"ClusterCode"[], $13::"PassportStatus"[], $14::uuid[], $15::text[])
  AS u(id, passport, component, position, name, element, cas, mass, per_product, recycled, details, cluster, status, manufacturer, corop)`;

const INSERT_ELEMENTS = `
INSERT INTO "PassportMaterialElement" ("id", "materialId", "passportId", "componentId", "elementSymbol", "massFraction", "massKg",
                                       "massKgPerProduct", "source", "cluster", "status", "manufacturerId", "corop")
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::float8[], $7::float8[], $8::float8[],
                     $9::"ElementShareSource"[], $10::"ClusterCode"[], $11::"PassportStatus"[], $12::uuid[], $13::text[])`;

const INSERT_TOTALS = `
INSERT INTO "PassportElementTotal" ("passportId", "elementSymbol", "massKg", "componentCount", "cluster", "status", "manufacturerId",
                                    "corop", "unitCount")
SELECT * FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::int[], $5::"ClusterCode"[], $6::"PassportStatus"[], $7::uuid[],
                     $8::text[], $9::int[])`;

/** The statements and column arrays that store `passports` exactly like the write path does. */
export function bulkRows(passports: readonly BulkPassport[]) {
  // Plain pushes into column arrays, no intermediate row objects: this runs for millions of rows.
  const [pId, pManufacturer, pCluster, pGranularity, pGtin, pSerial, pBatch, pName, pStatus, pMass, pUnits, pCreated] = columns(12);
  const [rId, rPassport, rName, rStatus, rComposition, rMass, rCreated] = columns(7);
  const [cId, cPassport, cPosition, cKey, cName, cPath, cDepth, cParent, cQuantity, cMass, cUnits, cDetails] = columns(12);
  const mat = columns(15);
  const el = columns(13);
  const [tPassport, tElement, tMass, tComponents, tCluster, tStatus, tManufacturer, tCorop, tUnits] = columns(9);
  for (const p of passports) {
    const passportId = randomUUID();
    const total = p.flattened.totalMassKg;
    (pId.push(passportId), pManufacturer.push(p.manufacturerId), pCluster.push(p.cluster), pGranularity.push(p.granularity));
    (pGtin.push(p.gtin), pSerial.push(p.serialNumber), pBatch.push(p.batchNumber), pName.push(p.productName), pStatus.push(p.status));
    (pMass.push(total), pUnits.push(p.unitCount), pCreated.push(p.createdAt));
    (rId.push(randomUUID()), rPassport.push(passportId), rName.push(p.productName), rStatus.push(p.status));
    (rComposition.push(JSON.stringify(p.document)), rMass.push(total), rCreated.push(p.createdAt));
    // The element rows point at the component and material rows by the ids given them here.
    const componentIds = new Map<string, string>();
    const materialIds = new Map<number, string>();
    for (const c of p.flattened.components) {
      const componentId = randomUUID();
      componentIds.set(c.key, componentId);
      (cId.push(componentId), cPassport.push(passportId), cPosition.push(c.position), cKey.push(c.key), cName.push(c.name), cPath.push(c.path));
      (cDepth.push(c.depth), cParent.push(c.parentKey), cQuantity.push(c.quantity), cMass.push(c.massKg), cUnits.push(c.unitsPerProduct));
      cDetails.push(c.details ? JSON.stringify(c.details) : null);
      for (const m of c.materials) {
        const materialId = randomUUID();
        materialIds.set(m.position, materialId);
        const row = [
          materialId,
          passportId,
          componentId,
          m.position,
          m.name,
          m.elementSymbol,
          m.casNumber,
          m.massKg,
          m.massKgPerProduct,
          m.recycledContentPct,
          m.details ? JSON.stringify(m.details) : null,
          p.cluster,
          p.status,
          p.manufacturerId,
          p.corop,
        ];
        for (let i = 0; i < row.length; i++) mat[i].push(row[i]);
      }
    }
    // The same element shares the write path stores (elementRows of @registry/passports), one row per material and element.
    const searchColumns = { cluster: p.cluster, status: p.status, manufacturerId: p.manufacturerId, corop: p.corop };
    const ids = { passportId, componentId: (c: { key: string }) => componentIds.get(c.key)!, materialId: (position: number) => materialIds.get(position)! };
    for (const e of elementRows(p.flattened, ids, searchColumns)) {
      const row = [
        randomUUID(),
        e.materialId,
        e.passportId,
        e.componentId,
        e.elementSymbol,
        e.massFraction,
        e.massKg,
        e.massKgPerProduct,
        e.source,
        e.cluster,
        e.status,
        e.manufacturerId,
        e.corop,
      ];
      for (let i = 0; i < row.length; i++) el[i].push(row[i]);
    }
    for (const t of elementTotals(p.flattened)) {
      (tPassport.push(passportId), tElement.push(t.elementSymbol), tMass.push(t.massKg), tComponents.push(t.componentCount));
      (tCluster.push(p.cluster), tStatus.push(p.status), tManufacturer.push(p.manufacturerId), tCorop.push(p.corop), tUnits.push(p.unitCount));
    }
  }
  return {
    counts: { passports: pId.length, components: cId.length, materials: mat[0].length, elements: el[0].length, totals: tPassport.length },
    statements: [
      {
        sql: INSERT_PASSPORTS,
        // Computed with the current element-mass method: the recomputation at start leaves these passports alone.
        params: [pId, pManufacturer, pCluster, pGranularity, pGtin, pSerial, pBatch, pName, pStatus, pMass, pUnits, pCreated, ELEMENT_MASS_METHOD_VERSION],
      },
      { sql: INSERT_REVISIONS, params: [rId, rPassport, rName, rStatus, rComposition, rMass, rCreated] },
      { sql: INSERT_COMPONENTS, params: [cId, cPassport, cPosition, cKey, cName, cPath, cDepth, cParent, cQuantity, cMass, cUnits, cDetails] },
      { sql: INSERT_MATERIALS, params: mat },
      { sql: INSERT_ELEMENTS, params: el },
      { sql: INSERT_TOTALS, params: [tPassport, tElement, tMass, tComponents, tCluster, tStatus, tManufacturer, tCorop, tUnits] },
    ],
  };
}

/** Writes one chunk of passports. */
export async function writeChunk(client: PoolClient, rows: ReturnType<typeof bulkRows>): Promise<void> {
  // One transaction per chunk, like the write path per passport: a passport never exists without its revision,
  // components, materials, element rows and element totals, even when the generator is interrupted.
  await client.query('BEGIN');
  try {
    for (const statement of rows.statements) await client.query(statement.sql, statement.params);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
