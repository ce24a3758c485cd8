import { decomposeMaterial, formsOfRow, materialForms } from './decompose-material';
import { formulaMassFractions } from './mass-fractions';

/** Element masses in kg: material mass x mass fraction. */
function massesKg(massKg: number, material: Parameters<typeof decomposeMaterial>[0]): Record<string, number> {
  return Object.fromEntries(decomposeMaterial(material).map(({ element, massFraction }) => [element, massKg * massFraction]));
}

describe('decomposeMaterial', () => {
  it('splits an alloy by its declared fractions (EN AW-6063: Al 0.985, Mg 0.007, Si 0.006, Fe 0.002)', () => {
    const alloy = {
      element: 'Al',
      elements: [
        { element: 'Al', massFraction: 0.985 },
        { element: 'Mg', massFraction: 0.007 },
        { element: 'Si', massFraction: 0.006 },
        { element: 'Fe', massFraction: 0.002 },
      ],
    };
    expect(decomposeMaterial(alloy)).toEqual([
      { element: 'Al', massFraction: 0.985, source: 'DECLARED_FRACTIONS' },
      { element: 'Mg', massFraction: 0.007, source: 'DECLARED_FRACTIONS' },
      { element: 'Si', massFraction: 0.006, source: 'DECLARED_FRACTIONS' },
      { element: 'Fe', massFraction: 0.002, source: 'DECLARED_FRACTIONS' },
    ]);
    // A 2.57 kg frame: 2.57 x 0.985 = 2.53145 kg Al, 2.57 x 0.007 = 0.01799 kg Mg.
    const masses = massesKg(2.57, alloy);
    expect(masses.Al).toBeCloseTo(2.53145, 10);
    expect(masses.Mg).toBeCloseTo(0.01799, 10);
  });

  it('leaves the rest of partial fractions undisclosed', () => {
    const shares = decomposeMaterial({
      element: 'Fe',
      elements: [
        { element: 'Ni', massFraction: 0.08 },
        { element: 'Cr', massFraction: 0.18 },
      ],
    });
    expect(shares.map((share) => share.element)).toEqual(['Ni', 'Cr']);
    expect(shares.reduce((sum, share) => sum + share.massFraction, 0)).toBeCloseTo(0.26, 12);
  });

  it('uses the formula before the CAS number and the element', () => {
    const shares = decomposeMaterial({ element: 'Ni', casNumber: '346417-97-8', formula: 'LiNi0.8Mn0.1Co0.1O2' });
    expect(shares.every((share) => share.source === 'FORMULA')).toBe(true);
    // NMC 811 cathode of 2 kg: Ni 2 x 46.9544 / 97.2795 = 0.965350 kg.
    expect(massesKg(2, { formula: 'LiNi0.8Mn0.1Co0.1O2' }).Ni).toBeCloseTo(0.96535, 5);
  });

  it('uses the reference substance of a known CAS number', () => {
    // LFP cathode by CAS only, 1.2 kg: P 1.2 x 30.974 / 157.755 = 0.235611 kg.
    const shares = decomposeMaterial({ casNumber: '15365-14-7' });
    expect(shares.every((share) => share.source === 'REFERENCE_SUBSTANCE')).toBe(true);
    expect(massesKg(1.2, { casNumber: '15365-14-7' }).P).toBeCloseTo(0.235611, 6);
    // LiPF6 by CAS only, 0.05 kg: P 0.05 x 0.203908 = 0.0101954 kg.
    expect(massesKg(0.05, { casNumber: '21324-40-3' }).P).toBeCloseTo(0.0101954, 7);
    // Antimony trioxide declared as Sb: the reference substance wins, 83.5 % Sb.
    expect(decomposeMaterial({ element: 'Sb', casNumber: '1309-64-4' })[0]).toEqual({
      element: 'Sb',
      massFraction: (formulaMassFractions('Sb2O3') as { ok: true; fractions: { massFraction: number }[] }).fractions[0].massFraction,
      source: 'REFERENCE_SUBSTANCE',
    });
  });

  it('falls back to the declared element for an unknown CAS number or one without a single formula', () => {
    expect(decomposeMaterial({ element: 'C', casNumber: '25068-38-6' })).toEqual([{ element: 'C', massFraction: 1, source: 'DECLARED_ELEMENT' }]);
    expect(decomposeMaterial({ element: 'Ni', casNumber: '346417-97-8' })).toEqual([{ element: 'Ni', massFraction: 1, source: 'DECLARED_ELEMENT' }]);
  });

  it('gives no shares without chemistry', () => {
    expect(decomposeMaterial({ casNumber: '25068-38-6' })).toEqual([]);
    expect(decomposeMaterial({})).toEqual([]);
  });

  it('skips an invalid declaration for the next source and never throws', () => {
    expect(
      decomposeMaterial({
        element: 'Al',
        elements: [
          { element: 'Al', massFraction: 0.9 },
          { element: 'Mg', massFraction: 0.2 },
        ],
      })[0].source,
    ).toBe('DECLARED_ELEMENT');
    expect(decomposeMaterial({ element: 'Sb', formula: 'Sb2O3)' })[0].source).toBe('DECLARED_ELEMENT');
  });
});

describe('materialForms', () => {
  it('joins the declared forms with the reference substance forms and what they imply', () => {
    expect(materialForms({ casNumber: '7782-42-5' })).toEqual(['GRAPHITE']);
    expect(materialForms({ casNumber: '7782-42-5', forms: ['natural-graphite', 'battery-grade'] }).sort()).toEqual([
      'BATTERY_GRADE',
      'GRAPHITE',
      'NATURAL_GRAPHITE',
    ]);
    expect(materialForms({ casNumber: '7440-02-0' })).toEqual(['METAL']);
    expect(materialForms({ casNumber: '346417-97-8', formula: 'LiNi0.8Mn0.1Co0.1O2' })).toEqual(['BATTERY_GRADE']);
    expect(materialForms({ element: 'C' })).toEqual([]);
  });
});

describe('formsOfRow', () => {
  it('reads the declared forms a stored row keeps in its details, ignoring what is not a form', () => {
    expect(formsOfRow({ casNumber: '7782-42-5', details: { forms: ['natural-graphite', 7, 'no-such-form'] } }).sort()).toEqual([
      'GRAPHITE',
      'NATURAL_GRAPHITE',
    ]);
    expect(formsOfRow({ casNumber: null, details: { forms: 'metal' } })).toEqual([]);
    expect(formsOfRow({ casNumber: '7440-02-0', details: null })).toEqual(['METAL']);
  });
});
