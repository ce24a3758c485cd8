import { chemistryViolations } from './chemistry-violations';

describe('chemistryViolations', () => {
  it('accepts consistent chemistry', () => {
    expect(chemistryViolations({ element: 'P', casNumber: '15365-14-7', formula: 'LiFePO4' })).toEqual([]);
    expect(chemistryViolations({ element: 'Ni', casNumber: '346417-97-8', formula: 'LiNi0.8Mn0.1Co0.1O2', forms: ['battery-grade'] })).toEqual([]);
    expect(
      chemistryViolations({
        element: 'Al',
        elements: [
          { element: 'Al', massFraction: 0.985 },
          { element: 'Mg', massFraction: 0.007 },
        ],
      }),
    ).toEqual([]);
    expect(chemistryViolations({ casNumber: '7782-42-5', forms: ['natural-graphite'] })).toEqual([]);
  });

  it('points at an unreadable formula', () => {
    expect(chemistryViolations({ formula: 'Ca5(PO4' })).toEqual([
      { path: '/formula', keyword: 'formula', message: 'formula "Ca5(PO4": bracket "(" at offset 3 is not closed at offset 7' },
    ]);
    expect(chemistryViolations({ formula: 'LiXxO2' })).toEqual([
      { path: '/formula', keyword: 'formulaElement', message: 'formula "LiXxO2": unknown element symbol "Xx" at offset 2' },
    ]);
    expect(chemistryViolations({ formula: 'C2000' })[0]).toMatchObject({ path: '/formula', keyword: 'formulaLimit' });
  });

  it('points at the fraction that takes the sum over 1, and at unknown or repeated elements', () => {
    const violations = chemistryViolations({
      elements: [
        { element: 'Al', massFraction: 0.98 },
        { element: 'Mg', massFraction: 0.03 },
        { element: 'Mg', massFraction: 0.001 },
        { element: 'Qq', massFraction: 0 },
      ],
    });
    expect(violations).toEqual([
      { path: '/elements/1/massFraction', keyword: 'massFractionSum', message: 'the mass fractions of elements 0 to 1 sum to 1.01, more than 1' },
      { path: '/elements/2/element', keyword: 'duplicateElement', message: 'element "Mg" is listed more than once' },
      { path: '/elements/3/element', keyword: 'element', message: 'element "Qq" is not the symbol of a chemical element' },
    ]);
  });

  it('tolerates rounding in a sum of exactly 1', () => {
    // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floating point.
    expect(
      chemistryViolations({
        elements: [
          { element: 'Cu', massFraction: 0.1 },
          { element: 'Zn', massFraction: 0.2 },
          { element: 'Fe', massFraction: 0.7 },
        ],
      }),
    ).toEqual([]);
  });

  it('compares a formula with the reference formula of its CAS number by mass fractions, not strings', () => {
    // Same substance written differently: no violation.
    expect(chemistryViolations({ casNumber: '15365-14-7', formula: 'FeLiO4P' })).toEqual([]);
    expect(chemistryViolations({ casNumber: '68333-79-9', formula: '(NH4PO3)' })).toEqual([]);
    // LiCoO2 under the CAS number of LFP.
    const [violation] = chemistryViolations({ casNumber: '15365-14-7', formula: 'LiCoO2' });
    expect(violation).toMatchObject({ path: '/formula', keyword: 'casFormula' });
    expect(violation.message).toContain('contradicts the reference formula LiFePO4 of Lithium iron phosphate (LFP) (CAS 15365-14-7)');
    // A CAS number covering several stoichiometries checks the elements only.
    expect(chemistryViolations({ casNumber: '346417-97-8', formula: 'LiNi0.8Co0.15Al0.05O2' })).toEqual([
      {
        path: '/formula',
        keyword: 'casFormula',
        message:
          'formula "LiNi0.8Co0.15Al0.05O2" has elements Li, Ni, Co, Al, O, but Lithium nickel manganese cobalt oxide (NMC) (CAS 346417-97-8) has Li, Ni, Mn, Co, O',
      },
    ]);
  });

  it('points at an element the chemistry does not contain', () => {
    expect(chemistryViolations({ element: 'P', formula: 'Sb2O3' })).toEqual([
      { path: '/element', keyword: 'declaredElement', message: 'element "P" is not in the formula Sb2O3' },
    ]);
    expect(chemistryViolations({ element: 'P', casNumber: '1309-64-4' })).toEqual([
      { path: '/element', keyword: 'declaredElement', message: 'element "P" is not in Antimony trioxide (CAS 1309-64-4)' },
    ]);
    expect(chemistryViolations({ element: 'Zn', elements: [{ element: 'Cu', massFraction: 1 }] })[0]).toMatchObject({
      path: '/element',
      keyword: 'declaredElement',
    });
    // Partial fractions: the declared element may be in the undisclosed rest.
    expect(chemistryViolations({ element: 'Fe', elements: [{ element: 'Cr', massFraction: 0.18 }] })).toEqual([]);
  });

  it('points at a graphite form on a material without carbon', () => {
    expect(chemistryViolations({ formula: 'SiO2', forms: ['metal', 'natural-graphite'] })).toEqual([
      { path: '/forms/1', keyword: 'form', message: 'form "natural-graphite" needs carbon, which is not in the formula SiO2' },
    ]);
  });
});
