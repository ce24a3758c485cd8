import type { CompositionDocument, FlattenedComposition, MaterialDocument } from '@registry/composition';
import { allComponents, walkComponents } from '../document-walk';
import { type Circularity, MCI_METHOD_VERSION } from '../value.types';
import { linearFlowIndex, materialCircularityIndicator, materialFlows, type MciMaterialInputs, sumFlows } from './mci.formula';

/**
 * Efficiency assumed for a recycling process whose share is declared (recycled content, or collection for recycling)
 * but whose efficiency is not: half the mass lost. Deliberately below real processes, so that leaving the efficiency
 * out never scores better than declaring it (the LFI rises as an efficiency falls); see docs/circularity.md.
 */
export const EFFICIENCY_WHEN_MISSING = 0.5;

/** Figures are rounded to 6 decimals: finer digits are float noise, not information. */
const DECIMALS = 1e6;

/**
 * The Material Circularity Indicator of a product (docs/circularity.md): V, W, W_F and W_C summed over its materials
 * (mass per product unit), the utility factor from `utility`. Missing inputs get conservative defaults and are
 * listed as JSON pointers. Expects a document whose value inputs are consistent (see valueInputViolations).
 */
export function assessCircularity(document: CompositionDocument, flattened: FlattenedComposition): Circularity {
  const missingInputs: string[] = [];
  const materials: MciMaterialInputs[] = [];

  for (const component of allComponents(walkComponents(document, flattened))) {
    const { document: componentDocument, flat, pointer } = component;
    componentDocument.materials.forEach((material, index) => {
      const materialPointer = `${pointer}/materials/${index}`;
      materials.push(materialInputs(material, flat.materials[index].massKgPerProduct, materialPointer, missingInputs));
    });
    // A component declared by its mass alone (no materials, no sub-components): that mass still flows through the
    // product, so it counts as virgin feedstock going to landfill.
    const massKgPerProduct = flat.massKg * flat.unitsPerProduct;
    if (componentDocument.materials.length === 0 && componentDocument.components.length === 0 && massKgPerProduct > 0) {
      missingInputs.push(`${pointer}/materials`);
      materials.push(linearMaterial(massKgPerProduct));
    }
  }

  const utility = utilityOf(document, missingInputs);
  const flows = sumFlows(materials.map(materialFlows));
  const lfi = linearFlowIndex(flows);
  const mci = materialCircularityIndicator(lfi, utility);
  return {
    mci: round(mci),
    lfi: round(lfi),
    utility: round(utility),
    inputsComplete: missingInputs.length === 0,
    missingInputs,
    methodVersion: MCI_METHOD_VERSION,
    flows: {
      massKg: round(flows.massKg),
      virginKg: round(flows.virginKg),
      wasteKg: round(flows.wasteKg),
      feedstockRecyclingWasteKg: round(flows.feedstockRecyclingWasteKg),
      collectionRecyclingWasteKg: round(flows.collectionRecyclingWasteKg),
    },
  };
}

function materialInputs(material: MaterialDocument, massKg: number, pointer: string, missing: string[]): MciMaterialInputs {
  /** A declared percentage as a fraction; a missing one is recorded and defaulted. */
  const share = (key: keyof MaterialDocument, fallback: number, reportMissing: boolean): number => {
    const value = material[key];
    if (typeof value === 'number') return value / 100;
    if (reportMissing) missing.push(`${pointer}/${key}`);
    return fallback;
  };
  // Virgin feedstock and landfill unless declared. The biological-cycle shares (F_S, C_C, C_E) are zero for the
  // technical materials most passports describe, so their absence is not reported as missing data.
  const recycledFeedstock = share('recycledContentPct', 0, true);
  const reusedFeedstock = share('reusedContentPct', 0, true);
  const biologicalFeedstock = share('sustainedBiologicalContentPct', 0, false);
  const collectedForRecycling = share('collectedForRecyclingPct', 0, true);
  const collectedForReuse = share('collectedForReusePct', 0, true);
  const collectedForComposting = share('collectedForCompostingPct', 0, false);
  const collectedForEnergyRecovery = share('collectedForEnergyRecoveryPct', 0, false);
  // An efficiency only matters when its share is above 0; then a missing one is assumed low and reported.
  const recyclingEfficiency = share('recyclingEfficiencyPct', collectedForRecycling > 0 ? EFFICIENCY_WHEN_MISSING : 1, collectedForRecycling > 0);
  const feedstockRecyclingEfficiency = share('feedstockRecyclingEfficiencyPct', recycledFeedstock > 0 ? EFFICIENCY_WHEN_MISSING : 1, recycledFeedstock > 0);
  return {
    massKg,
    recycledFeedstock,
    reusedFeedstock,
    biologicalFeedstock,
    collectedForRecycling,
    collectedForReuse,
    collectedForComposting,
    collectedForEnergyRecovery,
    recyclingEfficiency,
    feedstockRecyclingEfficiency,
  };
}

function linearMaterial(massKg: number): MciMaterialInputs {
  return {
    massKg,
    recycledFeedstock: 0,
    reusedFeedstock: 0,
    biologicalFeedstock: 0,
    collectedForRecycling: 0,
    collectedForReuse: 0,
    collectedForComposting: 0,
    collectedForEnergyRecovery: 0,
    recyclingEfficiency: 1,
    feedstockRecyclingEfficiency: 1,
  };
}

/** X = (L / L_av) (U / U_av); a ratio whose two inputs are not both given is taken as 1 (the industry average). */
function utilityOf(document: CompositionDocument, missing: string[]): number {
  const utility = document.utility ?? {};
  const ratio = (own: 'lifetimeYears' | 'intensityOfUse', average: 'industryAverageLifetimeYears' | 'industryAverageIntensityOfUse'): number => {
    const ownValue = utility[own];
    const averageValue = utility[average];
    if (typeof ownValue === 'number' && typeof averageValue === 'number') return ownValue / averageValue;
    if (typeof ownValue !== 'number') missing.push(`/utility/${own}`);
    if (typeof averageValue !== 'number') missing.push(`/utility/${average}`);
    return 1;
  };
  return ratio('lifetimeYears', 'industryAverageLifetimeYears') * ratio('intensityOfUse', 'industryAverageIntensityOfUse');
}

function round(value: number): number {
  return Math.round(value * DECIMALS) / DECIMALS;
}
