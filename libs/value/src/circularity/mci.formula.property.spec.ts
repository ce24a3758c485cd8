import fc from 'fast-check';
import { type MciMaterialInputs, productMci } from './mci.formula';

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** Shares that add up to at most 1: each takes a fraction of what the previous ones left. */
const shares = (count: number) =>
  fc.array(fraction, { minLength: count, maxLength: count }).map((parts) => {
    let left = 1;
    return parts.map((part) => {
      const share = left * part;
      left -= share;
      return share;
    });
  });

const material = (efficiencies: fc.Arbitrary<[number, number]>): fc.Arbitrary<MciMaterialInputs> =>
  fc
    .record({ massKg: fc.double({ min: 0, max: 1000, noNaN: true }), feedstock: shares(3), endOfLife: shares(4), efficiencies })
    .map(({ massKg, feedstock: [F_R, F_U, F_S], endOfLife: [C_R, C_U, C_C, C_E], efficiencies: [E_C, E_F] }) => ({
      massKg,
      recycledFeedstock: F_R,
      reusedFeedstock: F_U,
      biologicalFeedstock: F_S,
      collectedForRecycling: C_R,
      collectedForReuse: C_U,
      collectedForComposting: C_C,
      collectedForEnergyRecovery: C_E,
      recyclingEfficiency: E_C,
      feedstockRecyclingEfficiency: E_F,
    }));

const anyEfficiencies = fc.tuple(fraction, fc.double({ min: 0.001, max: 1, noNaN: true }));
const perfectEfficiencies = fc.constant<[number, number]>([1, 1]);
const utility = fc.double({ min: 0.01, max: 100, noNaN: true });

describe('Material Circularity Indicator: properties', () => {
  it('MCI and LFI stay within [0, 1] for any valid inputs', () => {
    fc.assert(
      fc.property(fc.array(material(anyEfficiencies), { maxLength: 8 }), utility, (materials, x) => {
        const { lfi, mci } = productMci(materials, x);
        return lfi >= 0 && lfi <= 1 && mci >= 0 && mci <= 1;
      }),
      { numRuns: 2000 },
    );
  });

  // With E_C = E_F = 1, raising a share moves mass from virgin feedstock (or landfill) to a circular flow.
  const raise = (key: 'recycledFeedstock' | 'collectedForRecycling', room: (m: MciMaterialInputs) => number) =>
    fc.property(fc.array(material(perfectEfficiencies), { minLength: 1, maxLength: 6 }), fc.nat(), fraction, utility, (materials, pick, step, x) => {
      const index = pick % materials.length;
      const raised = materials.map((m, i) => (i === index ? { ...m, [key]: m[key] + room(m) * step } : m));
      return productMci(raised, x).mci >= productMci(materials, x).mci - 1e-12;
    });

  it('with efficiencies of 1, the MCI never falls when recycled content rises', () => {
    fc.assert(
      raise('recycledFeedstock', (m) => 1 - m.recycledFeedstock - m.reusedFeedstock - m.biologicalFeedstock),
      { numRuns: 2000 },
    );
  });

  it('with efficiencies of 1, the MCI never falls when collection for recycling rises', () => {
    fc.assert(
      raise('collectedForRecycling', (m) => 1 - m.collectedForRecycling - m.collectedForReuse - m.collectedForComposting - m.collectedForEnergyRecovery),
      { numRuns: 2000 },
    );
  });
});
