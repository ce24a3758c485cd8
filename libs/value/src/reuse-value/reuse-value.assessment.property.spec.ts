import { type ComponentDocument, type CompositionDocument, flattenComposition } from '@registry/composition';
import fc from 'fast-check';
import { PRICE_TABLES } from '../price-tables/price-tables';
import { CircularStrategy } from '../value.types';
import { assessReuseValue } from './reuse-value.assessment';

const table = PRICE_TABLES[0];
let keyCounter = 0;

const materialArb = fc.record({
  element: fc.constantFrom('Fe', 'Al', 'Cu', 'Au', 'Nd', 'O', undefined),
  massKg: fc.double({ min: 0, max: 50, noNaN: true }),
  efficiency: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
});

const reuseArb = fc.option(
  fc.record({
    replacementValue: fc.double({ min: 0, max: 5000, noNaN: true }),
    expectedLifetimeYears: fc.double({ min: 0.5, max: 40, noNaN: true }),
    ageYears: fc.double({ min: 0, max: 50, noNaN: true }),
    condition: fc.constantFrom('new' as const, 'as-new' as const, 'good' as const, 'fair' as const, 'poor' as const),
    dismantlingCost: fc.double({ min: 0, max: 500, noNaN: true }),
  }),
  { nil: undefined },
);

/** Component trees up to three levels deep; masses need not balance (the valuation does not read component masses). */
const componentArb: fc.Arbitrary<ComponentDocument> = fc.letrec<{ component: ComponentDocument }>((tie) => ({
  component: fc
    .record({
      quantity: fc.integer({ min: 1, max: 5 }),
      materials: fc.array(materialArb, { maxLength: 4 }),
      reuse: reuseArb,
      components: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([]), fc.array(tie('component'), { maxLength: 3 })),
    })
    .map(({ quantity, materials, reuse, components }) => ({
      key: `c${++keyCounter}`,
      name: 'Component',
      quantity,
      massKg: 1,
      materials: materials.map((m, i) => ({
        name: `m${i}`,
        ...(m.element ? { element: m.element } : { casNumber: '25037-45-0' }),
        massKg: m.massKg,
        ...(m.efficiency === undefined ? {} : { recyclingEfficiencyPct: m.efficiency }),
      })),
      components: components as ComponentDocument[],
      ...(reuse ? { reuse: { ...reuse, currency: 'EUR' } } : {}),
    })),
})).component;

const documentArb = fc.array(componentArb, { minLength: 1, maxLength: 4 }).map((components): CompositionDocument => ({ schemaVersion: '1.0', components }));

/** Value of every recoverable material of the product: what the reuse value is floored by. */
function materialFloor(document: CompositionDocument): number {
  return flattenComposition(document).components.reduce(
    (total, component) =>
      total +
      component.materials.reduce((sum, material) => {
        const reference = material.elementSymbol ? table.prices[material.elementSymbol] : undefined;
        if (!reference) return sum;
        const efficiency = (material.details?.recyclingEfficiencyPct as number | undefined) ?? undefined;
        const rate = efficiency === undefined ? reference.recoveryRate : efficiency / 100;
        return sum + material.massKgPerProduct * rate * reference.pricePerKg;
      }, 0),
    0,
  );
}

describe('assessReuseValue: properties', () => {
  const valueOf = (document: CompositionDocument) => assessReuseValue(document, flattenComposition(document), new Date('2026-02-01'));

  it('the amount is the sum of the breakdown, and never below the value of the recoverable materials', () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const value = valueOf(document);
        const cents = value.breakdown.reduce((sum, entry) => sum + Math.round(entry.amount * 100), 0);
        // Each material is rounded to the cent on its own: allow a cent per material.
        const materials = flattenComposition(document).components.reduce((n, c) => n + c.materials.length, 0);
        return Math.round(value.amount * 100) === cents && value.amount >= materialFloor(document) - 0.01 * (materials + 1);
      }),
      { numRuns: 500 },
    );
  });

  it('every component is covered exactly once: by its own entry or by one ancestor reused whole', () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const value = valueOf(document);
        const paths = flattenComposition(document).components.map((component) => component.path);
        const wholes = value.breakdown.filter((entry) => entry.strategy !== CircularStrategy.RECYCLE).map((entry) => entry.path);
        return paths.every((path) => {
          const own = value.breakdown.filter((entry) => entry.path === path).length;
          const coveringAncestors = wholes.filter((whole) => path.startsWith(`${whole}/`)).length;
          return own + coveringAncestors === 1;
        });
      }),
      { numRuns: 500 },
    );
  });
});
