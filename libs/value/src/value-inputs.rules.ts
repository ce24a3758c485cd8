// Rules on the value inputs of a composition document that its JSON schema cannot express. Each percentage is already
// within 0..100 (the schema); these rules are about how they combine.
import type { ComponentDocument, CompositionDocument, MaterialDocument } from '@registry/composition';
import type { Violation } from '@registry/core';

/** Lets shares written as decimals (33.3 + 33.3 + 33.4) add up to 100 without failing. */
const SLACK_PCT = 1e-7;

const FEEDSTOCK_SHARES = ['recycledContentPct', 'reusedContentPct', 'sustainedBiologicalContentPct'] as const;
const END_OF_LIFE_SHARES = ['collectedForRecyclingPct', 'collectedForReusePct', 'collectedForCompostingPct', 'collectedForEnergyRecoveryPct'] as const;

/** Violations of the value inputs, in document order; empty when the circularity and reuse value can be computed. */
export function valueInputViolations(document: CompositionDocument): Violation[] {
  const violations: Violation[] = [];
  const visit = (component: ComponentDocument, pointer: string): void => {
    component.materials.forEach((material, index) => checkMaterial(material, `${pointer}/materials/${index}`, violations));
    component.components.forEach((child, index) => visit(child, `${pointer}/components/${index}`));
  };
  document.components.forEach((component, index) => visit(component, `/components/${index}`));
  return violations;
}

function checkMaterial(material: MaterialDocument, pointer: string, violations: Violation[]): void {
  const sumOf = (keys: readonly (keyof MaterialDocument)[]) => {
    const declared = keys.filter((key) => typeof material[key] === 'number');
    return { declared, total: declared.reduce((sum, key) => sum + (material[key] as number), 0) };
  };
  const feedstock = sumOf(FEEDSTOCK_SHARES);
  if (feedstock.total > 100 + SLACK_PCT) {
    violations.push({
      path: pointer,
      keyword: 'feedstockShares',
      message: `${feedstock.declared.join(' + ')} is ${feedstock.total} %: the shares of the material's feedstock cannot exceed 100 %`,
    });
  }
  const endOfLife = sumOf(END_OF_LIFE_SHARES);
  if (endOfLife.total > 100 + SLACK_PCT) {
    violations.push({
      path: pointer,
      keyword: 'endOfLifeShares',
      message: `${endOfLife.declared.join(' + ')} is ${endOfLife.total} %: the shares of the material's end of life cannot exceed 100 %`,
    });
  }
  if ((material.recycledContentPct ?? 0) > 0 && material.feedstockRecyclingEfficiencyPct === 0) {
    violations.push({
      path: `${pointer}/feedstockRecyclingEfficiencyPct`,
      keyword: 'feedstockEfficiency',
      message: `is 0 while recycledContentPct is ${material.recycledContentPct}: a recycling process without yield cannot have produced recycled feedstock`,
    });
  }
}
