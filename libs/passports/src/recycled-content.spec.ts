import { publicRecycledContent, summarizeRecycledContent } from './recycled-content';

describe('summarizeRecycledContent', () => {
  it('weighs the declared recycled content by mass and says how much of the mass declares it', () => {
    const summary = summarizeRecycledContent([
      { massKgPerProduct: 3, recycledContentPct: 50 },
      { massKgPerProduct: 1, recycledContentPct: 10 },
      { massKgPerProduct: 4, recycledContentPct: null },
    ]);
    // (1.5 + 0.1) / 4 = 40 %; 4 of 8 kg declare; 1.6 of 8 kg recycled.
    expect(summary).toEqual({ recycledContentPct: 40, declaredShareOfMass: 0.5, recycledShareOfMass: 0.2 });
  });

  it('reads null when no material declares it, and zero shares for an empty product', () => {
    expect(summarizeRecycledContent([{ massKgPerProduct: 2, recycledContentPct: null }])).toEqual({
      recycledContentPct: null,
      declaredShareOfMass: 0,
      recycledShareOfMass: 0,
    });
    expect(summarizeRecycledContent([])).toEqual({ recycledContentPct: null, declaredShareOfMass: 0, recycledShareOfMass: 0 });
  });

  it('counts a declared 0 % as declared', () => {
    expect(summarizeRecycledContent([{ massKgPerProduct: 1, recycledContentPct: 0 }])).toEqual({
      recycledContentPct: 0,
      declaredShareOfMass: 1,
      recycledShareOfMass: 0,
    });
  });

  it('rounds to 0.01 % and 0.0001', () => {
    const summary = summarizeRecycledContent([
      { massKgPerProduct: 1, recycledContentPct: 100 },
      { massKgPerProduct: 2, recycledContentPct: 0 },
    ]);
    expect(summary).toEqual({ recycledContentPct: 33.33, declaredShareOfMass: 1, recycledShareOfMass: 0.3333 });
  });

  it('rounds to whole percent for the public, so that shares x totalMassKg give no mass to the gram', () => {
    const exact = summarizeRecycledContent([
      { massKgPerProduct: 0.079, recycledContentPct: 37.42 },
      { massKgPerProduct: 0.021, recycledContentPct: null },
    ]);
    expect(exact).toEqual({ recycledContentPct: 37.42, declaredShareOfMass: 0.79, recycledShareOfMass: 0.2956 });
    expect(publicRecycledContent(exact)).toEqual({ recycledContentPct: 37, declaredShareOfMass: 0.79, recycledShareOfMass: 0.3 });
    expect(publicRecycledContent({ recycledContentPct: null, declaredShareOfMass: 0.1234, recycledShareOfMass: 0 })).toEqual({
      recycledContentPct: null,
      declaredShareOfMass: 0.12,
      recycledShareOfMass: 0,
    });
  });
});
