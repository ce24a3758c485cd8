import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ComponentDocument, CompositionDocument, MaterialDocument } from './composition.types';
import { flattenComposition } from './flatten-composition';

/** An inverter: 2 power stages, each with 3 boards, each with 4 capacitors; and a housing. */
function inverterDocument(): CompositionDocument {
  return {
    schemaVersion: '1.0',
    components: [
      {
        key: 'inverter',
        name: 'Inverter power stage',
        quantity: 2,
        massKg: 1.1,
        location: 'rear',
        materials: [{ name: 'Aluminium heat sink', element: 'Al', massKg: 0.5, recycledContentPct: 40 }],
        components: [
          {
            key: 'pcb',
            name: 'Power board',
            quantity: 3,
            massKg: 0.2,
            materials: [
              { name: 'Epoxy resin', casNumber: '25068-38-6', massKg: 0.1 },
              { name: 'Copper', element: 'Cu', casNumber: '7440-50-8', massKg: 0.02, collectedForRecyclingPct: 90 },
            ],
            components: [
              {
                key: 'capacitor',
                name: 'Film capacitor',
                quantity: 4,
                massKg: 0.02,
                materials: [{ name: 'Polypropylene film', casNumber: '9003-07-0', massKg: 0.02 }],
                components: [],
                'x-supplierPart': 'B32674',
              },
            ],
          },
        ],
        dismantling: { fastening: 'screwed', timeMinutes: 5 },
      },
      {
        key: 'housing',
        name: 'Housing',
        quantity: 1,
        massKg: 1.5,
        materials: [{ name: 'Steel', element: 'Fe', massKg: 1.5 }],
        components: [],
      },
    ],
  };
}

describe('flattenComposition', () => {
  it('lists the components depth first in document order with their place in the tree', () => {
    const { components } = flattenComposition(inverterDocument());

    expect(
      components.map(({ position, key, path, depth, parentKey, quantity, unitsPerProduct }) => ({
        position,
        key,
        path,
        depth,
        parentKey,
        quantity,
        unitsPerProduct,
      })),
    ).toEqual([
      { position: 0, key: 'inverter', path: '/inverter', depth: 0, parentKey: null, quantity: 2, unitsPerProduct: 2 },
      { position: 1, key: 'pcb', path: '/inverter/pcb', depth: 1, parentKey: 'inverter', quantity: 3, unitsPerProduct: 6 },
      {
        position: 2,
        key: 'capacitor',
        path: '/inverter/pcb/capacitor',
        depth: 2,
        parentKey: 'pcb',
        quantity: 4,
        unitsPerProduct: 24,
      },
      { position: 3, key: 'housing', path: '/housing', depth: 0, parentKey: null, quantity: 1, unitsPerProduct: 1 },
    ]);
  });

  it('gives each material its mass in one product and a position over the whole document', () => {
    const { components } = flattenComposition(inverterDocument());
    const materials = components.flatMap((component) =>
      component.materials.map(({ position, name, elementSymbol, casNumber, massKgPerProduct, recycledContentPct }) => ({
        component: component.key,
        position,
        name,
        elementSymbol,
        casNumber,
        massKgPerProduct,
        recycledContentPct,
      })),
    );

    expect(materials).toEqual([
      { component: 'inverter', position: 0, name: 'Aluminium heat sink', elementSymbol: 'Al', casNumber: null, massKgPerProduct: 1, recycledContentPct: 40 },
      {
        component: 'pcb',
        position: 1,
        name: 'Epoxy resin',
        elementSymbol: null,
        casNumber: '25068-38-6',
        massKgPerProduct: expect.closeTo(0.6, 12),
        recycledContentPct: null,
      },
      {
        component: 'pcb',
        position: 2,
        name: 'Copper',
        elementSymbol: 'Cu',
        casNumber: '7440-50-8',
        massKgPerProduct: expect.closeTo(0.12, 12),
        recycledContentPct: null,
      },
      {
        component: 'capacitor',
        position: 3,
        name: 'Polypropylene film',
        elementSymbol: null,
        casNumber: '9003-07-0',
        massKgPerProduct: expect.closeTo(0.48, 12),
        recycledContentPct: null,
      },
      { component: 'housing', position: 4, name: 'Steel', elementSymbol: 'Fe', casNumber: null, massKgPerProduct: 1.5, recycledContentPct: null },
    ]);
  });

  it('keeps the remaining fields as details, or null when there are none', () => {
    const { components } = flattenComposition(inverterDocument());
    const [inverter, pcb, capacitor, housing] = components;

    expect(inverter.details).toEqual({ location: 'rear', dismantling: { fastening: 'screwed', timeMinutes: 5 } });
    expect(pcb.details).toBeNull();
    expect(capacitor.details).toEqual({ 'x-supplierPart': 'B32674' });
    expect(housing.details).toBeNull();
    expect(pcb.materials.map((material) => material.details)).toEqual([null, { collectedForRecyclingPct: 90 }]);
    expect(inverter.materials[0].details).toBeNull();
  });

  it('takes the total mass from productMassKg, else from the top-level components', () => {
    const document = inverterDocument();
    expect(flattenComposition(document).totalMassKg).toBeCloseTo(2 * 1.1 + 1.5, 12);
    expect(flattenComposition({ ...document, productMassKg: 3.7 }).totalMassKg).toBe(3.7);
  });

  it('multiplies quantities down to depth 3 (wafer stage fixture)', () => {
    const { document } = JSON.parse(readFileSync(resolve(process.cwd(), 'test/fixtures/compositions/ok/high-tech-wafer-stage.json'), 'utf8')) as {
      document: CompositionDocument;
    };
    const { components, totalMassKg } = flattenComposition(document);
    const coil = components.find((component) => component.key === 'coil')!;

    expect(coil).toMatchObject({
      path: '/stage-module/linear-motor/coil-assembly/coil',
      depth: 3,
      parentKey: 'coil-assembly',
      unitsPerProduct: 1 * 2 * 3 * 12,
    });
    expect(coil.materials[0]).toMatchObject({ elementSymbol: 'Cu', massKg: 0.36 });
    expect(coil.materials[0].massKgPerProduct).toBeCloseTo(0.36 * 72, 9);
    expect(Math.max(...components.map((component) => component.depth))).toBe(3);
    expect(totalMassKg).toBe(document.productMassKg);
  });

  it('preserves the material mass per product (property)', () => {
    const material: fc.Arbitrary<MaterialDocument> = fc.record({
      name: fc.constantFrom('Steel', 'Copper', 'Aluminium'),
      element: fc.constantFrom('Fe', 'Cu', 'Al'),
      massKg: fc.double({ min: 0, max: 1000, noNaN: true }),
    });
    const component = (depth: number): fc.Arbitrary<ComponentDocument> =>
      fc.record({
        key: fc.stringMatching(/^[a-z]{1,8}$/),
        name: fc.constant('Part'),
        quantity: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.001, max: 20, noNaN: true })),
        massKg: fc.constant(0),
        materials: fc.array(material, { maxLength: 4 }),
        components: depth === 0 ? fc.constant([]) : fc.array(component(depth - 1), { maxLength: 3 }),
      });

    // Per unit of a component: its own materials plus its sub-components' per-unit mass times their quantity.
    const materialMassPerUnit = (c: ComponentDocument): number =>
      c.materials.reduce((total, m) => total + m.massKg, 0) + c.components.reduce((total, child) => total + child.quantity * materialMassPerUnit(child), 0);
    const countComponents = (list: ComponentDocument[]): number => list.reduce((total, c) => total + 1 + countComponents(c.components), 0);

    fc.assert(
      fc.property(fc.array(component(3), { minLength: 1, maxLength: 3 }), (components) => {
        const { components: flat } = flattenComposition({ schemaVersion: '1.0', components });
        const flatTotal = flat.flatMap((c) => c.materials).reduce((total, m) => total + m.massKgPerProduct, 0);
        const recursiveTotal = components.reduce((total, c) => total + c.quantity * materialMassPerUnit(c), 0);

        expect(Math.abs(flatTotal - recursiveTotal)).toBeLessThanOrEqual(1e-9 * Math.max(1, recursiveTotal));
        expect(flat.map((c) => c.position)).toEqual([...Array(countComponents(components)).keys()]);
        const materialPositions = flat.flatMap((c) => c.materials.map((m) => m.position));
        expect(materialPositions).toEqual([...Array(materialPositions.length).keys()]);
      }),
    );
  });
});
