import type { SearchCriteria } from './search-criteria';
import { componentsContainingSql, materialInventorySql } from './search.sql';

const criteria = (overrides: Partial<SearchCriteria>): SearchCriteria => ({
  elements: ['Sb'],
  casNumber: null,
  minMassKg: null,
  cluster: null,
  corop: null,
  manufacturerId: null,
  status: 'PUBLISHED',
  ...overrides,
});
const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('componentsContainingSql', () => {
  it('walks one index range of the element rows for one element, with every value a parameter', () => {
    const sql = componentsContainingSql(criteria({ cluster: 'BATTERY', corop: 'CR01' }), { massKgPerProduct: 0.25, id: 'id-1' }, 51);
    expect(squash(sql.text)).toContain('FROM "PassportMaterialElement" e JOIN "PassportMaterial" m ON m."id" = e."materialId"');
    expect(squash(sql.text)).toContain('WHERE e."elementSymbol" = $1 AND e."status" = CAST($2 AS "PassportStatus")');
    expect(squash(sql.text)).toContain('e."massKgPerProduct" <= $5 AND (e."massKgPerProduct" < $6 OR e."id" > CAST($7 AS uuid))');
    expect(squash(sql.text)).toMatch(/ORDER BY e."massKgPerProduct" DESC, e."id" LIMIT \$8$/);
    expect(sql.values).toEqual(['Sb', 'PUBLISHED', 'BATTERY', 'CR01', 0.25, 0.25, 'id-1', 51]);
    expect(sql.text).not.toContain('LATERAL');
  });

  it("checks a caller's access to restricted compositions row by row, by the passport's key, so the walk stops after a page", () => {
    const reader = '3f1c6a3e-0000-4000-8000-000000000001';
    const sql = componentsContainingSql(criteria({ compositionReader: reader }), null, 51);
    expect(squash(sql.text)).toContain(
      '(SELECT rp."compositionRestricted" AND rp."manufacturerId" <> CAST($3 AS uuid) AND NOT (CAST($4 AS uuid) = ANY(rp."compositionGrantees")) FROM "Passport" rp WHERE rp."id" = e."passportId") IS NOT TRUE',
    );
    expect(sql.text).not.toContain('NOT EXISTS');
    expect(sql.values).toEqual(['Sb', 'PUBLISHED', reader, reader, 51]);
  });

  it('merges one limited range per element for a critical list, and reads the materials of the rows kept only', () => {
    const sql = componentsContainingSql(criteria({ elements: ['Al', 'Mg', 'Sb'] }), null, 21);
    expect(squash(sql.text)).toContain('FROM (VALUES ($1),($2),($3)) AS wanted("symbol") CROSS JOIN LATERAL');
    expect(squash(sql.text)).toContain('LIMIT $6 ) AS hit JOIN "PassportMaterial" m ON m."id" = hit."materialId"');
    expect(squash(sql.text).match(/JOIN "PassportMaterial"/g)).toHaveLength(1);
    expect(sql.values).toEqual(['Al', 'Mg', 'Sb', 'PUBLISHED', 21, 21]);
  });

  it('drives a CAS search by the CAS index and keeps the materials holding the elements', () => {
    const sql = componentsContainingSql(criteria({ casNumber: '7429-90-5', elements: ['Al'] }), null, 11);
    expect(squash(sql.text)).toContain(
      'FROM "PassportMaterial" m WHERE m."casNumber" = $2 AND m."status" = CAST($3 AS "PassportStatus") AND EXISTS (SELECT 1 FROM "PassportMaterialElement" e WHERE e."materialId" = m."id" AND e."elementSymbol" IN ($4))',
    );
  });

  it('walks the substance rows by status (and CAS number) for a substance-of-concern search, heaviest material first', () => {
    const sql = componentsContainingSql(criteria({ substanceOfConcern: true, elements: null, casNumber: '7439-92-1', cluster: 'SOLAR_PV' }), null, 11);
    expect(squash(sql.text)).toContain('FROM "PassportSubstanceOfConcern" s JOIN "PassportMaterial" m ON m."id" = s."materialId"');
    expect(squash(sql.text)).toContain('WHERE s."status" = CAST($1 AS "PassportStatus") AND s."cluster" = CAST($2 AS "ClusterCode") AND s."casNumber" = $3');
    expect(squash(sql.text)).toMatch(/ORDER BY s."massKgPerProduct" DESC, s."id" LIMIT \$4$/);
    expect(sql.values).toEqual(['PUBLISHED', 'SOLAR_PV', '7439-92-1', 11]);
  });
});

describe('materialInventorySql', () => {
  it('groups by the requested column and multiplies the mass per product by the products', () => {
    const sql = materialInventorySql('COROP', { elements: ['Sb', 'P'], cluster: 'SOLAR_PV', status: 'PUBLISHED' }, 'org-1');
    expect(squash(sql.text)).toContain('SELECT COALESCE(t."corop", $1) AS "group"');
    expect(squash(sql.text)).toContain('SUM(t."massKg" * t."unitCount")::float8 AS "totalMassKg"');
    expect(sql.values).toEqual(['(unknown)', 'PUBLISHED', 'Sb', 'P', 'SOLAR_PV', 'org-1']);
  });
});
