import { MAX_FORMULA_LENGTH, parseFormula, type FormulaResult } from './formula';

/** The atoms of a formula that must parse, as an object in order of first appearance. */
function atoms(formula: string): Record<string, number> {
  const result = parseFormula(formula);
  if (!result.ok) throw new Error(`${formula}: ${result.error.message}`);
  return Object.fromEntries(result.atoms.map(({ element, count }) => [element, count]));
}

function error(formula: string): Extract<FormulaResult, { ok: false }>['error'] {
  const result = parseFormula(formula);
  if (result.ok) throw new Error(`${formula} parsed`);
  return result.error;
}

describe('parseFormula', () => {
  it.each([
    ['LiFePO4', { Li: 1, Fe: 1, P: 1, O: 4 }],
    ['Sb2O3', { Sb: 2, O: 3 }],
    ['LiPF6', { Li: 1, P: 1, F: 6 }],
    ['Ca5(PO4)3(OH)', { Ca: 5, P: 3, O: 13, H: 1 }],
    ['Nd2Fe14B', { Nd: 2, Fe: 14, B: 1 }],
    ['K4[Fe(CN)6]', { K: 4, Fe: 1, C: 6, N: 6 }],
    ['[Cu(NH3)4](OH)2', { Cu: 1, N: 4, H: 14, O: 2 }],
    ['CO', { C: 1, O: 1 }],
    ['Co', { Co: 1 }],
  ])('%s', (formula, expected) => {
    expect(atoms(formula)).toEqual(expected);
  });

  it('reads non-integer stoichiometry (NMC 811)', () => {
    expect(atoms('LiNi0.8Mn0.1Co0.1O2')).toEqual({ Li: 1, Ni: 0.8, Mn: 0.1, Co: 0.1, O: 2 });
    expect(atoms('Li1.05Ni0.5Mn1.5O4')).toEqual({ Li: 1.05, Ni: 0.5, Mn: 1.5, O: 4 });
  });

  it.each(['CuSO4·5H2O', 'CuSO4*5H2O', 'CuSO4•5H2O', 'CuSO4∙5H2O', 'CuSO4.5H2O'])('reads the hydrate %s as CuSO4 + 5 H2O', (formula) => {
    expect(atoms(formula)).toEqual({ Cu: 1, S: 1, O: 9, H: 10 });
  });

  it('reads hydrate multipliers that are decimals or absent, and adducts other than water', () => {
    expect(atoms('CaSO4·0.5H2O')).toEqual({ Ca: 1, S: 1, O: 4.5, H: 1 });
    expect(atoms('CaSO4.0.5H2O')).toEqual({ Ca: 1, S: 1, O: 4.5, H: 1 });
    expect(atoms('FeCl3.H2O')).toEqual({ Fe: 1, Cl: 3, H: 2, O: 1 });
    expect(atoms('Na2CO3.10H2O')).toEqual({ Na: 2, C: 1, O: 13, H: 20 });
    expect(atoms('CaCl2·2NH3')).toEqual({ Ca: 1, Cl: 2, N: 2, H: 6 });
  });

  it('refuses a "." that is neither a decimal point nor in front of water', () => {
    expect(error('LiNi.8Mn.1Co.1O2')).toMatchObject({ code: 'syntax', position: 4 });
    expect(error('CuSO4.NH3').message).toContain('ambiguous');
  });

  it.each([
    ['', 'syntax', 0],
    ['LiFePO4)', 'syntax', 7],
    ['Ca5(PO4', 'syntax', 7],
    ['Ca5(PO4]3', 'syntax', 7],
    ['()', 'syntax', 0],
    ['2H2O', 'syntax', 0],
    ['H2O·', 'syntax', 4],
    ['CuSO4··H2O', 'syntax', 6],
    ['li', 'syntax', 0],
    ['Fe 2O3', 'syntax', 2],
    ['Fe2O3-', 'syntax', 5],
  ])('refuses %j as %s at offset %d', (formula, code, position) => {
    expect(error(formula)).toMatchObject({ code, position });
  });

  it('names an unknown symbol and its offset', () => {
    expect(error('LiXxO2')).toEqual({ code: 'element', position: 2, message: 'unknown element symbol "Xx" at offset 2' });
    // Fluorine and lowercase "l" do not make a symbol.
    expect(error('Fl2')).toMatchObject({ code: 'element' });
  });

  it('refuses elements without a standard atomic weight', () => {
    expect(error('TcO2')).toMatchObject({ code: 'element', position: 0, message: 'element Tc has no standard atomic weight at offset 0' });
  });

  it('bounds the length before parsing and bounds every count', () => {
    expect(error('C'.repeat(MAX_FORMULA_LENGTH + 1))).toMatchObject({ code: 'limit', position: MAX_FORMULA_LENGTH });
    expect(parseFormula('C'.repeat(MAX_FORMULA_LENGTH)).ok).toBe(true);
    expect(error('C1001')).toMatchObject({ code: 'limit', position: 1 });
    expect(error('C0')).toMatchObject({ code: 'limit', position: 1 });
    expect(error('C0.0')).toMatchObject({ code: 'limit', position: 1 });
    expect(error('C0.000000001')).toMatchObject({ code: 'limit', position: 1 });
    expect(error('H2O·0H2O')).toMatchObject({ code: 'limit', position: 4 });
    // Nested counts within bounds can still multiply past the limit per element.
    expect(error('(((C1000)1000)1000)')).toMatchObject({ code: 'limit' });
  });
});
