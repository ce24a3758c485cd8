import { type ComponentDocument, type CompositionDocument, flattenComposition, type ReuseInfo } from '@registry/composition';
import type { PriceTable } from '../price-tables/price-table';
import { PRICE_TABLES, priceTableFor } from '../price-tables/price-tables';
import { assessReuseValue } from './reuse-value.assessment';

const DATE = new Date('2026-03-15T10:00:00Z');
const GOOD_MODULE: ReuseInfo = { replacementValue: 100, currency: 'EUR', expectedLifetimeYears: 10, ageYears: 2, condition: 'good', dismantlingCost: 5 };

/**
 * A product of three components: an aluminium housing, two modules (reuse inputs; each with a chip holding gold and
 * silicon) and four screws declared by mass only. At the 2026-01 prices:
 *   housing: Al 0.9 kg x 0.9 x 1.8 = 1.458; polycarbonate (CAS number only) 0
 *   module, per unit: Cu 0.2 x 0.9 x 7.5 = 1.35; chip: Au 0.0001 x 0.8 (declared) x 95000 = 7.6, Si 0.2999 x 0.5 x 1.5 = 0.224925
 *   module reuse figure per unit: 100 x (1 - 2/10) x 0.75 (good) - 5 = 55 > parts 9.174925: REUSE, 2 x 55 = 110
 */
function product(moduleReuse: ReuseInfo | undefined = GOOD_MODULE): CompositionDocument {
  const module: ComponentDocument = {
    key: 'module',
    name: 'Control module',
    quantity: 2,
    massKg: 0.5,
    materials: [{ name: 'Copper', element: 'Cu', massKg: 0.2 }],
    components: [
      {
        key: 'chip',
        name: 'Chip',
        quantity: 1,
        massKg: 0.3,
        materials: [
          { name: 'Gold bond wires', element: 'Au', massKg: 0.0001, recyclingEfficiencyPct: 80 },
          { name: 'Silicon die', element: 'Si', massKg: 0.2999 },
        ],
        components: [],
      },
    ],
    ...(moduleReuse ? { reuse: moduleReuse } : {}),
  };
  return {
    schemaVersion: '1.0',
    components: [
      {
        key: 'housing',
        name: 'Housing',
        quantity: 1,
        massKg: 1,
        materials: [
          { name: 'Aluminium', element: 'Al', massKg: 0.9 },
          { name: 'Polycarbonate', casNumber: '25037-45-0', massKg: 0.1 },
        ],
        components: [],
      },
      module,
      { key: 'screw', name: 'Screw', quantity: 4, massKg: 0.005, materials: [], components: [] },
    ],
  };
}

const assess = (document: CompositionDocument, date = DATE, tables?: readonly PriceTable[]) =>
  assessReuseValue(document, flattenComposition(document), date, tables);

describe('assessReuseValue', () => {
  it('values a component with reuse inputs whole when that beats its parts, and the rest at their materials', () => {
    const value = assess(product());
    expect(value).toMatchObject({
      amount: 111.46,
      currency: 'EUR',
      methodVersion: '1',
      valuationDate: '2026-03-15',
      priceTable: { id: 'REGISTRY-REF-2026-01', date: '2026-01-01', source: expect.stringContaining('2023/1542') },
    });
    expect(value.breakdown.map((entry) => [entry.path, entry.strategy, entry.amount])).toEqual([
      ['/housing', 'RECYCLE', 1.46],
      ['/module', 'REUSE', 110],
      ['/screw', 'RECYCLE', 0],
    ]);
    const module = value.breakdown[1];
    expect(module.reuse).toEqual({
      condition: 'good',
      conditionFactor: 0.75,
      remainingLifeFactor: 0.8,
      replacementValue: 100,
      dismantlingCost: 5,
      unitAmount: 55,
    });
    // The module covers its chip: no entry of its own, its materials listed under the module as the floor.
    expect(module.materials.map((m) => [m.componentKey, m.element, m.massKg, m.recoveryRate, m.pricePerKg, m.amount])).toEqual([
      ['module', 'Cu', 0.4, 0.9, 7.5, 2.7],
      ['chip', 'Au', 0.0002, 0.8, 95000, 15.2],
      ['chip', 'Si', 0.5998, 0.5, 1.5, 0.45],
    ]);
    expect(module.materialValue).toBe(18.35);
    expect(value.breakdown[0].materials[1]).toMatchObject({ name: 'Polycarbonate', element: null, pricePerKg: null, amount: 0 });
  });

  it('takes a component apart when its reuse figure is below its parts: RECYCLE, sub-components valued on their own', () => {
    const value = assess(product({ ...GOOD_MODULE, ageYears: 9, condition: 'poor' })); // 100 x 0.1 x 0.25 - 5 < 0 -> 0
    expect(value.breakdown.map((entry) => [entry.path, entry.strategy, entry.amount])).toEqual([
      ['/housing', 'RECYCLE', 1.46],
      ['/module', 'RECYCLE', 2.7],
      ['/module/chip', 'RECYCLE', 15.65],
      ['/screw', 'RECYCLE', 0],
    ]);
    expect(value.breakdown[1].reuse).toMatchObject({ condition: 'poor', remainingLifeFactor: expect.closeTo(0.1, 12), unitAmount: 0 });
    expect(value.amount).toBe(19.81);
  });

  it("counts a sub-component's reuse instead of its parent's when the sub-components are worth more", () => {
    const document = product({ replacementValue: 20, currency: 'EUR', expectedLifetimeYears: 10, ageYears: 0, condition: 'new' });
    document.components[1].components[0].reuse = { replacementValue: 40, currency: 'EUR', expectedLifetimeYears: 5, ageYears: 0, condition: 'as-new' };
    const value = assess(document);
    // chip: 40 x 0.9 = 36 per unit > its materials; module parts = 1.35 + 36 = 37.35 > its own figure 20.
    expect(value.breakdown.map((entry) => [entry.path, entry.strategy, entry.amount])).toEqual([
      ['/housing', 'RECYCLE', 1.46],
      ['/module', 'RECYCLE', 2.7],
      ['/module/chip', 'REUSE', 72],
      ['/screw', 'RECYCLE', 0],
    ]);
    expect(value.amount).toBe(76.16);
  });

  it('names the strategy by condition: fair -> REFURBISH, poor -> REMANUFACTURE', () => {
    const fair = assess(product({ ...GOOD_MODULE, condition: 'fair' })); // 100 x 0.8 x 0.5 - 5 = 35
    expect(fair.breakdown[1]).toMatchObject({ strategy: 'REFURBISH', amount: 70 });
    const poor = assess(product({ ...GOOD_MODULE, ageYears: 0, condition: 'poor' })); // 100 x 0.25 - 5 = 20
    expect(poor.breakdown[1]).toMatchObject({ strategy: 'REMANUFACTURE', amount: 40 });
  });

  it('states the defaults it applied: age 0 and condition fair when missing', () => {
    const value = assess(product({ replacementValue: 100, currency: 'EUR', expectedLifetimeYears: 10 }));
    expect(value.breakdown[1]).toMatchObject({ strategy: 'REFURBISH', amount: 100, reuse: { condition: 'fair', remainingLifeFactor: 1 } });
    expect(value.assumptions).toEqual(
      expect.arrayContaining([
        '/module: ageYears missing, taken as 0 (recorded when new).',
        '/module: condition missing, taken as "fair" (to be inspected and refurbished).',
      ]),
    );
  });

  it('does not convert other currencies: the component is valued at its parts and flagged', () => {
    const value = assess(product({ ...GOOD_MODULE, currency: 'USD' }));
    expect(value.breakdown[1]).toMatchObject({ strategy: 'RECYCLE', reuse: null });
    expect(value.amount).toBe(19.81);
    expect(value.assumptions.some((line) => line.startsWith('/module: reuse inputs in USD are not converted'))).toBe(true);
  });

  it('needs an expected lifetime and a replacement value for a reuse figure', () => {
    const { expectedLifetimeYears: _l, ...noLifetime } = GOOD_MODULE;
    expect(assess(product(noLifetime)).assumptions).toContain(
      '/module: no expectedLifetimeYears, so its remaining life cannot be judged; valued at its parts (RECYCLE).',
    );
    expect(assess(product({ condition: 'good' })).assumptions).toContain('/module: reuse inputs without replacementValue; valued at its parts (RECYCLE).');
    expect(assess(product(noLifetime)).amount).toBe(19.81);
  });

  it('lists what it valued at 0 and why', () => {
    const document = product();
    document.components[0].materials.push({ name: 'Oxide layer', element: 'O', massKg: 0 });
    const { assumptions } = assess(document);
    expect(assumptions).toContain('No reference price for O: valued at 0.');
    expect(assumptions).toContain('1 material(s) named by CAS number only (compounds such as polymers): valued at 0.');
    expect(assumptions).toContain('Declared by mass only (no materials), valued at 0: /screw.');
  });

  it('uses the price table in force on the valuation date and records it', () => {
    const older: PriceTable = {
      ...PRICE_TABLES[0],
      id: 'OLDER',
      date: '2025-01-01',
      prices: { ...PRICE_TABLES[0].prices, Al: { pricePerKg: 3.6, recoveryRate: 0.9 } },
    };
    const tables = [older, PRICE_TABLES[0]];
    expect(assess(product(), new Date('2025-06-30'), tables)).toMatchObject({ priceTable: { id: 'OLDER' }, amount: 112.92 });
    expect(assess(product(), DATE, tables)).toMatchObject({ priceTable: { id: 'REGISTRY-REF-2026-01' }, amount: 111.46 });
    expect(priceTableFor('2020-01-01', tables).id).toBe('OLDER');
  });

  it('is deterministic and refuses an invalid date', () => {
    expect(assess(product())).toEqual(assess(product()));
    expect(() => assess(product(), new Date('not a date'))).toThrow(RangeError);
  });
});
