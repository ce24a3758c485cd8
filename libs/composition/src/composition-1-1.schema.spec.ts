// Composition 1.1: materials may state their chemistry (formula, elements, forms); 1.0 documents may not.
import type { CompositionDocument, MaterialDocument } from './composition.types';
import { CompositionValidator } from './composition.validator';

function packDocument(schemaVersion: '1.0' | '1.1', materials: MaterialDocument[]): CompositionDocument {
  const massKg = materials.reduce((sum, material) => sum + material.massKg, 0);
  return {
    schemaVersion,
    components: [
      {
        key: 'pack',
        name: 'Battery pack',
        quantity: 1,
        massKg,
        materials,
        components: [{ key: 'cell', name: 'Cell', quantity: 1, massKg: 0, materials: [], components: [] }],
      },
    ],
  };
}

describe('composition schema 1.1', () => {
  const validator = new CompositionValidator();

  it('accepts materials stated by formula, element fractions and forms in a 1.1 document', () => {
    const document = packDocument('1.1', [
      { name: 'LFP cathode', casNumber: '15365-14-7', massKg: 1.2 },
      { name: 'NMC 811 cathode', formula: 'LiNi0.8Mn0.1Co0.1O2', forms: ['battery-grade'], massKg: 0.5 },
      {
        name: 'Frame EN AW-6063',
        elements: [
          { element: 'Al', massFraction: 0.985 },
          { element: 'Mg', massFraction: 0.007 },
          { element: 'Si', massFraction: 0.006 },
          { element: 'Fe', massFraction: 0.002 },
        ],
        massKg: 2.57,
      },
      { name: 'Anode graphite', casNumber: '7782-42-5', forms: ['natural-graphite', 'battery-grade'], massKg: 0.4 },
    ]);
    expect(validator.validate(document, 'BATTERY')).toEqual([]);
  });

  it('keeps 1.0 documents valid as they were', () => {
    expect(validator.validate(packDocument('1.0', [{ name: 'Aluminium', element: 'Al', casNumber: '7429-90-5', massKg: 2 }]), 'BATTERY')).toEqual([]);
  });

  it('refuses the chemistry fields in a 1.0 document, at any depth, naming the version they need', () => {
    const document = packDocument('1.0', [{ name: 'LFP cathode', element: 'P', formula: 'LiFePO4', massKg: 1.2 }]);
    document.components[0].components[0].materials.push({
      name: 'Alloy',
      element: 'Al',
      elements: [{ element: 'Al', massFraction: 1 }],
      forms: ['metal'],
      massKg: 0,
    });
    expect(validator.validate(document, 'BATTERY')).toEqual([
      { path: '/components/0/materials/0/formula', keyword: 'schemaVersion', message: 'property "formula" needs schemaVersion "1.1"' },
      { path: '/components/0/components/0/materials/0/elements', keyword: 'schemaVersion', message: 'property "elements" needs schemaVersion "1.1"' },
      { path: '/components/0/components/0/materials/0/forms', keyword: 'schemaVersion', message: 'property "forms" needs schemaVersion "1.1"' },
    ]);
  });

  it('checks the shape of the new fields', () => {
    const document = packDocument('1.1', [
      { name: 'Nothing', massKg: 0 },
      { name: 'Long', formula: 'C'.repeat(101), massKg: 0 },
      { name: 'Over 1', elements: [{ element: 'Al', massFraction: 1.5 }], forms: ['natural'] as unknown as MaterialDocument['forms'], massKg: 0 },
    ]);
    expect(validator.validate(document, 'BATTERY').map(({ path, keyword }) => `${path} ${keyword}`)).toEqual([
      '/components/0/materials/0 anyOf',
      '/components/0/materials/1/formula maxLength',
      '/components/0/materials/2/elements/0/massFraction maximum',
      '/components/0/materials/2/forms/0 enum',
    ]);
  });

  it('refuses an unknown schemaVersion', () => {
    const document = { ...packDocument('1.1', []), schemaVersion: '1.3' };
    expect(validator.validate(document, 'BATTERY')).toEqual([expect.objectContaining({ path: '/schemaVersion', keyword: 'enum' })]);
  });
});
