import { Test } from '@nestjs/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CompositionModule } from './composition.module';
import type { CompositionDocument } from './composition.types';
import { CompositionValidator } from './composition.validator';

// Jest runs from the repository root.
const FIXTURES = resolve(process.cwd(), 'test/fixtures/compositions');

interface Fixture {
  cluster: string;
  document: unknown;
  expected?: { path: string; keyword: string }[];
}

function fixtures(folder: 'ok' | 'not-ok'): [string, Fixture][] {
  return readdirSync(join(FIXTURES, folder))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => [file, JSON.parse(readFileSync(join(FIXTURES, folder, file), 'utf8')) as Fixture]);
}

/** A small balanced document: 2.57 + 0.018 = 2.588 kg of materials in a component declared as 2.6 kg. */
function frameDocument(): CompositionDocument {
  return {
    schemaVersion: '1.0',
    productMassKg: 2.6,
    components: [
      {
        key: 'frame',
        name: 'Aluminium frame',
        quantity: 1,
        massKg: 2.6,
        materials: [
          { name: 'Aluminium alloy EN AW-6063', element: 'Al', casNumber: '7429-90-5', massKg: 2.57, recycledContentPct: 30 },
          { name: 'Magnesium (alloying)', element: 'Mg', massKg: 0.018 },
        ],
        components: [],
      },
    ],
    clusterData: {},
  };
}

describe('CompositionValidator', () => {
  const validator = new CompositionValidator();

  describe('valid documents (test/fixtures/compositions/ok)', () => {
    const ok = fixtures('ok');

    it('covers every cluster', () => {
      expect(new Set(ok.map(([, fixture]) => fixture.cluster))).toEqual(
        new Set(['BATTERY', 'SOLAR_PV', 'WIND_PARK', 'HEAT_AS_A_SERVICE', 'HIGH_TECH_EQUIPMENT']),
      );
    });

    it.each(ok)('%s has no violations', (_file, { cluster, document }) => {
      expect(validator.validate(document, cluster)).toEqual([]);
    });
  });

  describe('invalid documents (test/fixtures/compositions/not-ok)', () => {
    it.each(fixtures('not-ok'))('%s yields exactly its expected violations', (_file, { cluster, document, expected }) => {
      const violations = validator.validate(document, cluster);
      expect(violations.map(({ path, keyword }) => ({ path, keyword }))).toEqual(expected);
      for (const violation of violations) expect(violation.message).not.toBe('');
    });
  });

  it('accepts the example document with extension properties', () => {
    const document = frameDocument();
    document['x-erpReference'] = 'PO-2024-118';
    document.components[0]['x-drawing'] = 'FR-001 rev C';
    document.components[0].materials[0]['x-supplier'] = 'Hydro';
    expect(validator.validate(document, 'BATTERY')).toEqual([]);
  });

  it('names the value and the expected mass in its messages', () => {
    const document = frameDocument();
    document.components[0].massKg = 3;
    document.components[0].materials[0].casNumber = '7429-90-4';
    document.productMassKg = 3;

    expect(validator.validate(document, 'BATTERY')).toEqual([
      {
        path: '/components/0/massKg',
        keyword: 'massBalance',
        message: 'massKg 3 does not match its materials and sub-components (2.588 kg): difference 0.412 kg exceeds the tolerance of 0.03 kg',
      },
      {
        path: '/components/0/materials/0/casNumber',
        keyword: 'casCheckDigit',
        message: 'casNumber "7429-90-4" has a wrong check digit: expected 5',
      },
    ]);
  });

  it('explains schema violations with the offending value', () => {
    const document = frameDocument();
    document.components[0].materials[0].recycledContentPct = 130;
    document.components[0].key = 'front frame';
    delete document.components[0].materials[1].element;
    document.unitCount = 2.5;

    expect(validator.validate(document, 'BATTERY')).toEqual([
      { path: '/components/0/key', keyword: 'pattern', message: 'key "front frame" must match the pattern ^[A-Za-z0-9_-]{1,64}$' },
      { path: '/components/0/materials/0/recycledContentPct', keyword: 'maximum', message: 'recycledContentPct 130 must be <= 100' },
      {
        path: '/components/0/materials/1',
        keyword: 'anyOf',
        message: 'materials[1] must have at least one of "element" or "casNumber" or "formula" or "elements"',
      },
      // Added last to the document, so listed last.
      { path: '/unitCount', keyword: 'type', message: 'unitCount 2.5 must be of type integer' },
    ]);
  });

  describe('mass tolerance: 1 % of the declared mass, at least 0.001 kg', () => {
    const withDeclaredMass = (massKg: number, materialsKg: number[]) => ({
      schemaVersion: '1.0',
      components: [
        {
          key: 'part',
          name: 'Part',
          quantity: 1,
          massKg,
          materials: materialsKg.map((kg, i) => ({ name: `Steel ${i}`, element: 'Fe', massKg: kg })),
          components: [],
        },
      ],
    });
    const keywords = (document: unknown) => validator.validate(document, 'HIGH_TECH_EQUIPMENT').map((v) => v.keyword);

    it('accepts a difference of exactly 1 %', () => {
      expect(keywords(withDeclaredMass(10, [9.9]))).toEqual([]);
      expect(keywords(withDeclaredMass(10, [5.05, 5.05]))).toEqual([]);
    });

    it('rejects a difference just above 1 %', () => {
      expect(keywords(withDeclaredMass(10, [9.89]))).toEqual(['massBalance']);
    });

    it('allows 0.001 kg on small parts, where 1 % would be less', () => {
      expect(keywords(withDeclaredMass(0.01, [0.009]))).toEqual([]);
      expect(keywords(withDeclaredMass(0.01, [0.0085]))).toEqual(['massBalance']);
    });

    it('multiplies sub-components by their quantity and exempts parts declared by mass only', () => {
      const document = {
        schemaVersion: '1.0',
        productMassKg: 0.5,
        components: [
          {
            key: 'board',
            name: 'Board',
            quantity: 2,
            massKg: 0.25,
            materials: [{ name: 'Epoxy resin', casNumber: '25068-38-6', massKg: 0.05 }],
            components: [{ key: 'connector', name: 'Connector', quantity: 4, massKg: 0.05, materials: [], components: [] }],
          },
        ],
      };
      expect(validator.validate(document, 'HIGH_TECH_EQUIPMENT')).toEqual([]);

      document.components[0].components[0].quantity = 3;
      expect(keywords(document)).toEqual(['massBalance']);
    });
  });

  describe('documents handed over as JavaScript objects', () => {
    it.each([NaN, Infinity, -Infinity])('reports a material mass of %p as finiteMass', (massKg) => {
      const document = frameDocument();
      document.components[0].materials[1].massKg = massKg;
      expect(validator.validate(document, 'BATTERY')).toEqual([
        {
          path: '/components/0/materials/1/massKg',
          keyword: 'finiteMass',
          message: `massKg ${massKg} must be a finite number of kilograms, 0 or more`,
        },
      ]);
    });

    it('reports a non-finite product mass as finiteMass', () => {
      const document = frameDocument();
      document.productMassKg = NaN;
      expect(validator.validate(document, 'BATTERY').map((v) => [v.path, v.keyword])).toEqual([['/productMassKg', 'finiteMass']]);
    });

    it('reports a non-finite quantity as a type violation', () => {
      const document = frameDocument();
      document.components[0].quantity = Infinity;
      expect(validator.validate(document, 'BATTERY')).toEqual([
        { path: '/components/0/quantity', keyword: 'type', message: 'quantity Infinity must be a finite number' },
      ]);
    });
  });

  it('validates clusterData with the schema of the given cluster', () => {
    const document = frameDocument();
    document.clusterData = { chemistry: 'NMC', peakPowerW: 400 };
    expect(validator.validate(document, 'BATTERY').map((v) => [v.path, v.keyword])).toEqual([['/clusterData/peakPowerW', 'additionalProperties']]);
    expect(validator.validate(document, 'SOLAR_PV').map((v) => [v.path, v.keyword])).toEqual([['/clusterData/chemistry', 'additionalProperties']]);
  });

  it('throws for an unknown cluster', () => {
    expect(() => validator.validate(frameDocument(), 'NUCLEAR')).toThrow('Unknown cluster "NUCLEAR"');
  });

  describe('schemas folder', () => {
    const schemasDirBefore = process.env.SCHEMAS_DIR;
    afterEach(() => {
      if (schemasDirBefore === undefined) delete process.env.SCHEMAS_DIR;
      else process.env.SCHEMAS_DIR = schemasDirBefore;
    });

    it('is read from the constructor argument', () => {
      expect(() => new CompositionValidator(FIXTURES)).toThrow(`No composition.v1.schema.json in the schemas folder ${FIXTURES}`);
      expect(new CompositionValidator(resolve(process.cwd(), 'schemas')).validate(frameDocument(), 'BATTERY')).toEqual([]);
    });

    it('is read from SCHEMAS_DIR when no argument is given', () => {
      process.env.SCHEMAS_DIR = FIXTURES;
      expect(() => new CompositionValidator()).toThrow(`No composition.v1.schema.json in the schemas folder ${FIXTURES}`);
    });
  });

  it('is provided by CompositionModule', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CompositionModule] }).compile();
    expect(moduleRef.get(CompositionValidator).validate(frameDocument(), 'WIND_PARK')).toEqual([]);
  });
});
