import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'compositions');

export interface CompositionFixture {
  name: string;
  cluster: string;
  document: Record<string, any>;
  expected?: { path: string; keyword: string }[];
}

export function compositionFixtures(kind: 'ok' | 'not-ok'): CompositionFixture[] {
  return readdirSync(join(FIXTURES, kind))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, ...JSON.parse(readFileSync(join(FIXTURES, kind, file), 'utf8')) }));
}

let gtinCounter = Math.floor(Math.random() * 1e6);

/**
 * A fresh GTIN-13 with a valid check digit under a GS1 Company Prefix (GTIN-13 form). Without one, the GTIN is under
 * "871", which no test organization holds (theirs start with "870", see TestApp.organization).
 */
export function newGtin(prefix = '871'): string {
  const itemDigits = 12 - prefix.length;
  const body = `${prefix}${String(++gtinCounter % 10 ** itemDigits).padStart(itemDigits, '0')}`;
  const sum = body.split('').reduce((acc, digit, i) => acc + Number(digit) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

/**
 * A bicycle lamp: an aluminium housing and two LED boards, each with a driver chip; antimony sits in the
 * solder of the boards and of the chips, so totals need quantities multiplied along the path.
 */
export function lampComposition(): Record<string, any> {
  return {
    schemaVersion: '1.0',
    productMassKg: 0.1,
    components: [
      {
        key: 'housing',
        name: 'Aluminium housing',
        quantity: 1,
        massKg: 0.08,
        materials: [
          { name: 'Aluminium', element: 'Al', casNumber: '7429-90-5', massKg: 0.079, recycledContentPct: 50 },
          { name: 'Magnesium (alloying)', element: 'Mg', massKg: 0.001 },
        ],
        components: [],
      },
      {
        key: 'board',
        name: 'LED board',
        quantity: 2,
        massKg: 0.01,
        materials: [
          { name: 'Copper', element: 'Cu', massKg: 0.0039 },
          { name: 'Antimony in solder', element: 'Sb', massKg: 0.0001 },
          { name: 'Epoxy laminate', casNumber: '25068-38-6', massKg: 0.005 },
        ],
        components: [
          {
            key: 'driver',
            name: 'Driver chip',
            quantity: 2,
            massKg: 0.0005,
            materials: [
              { name: 'Silicon die', element: 'Si', massKg: 0.0004 },
              { name: 'Antimony in solder', element: 'Sb', massKg: 0.0001 },
            ],
            components: [],
          },
        ],
      },
    ],
  };
}

export const REGISTER = `mutation($i: RegisterPassportInput!) {
  registerPassport(input: $i) { id status revision gtin serialNumber totalMassKg manufacturer { id name } }
}`;

/** A registerPassport input; its GTIN is under the prefix of `owner` (the manufacturer registering it) when given. */
export function registerInput(overrides: Record<string, unknown> = {}, owner?: { prefix?: string | null }): Record<string, unknown> {
  return {
    productName: 'Bicycle lamp',
    cluster: 'HIGH_TECH_EQUIPMENT',
    granularity: 'ITEM',
    gtin: newGtin(owner?.prefix ?? undefined),
    serialNumber: `L-${Math.random().toString(36).slice(2, 10)}`,
    composition: lampComposition(),
    ...overrides,
  };
}
