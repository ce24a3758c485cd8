import { type CompositionDocument, flattenComposition, type MaterialDocument } from '@registry/composition';
import { assessCircularity, EFFICIENCY_WHEN_MISSING } from './circularity.assessment';
import { productMci } from './mci.formula';

/** Every MCI input of a material declared, as the first check value of the domain notes (in percent). */
const COMPLETE: Partial<MaterialDocument> = {
  recycledContentPct: 30,
  reusedContentPct: 0,
  collectedForRecyclingPct: 50,
  collectedForReusePct: 0,
  recyclingEfficiencyPct: 100,
  feedstockRecyclingEfficiencyPct: 100,
};
const AVERAGE_UTILITY = { lifetimeYears: 10, industryAverageLifetimeYears: 10, intensityOfUse: 1, industryAverageIntensityOfUse: 1 };

function documentOf(materials: Partial<MaterialDocument>[], extra: Partial<CompositionDocument> = {}): CompositionDocument {
  return {
    schemaVersion: '1.0',
    components: [
      {
        key: 'part',
        name: 'Part',
        quantity: 1,
        massKg: materials.length,
        materials: materials.map((m) => ({ name: 'Steel', element: 'Fe', massKg: 1, ...m })),
        components: [],
      },
    ],
    ...extra,
  };
}

const assess = (document: CompositionDocument) => assessCircularity(document, flattenComposition(document));

describe('assessCircularity', () => {
  it('computes the check value from a document with every input declared: LFI 0.6, MCI 0.46, complete', () => {
    const circularity = assess(documentOf([COMPLETE], { utility: AVERAGE_UTILITY }));
    expect(circularity).toEqual({
      mci: 0.46,
      lfi: 0.6,
      utility: 1,
      inputsComplete: true,
      missingInputs: [],
      methodVersion: 'EMF-MCI-2019/1',
      flows: { massKg: 1, virginKg: 0.7, wasteKg: 0.5, feedstockRecyclingWasteKg: 0, collectionRecyclingWasteKg: 0 },
    });
  });

  it('computes the efficiency check value: LFI 0.62733, MCI 0.4354', () => {
    const circularity = assess(documentOf([{ ...COMPLETE, recyclingEfficiencyPct: 90, feedstockRecyclingEfficiencyPct: 80 }], { utility: AVERAGE_UTILITY }));
    expect(circularity.lfi).toBeCloseTo(0.62733, 5);
    expect(circularity.mci).toBeCloseTo(0.4354, 5);
    expect(circularity.inputsComplete).toBe(true);
  });

  it('defaults missing shares to virgin feedstock and landfill and lists each missing input', () => {
    const circularity = assess(documentOf([{}]));
    expect(circularity).toMatchObject({ lfi: 1, mci: 0.1, utility: 1, inputsComplete: false });
    expect(circularity.missingInputs).toEqual([
      '/components/0/materials/0/recycledContentPct',
      '/components/0/materials/0/reusedContentPct',
      '/components/0/materials/0/collectedForRecyclingPct',
      '/components/0/materials/0/collectedForReusePct',
      '/utility/lifetimeYears',
      '/utility/industryAverageLifetimeYears',
      '/utility/intensityOfUse',
      '/utility/industryAverageIntensityOfUse',
    ]);
  });

  it(`assumes an efficiency of ${EFFICIENCY_WHEN_MISSING} when a share is declared without it, and reports it`, () => {
    const { recyclingEfficiencyPct: _c, feedstockRecyclingEfficiencyPct: _f, ...withoutEfficiencies } = COMPLETE;
    const circularity = assess(documentOf([withoutEfficiencies], { utility: AVERAGE_UTILITY }));
    expect(circularity.missingInputs).toEqual([
      '/components/0/materials/0/recyclingEfficiencyPct',
      '/components/0/materials/0/feedstockRecyclingEfficiencyPct',
    ]);
    // W_C = 1 x 0.5 x 0.5 = 0.25; W_F = 1 x 0.5 x 0.3 / 0.5 = 0.3; W = 0.5 + 0.275 = 0.775;
    // LFI = (0.7 + 0.775) / (2 + 0.025) = 0.728395; MCI = 1 - 0.9 x LFI = 0.344444
    expect(circularity.lfi).toBeCloseTo(0.728395, 6);
    expect(circularity.mci).toBeCloseTo(0.344444, 6);
    // Declaring the real efficiencies can only do better than leaving them out.
    expect(assess(documentOf([COMPLETE], { utility: AVERAGE_UTILITY })).mci).toBeGreaterThan(circularity.mci);
  });

  it('does not ask for an efficiency whose share is 0', () => {
    const circularity = assess(
      documentOf([{ recycledContentPct: 0, reusedContentPct: 0, collectedForRecyclingPct: 0, collectedForReusePct: 0 }], { utility: AVERAGE_UTILITY }),
    );
    expect(circularity.inputsComplete).toBe(true);
    expect(circularity.lfi).toBe(1);
  });

  it('sums the flows over the materials, with their mass in one whole product (quantities along the path)', () => {
    const document: CompositionDocument = {
      schemaVersion: '1.0',
      utility: AVERAGE_UTILITY,
      components: [
        {
          key: 'frame',
          name: 'Frame',
          quantity: 1,
          massKg: 3,
          materials: [{ name: 'Aluminium', element: 'Al', massKg: 1, ...COMPLETE }],
          components: [
            {
              key: 'bolt',
              name: 'Bolt',
              quantity: 4,
              massKg: 0.5,
              materials: [{ name: 'Steel', element: 'Fe', massKg: 0.5, ...COMPLETE, recycledContentPct: 0, collectedForRecyclingPct: 100 }],
              components: [],
            },
          ],
        },
      ],
    };
    const circularity = assess(document);
    const expected = productMci([
      { ...fractions(COMPLETE), massKg: 1 },
      { ...fractions({ ...COMPLETE, recycledContentPct: 0, collectedForRecyclingPct: 100 }), massKg: 2 },
    ]);
    expect(circularity.flows.massKg).toBe(3);
    expect(circularity.lfi).toBeCloseTo(expected.lfi, 6);
    expect(circularity.mci).toBeCloseTo(expected.mci, 6);
    // V = 0.7 + 2 = 2.7; W = 0.5 + 0 = 0.5; LFI = 3.2 / 6
    expect(circularity.lfi).toBeCloseTo(3.2 / 6, 6);
  });

  it('counts a component declared by mass only as virgin feedstock going to landfill, and reports it', () => {
    const document = documentOf([COMPLETE], { utility: AVERAGE_UTILITY });
    document.components.push({ key: 'screw', name: 'Screw', quantity: 8, massKg: 0.125, materials: [], components: [] });
    const circularity = assess(document);
    expect(circularity.missingInputs).toEqual(['/components/1/materials']);
    expect(circularity.flows).toMatchObject({ massKg: 2, virginKg: 1.7, wasteKg: 1.5 });
    expect(circularity.lfi).toBeCloseTo(3.2 / 4, 6);
  });

  it('takes the utility factor from lifetime and intensity of use; a ratio missing one of its inputs is 1', () => {
    expect(assess(documentOf([COMPLETE], { utility: { ...AVERAGE_UTILITY, lifetimeYears: 20 } }))).toMatchObject({ utility: 2, mci: 0.73 });
    const partial = assess(documentOf([COMPLETE], { utility: { lifetimeYears: 6, industryAverageLifetimeYears: 5, intensityOfUse: 3 } }));
    expect(partial.utility).toBe(1.2);
    expect(partial.missingInputs).toEqual(['/utility/industryAverageIntensityOfUse']);
    expect(partial.mci).toBeCloseTo(1 - 0.6 * (0.9 / 1.2), 6);
  });

  it('reads the biological-cycle shares without reporting them missing', () => {
    const circularity = assess(
      documentOf([{ ...COMPLETE, recycledContentPct: 0, sustainedBiologicalContentPct: 100, collectedForRecyclingPct: 0, collectedForCompostingPct: 100 }], {
        utility: AVERAGE_UTILITY,
      }),
    );
    expect(circularity).toMatchObject({ lfi: 0, mci: 1, inputsComplete: true });
  });
});

function fractions(material: Partial<MaterialDocument>) {
  const f = (value: number | undefined, fallback = 0) => (value ?? fallback * 100) / 100;
  return {
    recycledFeedstock: f(material.recycledContentPct),
    reusedFeedstock: f(material.reusedContentPct),
    biologicalFeedstock: 0,
    collectedForRecycling: f(material.collectedForRecyclingPct),
    collectedForReuse: f(material.collectedForReusePct),
    collectedForComposting: 0,
    collectedForEnergyRecovery: 0,
    recyclingEfficiency: f(material.recyclingEfficiencyPct, 1),
    feedstockRecyclingEfficiency: f(material.feedstockRecyclingEfficiencyPct, 1),
  };
}
