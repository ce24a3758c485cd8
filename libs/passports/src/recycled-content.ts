/** What the summary needs of each material: its mass in one whole product and its declared recycled content. */
export interface RecycledContentInput {
  massKgPerProduct: number;
  recycledContentPct: number | null;
}

export interface RecycledContentSummary {
  /** Mass-weighted recycled content (%) of the materials that declare it; null when none does. */
  recycledContentPct: number | null;
  /** Share (0 to 1) of the product's material mass whose recycled content is declared. */
  declaredShareOfMass: number;
  /** Share (0 to 1) of the product's material mass that is recycled, undeclared materials counting as 0. */
  recycledShareOfMass: number;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * The recycled-content summary of a product (public: no masses), over its materials as flattened from the
 * composition. Percentages are rounded to 0.01 %, shares to 0.0001.
 */
export function summarizeRecycledContent(materials: readonly RecycledContentInput[]): RecycledContentSummary {
  let totalMass = 0;
  let declaredMass = 0;
  let recycledMass = 0;
  for (const material of materials) {
    const mass = material.massKgPerProduct;
    if (!(mass > 0)) continue;
    totalMass += mass;
    if (material.recycledContentPct === null || material.recycledContentPct === undefined) continue;
    declaredMass += mass;
    recycledMass += (mass * material.recycledContentPct) / 100;
  }
  return {
    recycledContentPct: declaredMass > 0 ? round((recycledMass / declaredMass) * 100, 2) : null,
    declaredShareOfMass: totalMass > 0 ? round(declaredMass / totalMass, 4) : 0,
    recycledShareOfMass: totalMass > 0 ? round(recycledMass / totalMass, 4) : 0,
  };
}

/**
 * The summary as callers without LEGITIMATE_INTEREST on the passport see it: whole percent, shares to 0.01. The exact
 * shares times the public totalMassKg would give the mass of the declared materials (e.g. the aluminium) to the gram.
 */
export function publicRecycledContent(summary: RecycledContentSummary): RecycledContentSummary {
  return {
    recycledContentPct: summary.recycledContentPct === null ? null : Math.round(summary.recycledContentPct),
    declaredShareOfMass: round(summary.declaredShareOfMass, 2),
    recycledShareOfMass: round(summary.recycledShareOfMass, 2),
  };
}
