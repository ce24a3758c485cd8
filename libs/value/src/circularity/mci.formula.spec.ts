import { linearFlowIndex, materialCircularityIndicator, materialFlows, type MciMaterialInputs, productMci, sumFlows, utilityFactor } from './mci.formula';

/** A virgin material going to landfill, with neutral efficiencies; tests override what they need. */
function material(overrides: Partial<MciMaterialInputs> = {}): MciMaterialInputs {
  return {
    massKg: 1,
    recycledFeedstock: 0,
    reusedFeedstock: 0,
    biologicalFeedstock: 0,
    collectedForRecycling: 0,
    collectedForReuse: 0,
    collectedForComposting: 0,
    collectedForEnergyRecovery: 0,
    recyclingEfficiency: 1,
    feedstockRecyclingEfficiency: 1,
    ...overrides,
  };
}

const PRECISION = 5; // toBeCloseTo(x, 5): |difference| < 0.5e-5

describe('Material Circularity Indicator: the check values of the domain notes', () => {
  it('M=1, F_R=0.3, C_R=0.5, E_C=E_F=1, X=1: LFI 0.6, MCI 0.46', () => {
    const { lfi, mci } = productMci([material({ recycledFeedstock: 0.3, collectedForRecycling: 0.5 })], 1);
    expect(lfi).toBeCloseTo(0.6, PRECISION);
    expect(mci).toBeCloseTo(0.46, PRECISION);
  });

  it('the same with E_F=0.8, E_C=0.9: LFI 0.62733, MCI 0.43540', () => {
    const inputs = material({ recycledFeedstock: 0.3, collectedForRecycling: 0.5, feedstockRecyclingEfficiency: 0.8, recyclingEfficiency: 0.9 });
    const flows = materialFlows(inputs);
    // W_C = M (1 - E_C) C_R = 0.05; W_F = M (1 - E_F) F_R / E_F = 0.075; W = W0 + (W_F + W_C) / 2 = 0.5 + 0.0625
    expect(flows.collectionRecyclingWasteKg).toBeCloseTo(0.05, 12);
    expect(flows.feedstockRecyclingWasteKg).toBeCloseTo(0.075, 12);
    expect(flows.wasteKg).toBeCloseTo(0.5625, 12);
    expect(flows.virginKg).toBeCloseTo(0.7, 12);
    const { lfi, mci } = productMci([inputs], 1);
    expect(lfi).toBeCloseTo(0.62733, PRECISION);
    expect(mci).toBeCloseTo(0.4354, PRECISION);
  });

  it('fully linear (no recycled input, nothing collected), X=1: LFI 1, MCI 0.1', () => {
    const { lfi, mci } = productMci([material()], 1);
    expect(lfi).toBeCloseTo(1, PRECISION);
    expect(mci).toBeCloseTo(0.1, PRECISION);
  });

  it('fully linear with L = 2 L_av: X = 2, LFI 1, MCI 0.55', () => {
    const utility = utilityFactor(20, 10, 1, 1);
    expect(utility).toBe(2);
    const { lfi, mci } = productMci([material()], utility);
    expect(lfi).toBeCloseTo(1, PRECISION);
    expect(mci).toBeCloseTo(0.55, PRECISION);
  });

  it('fully circular: LFI 0, MCI 1 (reused and collected for reuse, or recycled at efficiency 1)', () => {
    for (const inputs of [
      material({ reusedFeedstock: 1, collectedForReuse: 1 }),
      material({ recycledFeedstock: 1, collectedForRecycling: 1 }),
      material({ recycledFeedstock: 0.5, reusedFeedstock: 0.5, collectedForRecycling: 0.4, collectedForReuse: 0.6 }),
    ]) {
      const { lfi, mci } = productMci([inputs], 1);
      expect(lfi).toBeCloseTo(0, PRECISION);
      expect(mci).toBeCloseTo(1, PRECISION);
    }
  });
});

describe('Material Circularity Indicator: the parts of the method', () => {
  it("sums V, W, W_F and W_C over the materials before the LFI (not an average of the materials' LFIs)", () => {
    const a = material({ recycledFeedstock: 0.3, collectedForRecycling: 0.5, feedstockRecyclingEfficiency: 0.8, recyclingEfficiency: 0.9 });
    const b = material();
    // (V + W) = (0.7 + 0.5625) + (1 + 1) = 3.2625; 2M + (W_F - W_C) / 2 = 4 + (0.075 - 0.05) / 2 = 4.0125
    const { lfi } = productMci([a, b], 1);
    expect(lfi).toBeCloseTo(3.2625 / 4.0125, 12);
    const averageOfLfis = (productMci([a]).lfi + productMci([b]).lfi) / 2;
    expect(Math.abs(lfi - averageOfLfis)).toBeGreaterThan(1e-4);
  });

  it('weighs materials by mass', () => {
    const flows = sumFlows([materialFlows(material({ massKg: 3, recycledFeedstock: 0.3, collectedForRecycling: 0.5 })), materialFlows(material())]);
    expect(flows.massKg).toBe(4);
    expect(flows.virginKg).toBeCloseTo(3.1, 12); // 3 x 0.7 + 1
    expect(flows.wasteKg).toBeCloseTo(2.5, 12); // 3 x 0.5 + 1
    expect(linearFlowIndex(flows)).toBeCloseTo(5.6 / 8, 12);
  });

  it('takes biological feedstock (F_S), composting (C_C) and energy recovery (C_E) off V and W0', () => {
    const flows = materialFlows(material({ massKg: 2, biologicalFeedstock: 0.6, collectedForComposting: 0.3, collectedForEnergyRecovery: 0.2 }));
    expect(flows.virginKg).toBeCloseTo(0.8, 12);
    expect(flows.wasteKg).toBeCloseTo(1, 12);
  });

  it('F(X) = 0.9 / X: a product used twice as intensely as average halves the linear part', () => {
    expect(materialCircularityIndicator(0.6, utilityFactor(1, 1, 2, 1))).toBeCloseTo(1 - 0.6 * 0.45, 12);
    expect(materialCircularityIndicator(1, 0.5)).toBe(0); // 1 - 1.8 is clamped to 0
  });

  it('ignores E_F when there is no recycled feedstock, so E_F = 0 is then harmless', () => {
    expect(productMci([material({ feedstockRecyclingEfficiency: 0 })]).lfi).toBeCloseTo(1, 12);
  });

  it('counts a product without mass as fully linear', () => {
    expect(productMci([material({ massKg: 0 })]).lfi).toBe(1);
    expect(productMci([]).mci).toBeCloseTo(0.1, 12);
  });

  it('refuses inputs the method cannot take', () => {
    expect(() => materialFlows(material({ recycledFeedstock: 0.3, feedstockRecyclingEfficiency: 0 }))).toThrow(/E_F = 0/);
    expect(() => materialFlows(material({ recycledFeedstock: 0.7, reusedFeedstock: 0.4 }))).toThrow(/feedstock shares/);
    expect(() => materialFlows(material({ collectedForRecycling: 0.7, collectedForReuse: 0.4 }))).toThrow(/end-of-life shares/);
    expect(() => materialFlows(material({ recyclingEfficiency: 1.2 }))).toThrow(/recyclingEfficiency/);
    expect(() => materialFlows(material({ massKg: -1 }))).toThrow(/massKg/);
    expect(() => utilityFactor(10, 0, 1, 1)).toThrow(/averageLifetime/);
    expect(() => materialCircularityIndicator(0.5, 0)).toThrow(/utility/);
  });
});

describe('Material Circularity Indicator: low process efficiencies can penalise recycled feedstock', () => {
  // M = 1, everything collected for recycling at E_C = 1, X = 1. Without recycled feedstock: V = 1, W = 0,
  // LFI = 1 / 2 = 0.5, MCI = 1 - 0.9 x 0.5 = 0.55.
  const base = { collectedForRecycling: 1, recyclingEfficiency: 1 };

  it('without recycled feedstock: LFI 0.5, MCI 0.55', () => {
    const { lfi, mci } = productMci([material(base)]);
    expect(lfi).toBeCloseTo(0.5, 12);
    expect(mci).toBeCloseTo(0.55, 12);
  });

  it('F_R = 0.5 at E_F = 0.1 lowers the MCI: W_F = 4.5, LFI = 2.75 / 4.25 = 0.647059, MCI = 0.417647', () => {
    const { lfi, mci, flows } = productMci([material({ ...base, recycledFeedstock: 0.5, feedstockRecyclingEfficiency: 0.1 })]);
    expect(flows.feedstockRecyclingWasteKg).toBeCloseTo(4.5, 12); // 1 x (1 - 0.1) x 0.5 / 0.1
    expect(flows.wasteKg).toBeCloseTo(2.25, 12);
    expect(lfi).toBeCloseTo(0.647059, 6);
    expect(mci).toBeCloseTo(0.417647, 6);
    expect(mci).toBeLessThan(0.55);
  });

  it('F_R = 0.5 at E_F = 0.2 breaks even: W_F = 2, LFI = 1.5 / 3 = 0.5', () => {
    expect(productMci([material({ ...base, recycledFeedstock: 0.5, feedstockRecyclingEfficiency: 0.2 })]).lfi).toBeCloseTo(0.5, 12);
  });

  it('F_R = 0.5 at E_F = 0.5 helps: W_F = 0.5, LFI = 0.75 / 2.25 = 0.333333, MCI = 0.7', () => {
    const { lfi, mci } = productMci([material({ ...base, recycledFeedstock: 0.5, feedstockRecyclingEfficiency: 0.5 })]);
    expect(lfi).toBeCloseTo(1 / 3, 12);
    expect(mci).toBeCloseTo(0.7, 12);
  });
});
