// What Passport.criticalMaterials is computed from, in one statement (a prepared statement: its text is fixed).

/** An element of a product: its mass in one whole product, and the form lists (details.forms) and CAS numbers of the materials holding it. */
export interface CriticalInputRow {
  passportId: string;
  elementSymbol: string;
  massKg: number;
  materials: { casNumber: string | null; forms: unknown }[];
}

/**
 * Per element of the passports `e."passportId" <passportFilter>`: the CAS numbers and declared forms of the materials
 * whose element rows hold it, each distinct pair once (materials alike flag alike; most share none or the same few).
 */
const held = (passportFilter: string) => `SELECT e."passportId", e."elementSymbol",
           jsonb_agg(DISTINCT jsonb_build_object('casNumber', m."casNumber", 'forms', m."details"->'forms')) AS "materials"
    FROM "PassportMaterialElement" e JOIN "PassportMaterial" m ON m."id" = e."materialId"
    WHERE e."passportId" ${passportFilter}
    GROUP BY e."passportId", e."elementSymbol"`;

/**
 * The element totals of the passports $1 (a uuid array), each with the materials whose element rows hold that
 * element. The element rows are read by the (passportId) index, grouped per element, and joined to the totals.
 */
export const CRITICAL_INPUTS_SQL = `WITH held AS (${held('= ANY($1::uuid[])')})
  SELECT t."passportId", t."elementSymbol", t."massKg", COALESCE(h."materials", '[]'::jsonb) AS "materials"
  FROM "PassportElementTotal" t LEFT JOIN held h ON h."passportId" = t."passportId" AND h."elementSymbol" = t."elementSymbol"
  WHERE t."passportId" = ANY($1::uuid[])`;

/**
 * The same for the passport `p` of an enclosing statement, as one JSON array of { elementSymbol, massKg, materials }
 * (a scalar subquery).
 */
export const CRITICAL_INPUTS_OF_ONE = `(SELECT coalesce(json_agg(json_build_object('elementSymbol', t."elementSymbol", 'massKg', t."massKg",
      'materials', coalesce(h."materials", '[]'::jsonb))), '[]'::json)
    FROM "PassportElementTotal" t LEFT JOIN (${held('= p."id"')}) h ON h."elementSymbol" = t."elementSymbol"
    WHERE t."passportId" = p."id")`;
