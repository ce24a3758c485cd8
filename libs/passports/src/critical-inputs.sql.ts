// What Passport.criticalMaterials is computed from, in one statement (a prepared statement: its text is fixed).
import { Prisma } from '@registry/prisma-client';

/** An element of a product: its mass in one whole product, and the form list (details.forms) and CAS number of each material holding it. */
export interface CriticalInputRow {
  passportId: string;
  elementSymbol: string;
  massKg: number;
  materials: { casNumber: string | null; forms: unknown }[];
}

/**
 * The element totals of the passports, each with the materials whose element rows hold that element. The element
 * rows are read by the (passportId) index, grouped per element, and joined to the totals.
 */
export function criticalInputsSql(passportIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`WITH held AS (
    SELECT e."passportId", e."elementSymbol",
           json_agg(json_build_object('casNumber', m."casNumber", 'forms', m."details"->'forms')) AS "materials"
    FROM "PassportMaterialElement" e JOIN "PassportMaterial" m ON m."id" = e."materialId"
    WHERE e."passportId" = ANY(CAST(${[...passportIds]} AS uuid[]))
    GROUP BY e."passportId", e."elementSymbol")
  SELECT t."passportId", t."elementSymbol", t."massKg", COALESCE(h."materials", '[]'::json) AS "materials"
  FROM "PassportElementTotal" t LEFT JOIN held h ON h."passportId" = t."passportId" AND h."elementSymbol" = t."elementSymbol"
  WHERE t."passportId" = ANY(CAST(${[...passportIds]} AS uuid[]))`;
}
