// The Material Circularity Indicator of the Ellen MacArthur Foundation (2019 method), as pure functions.
// Shares and efficiencies are fractions (0..1); masses are in kg. See docs/circularity.md.
import type { MciFlows } from '../value.types';

/** The inputs of one material, all explicit: the defaults for missing data are decided by the caller. */
export interface MciMaterialInputs {
  /** M */
  massKg: number;
  /** F_R: recycled feedstock. */
  recycledFeedstock: number;
  /** F_U: reused feedstock. */
  reusedFeedstock: number;
  /** F_S: biological feedstock from sustained production. */
  biologicalFeedstock: number;
  /** C_R: collected for recycling. */
  collectedForRecycling: number;
  /** C_U: collected for reuse. */
  collectedForReuse: number;
  /** C_C: composted. */
  collectedForComposting: number;
  /** C_E: energy recovery. */
  collectedForEnergyRecovery: number;
  /** E_C: efficiency of recycling the collected mass. */
  recyclingEfficiency: number;
  /** E_F: efficiency of the process that produced the recycled feedstock. */
  feedstockRecyclingEfficiency: number;
}

/** F(X) = 0.9 / X: the utility function of the method. */
export const UTILITY_COEFFICIENT = 0.9;
/** Lets shares written as decimals (0.1 + 0.2 + 0.7) add up to 1 without failing. */
const SHARE_SLACK = 1e-9;

/** V, W, W_F and W_C of one material. Throws RangeError for inputs the method cannot take (see the checks). */
export function materialFlows(input: MciMaterialInputs): MciFlows {
  checkInputs(input);
  const M = input.massKg;
  const F_R = input.recycledFeedstock;
  const C_R = input.collectedForRecycling;
  const E_C = input.recyclingEfficiency;
  const E_F = input.feedstockRecyclingEfficiency;
  const virginKg = Math.max(0, M * (1 - F_R - input.reusedFeedstock - input.biologicalFeedstock));
  const landfillKg = Math.max(0, M * (1 - C_R - input.collectedForReuse - input.collectedForComposting - input.collectedForEnergyRecovery));
  const collectionRecyclingWasteKg = M * (1 - E_C) * C_R;
  // Without recycled feedstock there is no feedstock recycling, whatever E_F says (and E_F may then be 0).
  const feedstockRecyclingWasteKg = F_R === 0 ? 0 : (M * (1 - E_F) * F_R) / E_F;
  return {
    massKg: M,
    virginKg,
    wasteKg: landfillKg + (feedstockRecyclingWasteKg + collectionRecyclingWasteKg) / 2,
    feedstockRecyclingWasteKg,
    collectionRecyclingWasteKg,
  };
}

/** The product's flows: the method sums V, W, W_F and W_C (and M) over the materials before computing the LFI. */
export function sumFlows(flows: readonly MciFlows[]): MciFlows {
  const total: MciFlows = { massKg: 0, virginKg: 0, wasteKg: 0, feedstockRecyclingWasteKg: 0, collectionRecyclingWasteKg: 0 };
  for (const flow of flows) {
    total.massKg += flow.massKg;
    total.virginKg += flow.virginKg;
    total.wasteKg += flow.wasteKg;
    total.feedstockRecyclingWasteKg += flow.feedstockRecyclingWasteKg;
    total.collectionRecyclingWasteKg += flow.collectionRecyclingWasteKg;
  }
  return total;
}

/**
 * LFI = (V + W) / (2M + (W_F - W_C) / 2). A product without any mass has nothing to show for circularity and counts
 * as fully linear (1), the conservative reading.
 */
export function linearFlowIndex(flows: MciFlows): number {
  if (flows.massKg <= 0) return 1;
  const lfi = (flows.virginKg + flows.wasteKg) / (2 * flows.massKg + (flows.feedstockRecyclingWasteKg - flows.collectionRecyclingWasteKg) / 2);
  // The denominator is at least 1.5 M, and V + W0 + W_C <= 2M keeps the index within [0, 1]; clamp float noise only.
  return Math.min(1, Math.max(0, lfi));
}

/** X = (L / L_av) (U / U_av). */
export function utilityFactor(lifetime: number, averageLifetime: number, intensityOfUse: number, averageIntensityOfUse: number): number {
  for (const [name, value] of Object.entries({ lifetime, averageLifetime, intensityOfUse, averageIntensityOfUse })) {
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number, not ${value}`);
  }
  return (lifetime / averageLifetime) * (intensityOfUse / averageIntensityOfUse);
}

/** MCI = max(0, 1 - LFI x F(X)) with F(X) = 0.9 / X. */
export function materialCircularityIndicator(lfi: number, utility: number): number {
  if (!(Number.isFinite(utility) && utility > 0)) throw new RangeError(`the utility factor must be a positive number, not ${utility}`);
  return Math.max(0, 1 - lfi * (UTILITY_COEFFICIENT / utility));
}

/** LFI and MCI of a product from its materials and utility factor. */
export function productMci(materials: readonly MciMaterialInputs[], utility = 1): { lfi: number; mci: number; flows: MciFlows } {
  const flows = sumFlows(materials.map(materialFlows));
  const lfi = linearFlowIndex(flows);
  return { lfi, mci: materialCircularityIndicator(lfi, utility), flows };
}

function checkInputs(input: MciMaterialInputs): void {
  if (!(Number.isFinite(input.massKg) && input.massKg >= 0)) throw new RangeError(`massKg must be a number >= 0, not ${input.massKg}`);
  for (const [name, value] of Object.entries(input)) {
    if (name !== 'massKg' && !(Number.isFinite(value) && value >= 0 && value <= 1)) {
      throw new RangeError(`${name} must be a fraction between 0 and 1, not ${value}`);
    }
  }
  const feedstock = input.recycledFeedstock + input.reusedFeedstock + input.biologicalFeedstock;
  if (feedstock > 1 + SHARE_SLACK) throw new RangeError(`the feedstock shares F_R + F_U + F_S add up to ${feedstock}, more than 1`);
  const endOfLife = input.collectedForRecycling + input.collectedForReuse + input.collectedForComposting + input.collectedForEnergyRecovery;
  if (endOfLife > 1 + SHARE_SLACK) throw new RangeError(`the end-of-life shares C_R + C_U + C_C + C_E add up to ${endOfLife}, more than 1`);
  if (input.recycledFeedstock > 0 && input.feedstockRecyclingEfficiency === 0) {
    throw new RangeError('recycled feedstock (F_R > 0) cannot come from a recycling process with efficiency E_F = 0');
  }
}
