// Composition 1.2: environmental impact (product and components), substances of concern, battery.v2 cluster data.
import type { CompositionDocument } from './composition.types';
import { CompositionValidator } from './composition.validator';
import { flattenComposition } from './flatten-composition';

function moduleDocument(schemaVersion: '1.1' | '1.2', extra: Record<string, unknown> = {}, solder: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion,
    productMassKg: 20,
    components: [
      {
        key: 'laminate',
        name: 'Laminate',
        quantity: 1,
        massKg: 20,
        materials: [
          { name: 'Solar glass', casNumber: '65997-17-3', massKg: 19.9 },
          {
            name: 'Tin-lead solder',
            element: 'Sn',
            massKg: 0.1,
            substancesOfConcern: [
              { name: 'Lead', casNumber: '7439-92-1', ecNumber: '231-100-4', svhc: true, concentrationPct: 36, location: 'cell ribbons', ...solder },
            ],
          },
        ],
        components: [],
      },
    ],
    environmentalImpact: {
      carbonFootprint: { kgCO2e: 25, declaredUnit: 'KG', lifecycleStages: ['A1-A3', 'C1-C4'], method: 'ISO 14067', primaryDataSharePct: 60 },
      waterUse: { m3: 1.5, declaredUnit: 'PRODUCT' },
    },
    ...extra,
  };
}

describe('composition schema 1.2', () => {
  const validator = new CompositionValidator();

  it('accepts environmental impact and substances of concern in a 1.2 document', () => {
    expect(validator.validate(moduleDocument('1.2'), 'SOLAR_PV')).toEqual([]);
  });

  it('keeps 1.1 documents valid and refuses the 1.2 fields in them, naming the version', () => {
    const document = moduleDocument('1.1');
    expect(validator.validate(document, 'SOLAR_PV')).toEqual([
      { path: '/components/0/materials/1/substancesOfConcern', keyword: 'schemaVersion', message: 'property "substancesOfConcern" needs schemaVersion "1.2"' },
      { path: '/environmentalImpact', keyword: 'schemaVersion', message: 'property "environmentalImpact" needs schemaVersion "1.2"' },
    ]);
    const { environmentalImpact: _, ...withoutImpact } = document;
    delete (withoutImpact.components as { materials: Record<string, unknown>[] }[])[0].materials[1].substancesOfConcern;
    expect(validator.validate(withoutImpact, 'SOLAR_PV')).toEqual([]);
  });

  it('checks EC and CAS check digits of substances, pointing at the value', () => {
    const violations = validator.validate(moduleDocument('1.2', {}, { ecNumber: '231-100-5', casNumber: '7439-92-2' }), 'SOLAR_PV');
    expect(violations).toEqual([
      {
        path: '/components/0/materials/1/substancesOfConcern/0/casNumber',
        keyword: 'casCheckDigit',
        message: 'casNumber "7439-92-2" has a wrong check digit: expected 1',
      },
      {
        path: '/components/0/materials/1/substancesOfConcern/0/ecNumber',
        keyword: 'ecCheckDigit',
        message: 'ecNumber "231-100-5" has a wrong check digit: expected 4',
      },
    ]);
  });

  it('wants one concentration: exact or a range from low to high', () => {
    const both = validator.validate(moduleDocument('1.2', {}, { concentrationRange: { minPct: 30, maxPct: 40 } }), 'SOLAR_PV');
    expect(both).toEqual([expect.objectContaining({ path: '/components/0/materials/1/substancesOfConcern/0/concentrationRange', keyword: 'concentration' })]);
    const reversed = validator.validate(moduleDocument('1.2', {}, { concentrationPct: undefined, concentrationRange: { minPct: 40, maxPct: 30 } }), 'SOLAR_PV');
    expect(reversed).toEqual([
      expect.objectContaining({ path: '/components/0/materials/1/substancesOfConcern/0/concentrationRange/minPct', keyword: 'concentrationRange' }),
    ]);
  });

  it('refuses an unknown declared unit and a study address that is not a web address', () => {
    const document = moduleDocument('1.2', { environmentalImpact: { carbonFootprint: { kgCO2e: 1, declaredUnit: 'TONNE', studyUrl: 'ftp://x' } } });
    expect(validator.validate(document, 'SOLAR_PV').map((v) => [v.path, v.keyword])).toEqual([
      ['/environmentalImpact/carbonFootprint/declaredUnit', 'enum'],
      ['/environmentalImpact/carbonFootprint/studyUrl', 'pattern'],
    ]);
  });

  it('validates battery cluster data of a 1.2 document against battery.v2, and of older ones against battery.v1', () => {
    const battery = { chemistry: 'NMC', energyKWh: 0.5, minimalVoltageV: 30, expectedLifetimeCycles: 1000, recycledContent: { cobaltPct: 16 } };
    expect(validator.validate(moduleDocument('1.2', { clusterData: battery }), 'BATTERY')).toEqual([]);
    const old = validator.validate(moduleDocument('1.1', { environmentalImpact: undefined, clusterData: battery }), 'BATTERY');
    expect(old.filter((v) => v.path.startsWith('/clusterData')).map((v) => [v.path, v.keyword])).toEqual([
      ['/clusterData/minimalVoltageV', 'additionalProperties'],
      ['/clusterData/expectedLifetimeCycles', 'additionalProperties'],
      ['/clusterData/recycledContent', 'additionalProperties'],
    ]);
    const wrongEc = validator.validate(
      moduleDocument('1.2', { clusterData: { hazardousSubstances: [{ name: 'Electrolyte salt', ecNumber: '244-334-8' }] } }),
      'BATTERY',
    );
    expect(wrongEc).toEqual([expect.objectContaining({ path: '/clusterData/hazardousSubstances/0/ecNumber', keyword: 'ecCheckDigit' })]);
  });

  it('converts the declared carbon footprint to one product', () => {
    const perKg = flattenComposition(moduleDocument('1.2') as unknown as CompositionDocument);
    expect(perKg.carbonFootprintKgCO2ePerProduct).toBe(500);
    expect(perKg.components[0].materials[1].substancesOfConcern).toEqual([expect.objectContaining({ name: 'Lead', concentrationPct: 36 })]);
    const perKWh = moduleDocument('1.2', {
      environmentalImpact: { carbonFootprint: { kgCO2e: 80, declaredUnit: 'KWH' } },
      clusterData: { energyKWh: 0.5 },
    }) as unknown as CompositionDocument;
    expect(flattenComposition(perKWh).carbonFootprintKgCO2ePerProduct).toBe(40);
    expect(flattenComposition({ ...perKWh, clusterData: {} }).carbonFootprintKgCO2ePerProduct).toBeNull();
    expect(flattenComposition(moduleDocument('1.2', { environmentalImpact: {} }) as unknown as CompositionDocument).carbonFootprintKgCO2ePerProduct).toBeNull();
  });
});
