import { formulaMassFractions, molarMass } from './mass-fractions';

// Hand calculations with the IUPAC 2021 abridged atomic weights of reference-data/elements.ts:
// H 1.008, Li 6.94, O 15.999, F 18.998, P 30.974, S 32.06, Ca 40.078, Mn 54.938, Fe 55.845, Ni 58.693, Co 58.933,
// Cu 63.546, Sb 121.76.

function fractions(formula: string): Record<string, number> {
  const result = formulaMassFractions(formula);
  if (!result.ok) throw new Error(result.error.message);
  return Object.fromEntries(result.fractions.map(({ element, massFraction }) => [element, massFraction]));
}

describe('formulaMassFractions', () => {
  it('LiFePO4: M = 6.94 + 55.845 + 30.974 + 4 x 15.999 = 157.755; P = 30.974 / 157.755 = 0.19634', () => {
    const lfp = fractions('LiFePO4');
    expect(molarMass('LiFePO4')).toBeCloseTo(157.755, 10);
    expect(lfp.P).toBeCloseTo(0.196342, 6);
    expect(lfp.Fe).toBeCloseTo(55.845 / 157.755, 12); // 0.353998
    expect(lfp.Li).toBeCloseTo(6.94 / 157.755, 12); // 0.043992
    // The LFP cathode: 1.2 kg holds 1.2 x 0.19634 = 0.2356 kg of phosphorus.
    expect(1.2 * lfp.P).toBeCloseTo(0.235611, 6);
  });

  it('LiPF6: M = 6.94 + 30.974 + 6 x 18.998 = 151.902; P = 30.974 / 151.902 = 0.20391', () => {
    expect(fractions('LiPF6').P).toBeCloseTo(0.203908, 6);
  });

  it('Sb2O3: M = 2 x 121.76 + 3 x 15.999 = 291.517; Sb = 243.52 / 291.517 = 0.83535', () => {
    expect(fractions('Sb2O3').Sb).toBeCloseTo(0.835354, 6);
    expect(fractions('Sb2O3').O).toBeCloseTo(47.997 / 291.517, 12);
  });

  it('NMC 811 LiNi0.8Mn0.1Co0.1O2: M = 6.94 + 46.9544 + 5.4938 + 5.8933 + 31.998 = 97.2795', () => {
    const nmc = fractions('LiNi0.8Mn0.1Co0.1O2');
    expect(molarMass('LiNi0.8Mn0.1Co0.1O2')).toBeCloseTo(97.2795, 10);
    expect(nmc.Ni).toBeCloseTo(0.482675, 6); // 46.9544 / 97.2795
    expect(nmc.Mn).toBeCloseTo(0.056474, 6); // 5.4938 / 97.2795
    expect(nmc.Co).toBeCloseTo(0.060581, 6); // 5.8933 / 97.2795
  });

  it('CuSO4·5H2O: M = 63.546 + 32.06 + 9 x 15.999 + 10 x 1.008 = 249.677; Cu = 0.25451', () => {
    const hydrate = fractions('CuSO4·5H2O');
    expect(hydrate.Cu).toBeCloseTo(0.254513, 6);
    expect(hydrate.H).toBeCloseTo(10.08 / 249.677, 12);
    expect(fractions('CuSO4.5H2O')).toEqual(hydrate);
  });

  it('Ca5(PO4)3(OH): M = 5 x 40.078 + 3 x 30.974 + 13 x 15.999 + 1.008 = 502.307; P = 92.922 / 502.307 = 0.18499', () => {
    expect(fractions('Ca5(PO4)3(OH)').P).toBeCloseTo(0.18499, 5);
  });

  it('fractions sum to 1 and keep the order of first appearance', () => {
    const result = formulaMassFractions('C15H12Br4O2');
    expect(result.ok && result.fractions.map((share) => share.element)).toEqual(['C', 'H', 'Br', 'O']);
    expect(result.ok && result.fractions.reduce((sum, share) => sum + share.massFraction, 0)).toBeCloseTo(1, 12);
  });

  it('answers the parse error for an unreadable formula', () => {
    expect(formulaMassFractions('LiFeXO4')).toMatchObject({ ok: false, error: { code: 'element', position: 4 } });
    expect(molarMass('LiFeXO4')).toBeNull();
  });
});
