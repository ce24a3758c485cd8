// The chemistry checks of 1.1 documents, reported by the validator with full JSON pointers.
import type { CompositionDocument, MaterialDocument } from './composition.types';
import { CompositionValidator } from './composition.validator';
import { flattenComposition } from './flatten-composition';

function document(schemaVersion: '1.0' | '1.1', materials: MaterialDocument[]): CompositionDocument {
  const massKg = materials.reduce((sum, material) => sum + material.massKg, 0);
  return {
    schemaVersion,
    components: [
      { key: 'case', name: 'Case', quantity: 1, massKg: 0.1, materials: [{ name: 'Steel', element: 'Fe', massKg: 0.1 }], components: [] },
      { key: 'pack', name: 'Battery pack', quantity: 1, massKg, materials, components: [] },
    ],
  };
}

describe('chemistry checks of the composition validator', () => {
  const validator = new CompositionValidator();

  it('reports a bad formula, fractions over 1, a formula contradicting its CAS number and an element the formula lacks', () => {
    const violations = validator.validate(
      document('1.1', [
        { name: 'Typo', formula: 'LiXyPO4', massKg: 0.1 },
        {
          name: 'Alloy',
          elements: [
            { element: 'Al', massFraction: 0.9 },
            { element: 'Mg', massFraction: 0.2 },
          ],
          massKg: 0.1,
        },
        { name: 'Not LFP', casNumber: '15365-14-7', formula: 'LiCoO2', massKg: 0.1 },
        { name: 'Trioxide', element: 'P', formula: 'Sb2O3', massKg: 0.1 },
      ]),
      'BATTERY',
    );
    expect(violations.map(({ path, keyword }) => ({ path, keyword }))).toEqual([
      { path: '/components/1/materials/0/formula', keyword: 'formulaElement' },
      { path: '/components/1/materials/1/elements/1/massFraction', keyword: 'massFractionSum' },
      { path: '/components/1/materials/2/formula', keyword: 'casFormula' },
      { path: '/components/1/materials/3/element', keyword: 'declaredElement' },
    ]);
  });

  it('leaves 1.0 documents as they were: an element beside a CAS number of another substance is no violation there', () => {
    const materials: MaterialDocument[] = [{ name: 'Cathode', element: 'Co', casNumber: '15365-14-7', massKg: 1.2 }];
    expect(validator.validate(document('1.0', materials), 'BATTERY')).toEqual([]);
    expect(validator.validate(document('1.1', materials), 'BATTERY').map((v) => v.keyword)).toEqual(['declaredElement']);
  });
});

describe('element shares of flat materials', () => {
  it('splits Sb2O3 in solar glass into 83.5 % antimony', () => {
    // Sb2O3: M = 2 x 121.760 + 3 x 15.999 = 291.517 g/mol; Sb = 243.520 / 291.517 = 0.835355 (IUPAC 2021 weights).
    // 0.2 kg per glass pane, 2 panes: 0.4 kg Sb2O3 per product, 0.334142 kg Sb.
    const flat = flattenComposition({
      schemaVersion: '1.1',
      components: [
        { key: 'glass', name: 'Glass', quantity: 2, massKg: 0.2, materials: [{ name: 'Antimony trioxide', formula: 'Sb2O3', massKg: 0.2 }], components: [] },
      ],
    });
    const [sb, o] = flat.components[0].materials[0].elementShares;
    expect(sb).toMatchObject({ element: 'Sb', source: 'FORMULA' });
    expect(sb.massFraction).toBeCloseTo(243.52 / 291.517, 9);
    expect(sb.massKgPerProduct).toBeCloseTo(0.4 * (243.52 / 291.517), 9);
    expect(o.element).toBe('O');
  });
});
