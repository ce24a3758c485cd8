import { type CompositionDocument, flattenComposition, type MaterialDocument } from '@registry/composition';
import { ErrorCode, RegistryError } from '@registry/core';
import { ValueAssessor } from './value.assessor';

function documentOf(...materials: Partial<MaterialDocument>[]): CompositionDocument {
  return {
    schemaVersion: '1.0',
    components: [
      {
        key: 'frame',
        name: 'Frame',
        quantity: 1,
        massKg: 2,
        materials: [{ name: 'Aluminium', element: 'Al', massKg: 1, recycledContentPct: 40, collectedForRecyclingPct: 90 }],
        components: [
          {
            key: 'bracket',
            name: 'Bracket',
            quantity: 1,
            massKg: 1,
            materials: materials.map((m) => ({ name: 'Steel', element: 'Fe', massKg: 1, ...m })),
            components: [],
          },
        ],
      },
    ],
  };
}

describe('ValueAssessor', () => {
  const assessor = new ValueAssessor();

  it('returns both figures of a document, valued on the given date', () => {
    const document = documentOf({ recycledContentPct: 20 });
    const { circularity, reuseValue } = assessor.assess(document, flattenComposition(document), new Date('2026-05-04T23:30:00Z'));
    expect(circularity).toMatchObject({ methodVersion: 'EMF-MCI-2019/1', inputsComplete: false });
    expect(circularity.mci).toBeGreaterThan(0.1);
    expect(reuseValue).toMatchObject({ methodVersion: '1', currency: 'EUR', valuationDate: '2026-05-04' });
    // Al 1 x 0.9 x 1.8 + Fe 1 x 0.9 x 0.3
    expect(reuseValue.amount).toBe(1.89);
  });

  it('refuses inconsistent value inputs with one BAD_USER_INPUT error naming every field', () => {
    const document = documentOf(
      { recycledContentPct: 30, feedstockRecyclingEfficiencyPct: 0 },
      { recycledContentPct: 60, reusedContentPct: 30, sustainedBiologicalContentPct: 20 },
      { collectedForRecyclingPct: 80, collectedForReusePct: 30 },
      { recycledContentPct: 33.3, reusedContentPct: 33.3, sustainedBiologicalContentPct: 33.4, collectedForRecyclingPct: 100 },
      { recycledContentPct: 0, feedstockRecyclingEfficiencyPct: 0 },
    );
    expect(assessor.violations(document)).toEqual([
      {
        path: '/components/0/components/0/materials/0/feedstockRecyclingEfficiencyPct',
        keyword: 'feedstockEfficiency',
        message: 'is 0 while recycledContentPct is 30: a recycling process without yield cannot have produced recycled feedstock',
      },
      {
        path: '/components/0/components/0/materials/1',
        keyword: 'feedstockShares',
        message: "recycledContentPct + reusedContentPct + sustainedBiologicalContentPct is 110 %: the shares of the material's feedstock cannot exceed 100 %",
      },
      {
        path: '/components/0/components/0/materials/2',
        keyword: 'endOfLifeShares',
        message: "collectedForRecyclingPct + collectedForReusePct is 110 %: the shares of the material's end of life cannot exceed 100 %",
      },
    ]);
    let error: unknown;
    try {
      assessor.assess(document, flattenComposition(document), new Date('2026-05-04'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, extensions: { violations: assessor.violations(document) } });
  });
});
