import type { CompositionDocument } from '@registry/composition';
import { diffCompositions } from './passport-diff';

function inverter(): CompositionDocument {
  return {
    schemaVersion: '1.0',
    productMassKg: 1.2,
    components: [
      {
        key: 'case',
        name: 'Aluminium case',
        quantity: 1,
        massKg: 0.7,
        location: 'outside',
        materials: [
          { name: 'Aluminium', element: 'Al', casNumber: '7429-90-5', massKg: 0.69, recycledContentPct: 40 },
          { name: 'Magnesium', element: 'Mg', massKg: 0.01 },
        ],
        components: [],
      },
      {
        key: 'pcb',
        name: 'Control board',
        quantity: 1,
        massKg: 0.5,
        materials: [
          { name: 'Copper', element: 'Cu', massKg: 0.2 },
          { name: 'Solder', element: 'Sn', massKg: 0.01 },
          { name: 'Solder', element: 'Sn', massKg: 0.02 },
          { name: 'Laminate', casNumber: '25068-38-6', massKg: 0.27 },
        ],
        components: [],
      },
    ],
  };
}

describe('diffCompositions', () => {
  it('finds nothing between a document and itself, whatever the key order', () => {
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, item]) => [key, reverseKeys(item)]),
            )
          : value;
    const reordered = reverseKeys(inverter()) as CompositionDocument;
    expect(Object.keys(reordered)[0]).toBe('components');
    expect(diffCompositions(inverter(), reordered)).toEqual({ documentFields: [], components: [], totalMassKg: { from: 1.2, to: 1.2 } });
  });

  it('reports a changed material mass and recycled content by component and material', () => {
    const to = inverter();
    to.components[0].materials[0].massKg = 0.6;
    to.components[0].materials[0].recycledContentPct = 75;
    to.components[0].massKg = 0.61;
    to.productMassKg = 1.11;
    const diff = diffCompositions(inverter(), to);
    expect(diff.totalMassKg).toEqual({ from: 1.2, to: 1.11 });
    expect(diff.documentFields).toEqual([{ field: 'productMassKg', from: 1.2, to: 1.11 }]);
    expect(diff.components).toEqual([
      {
        key: 'case',
        path: '/case',
        change: 'CHANGED',
        fields: [{ field: 'massKg', from: 0.7, to: 0.61 }],
        materials: [
          {
            name: 'Aluminium',
            element: 'Al',
            casNumber: '7429-90-5',
            change: 'CHANGED',
            fields: [
              { field: 'massKg', from: 0.69, to: 0.6 },
              { field: 'recycledContentPct', from: 40, to: 75 },
            ],
          },
        ],
      },
    ]);
  });

  it('matches materials by element, CAS number and name, repeated ones in order', () => {
    const to = inverter();
    const pcb = to.components[1];
    pcb.materials = [pcb.materials[3], pcb.materials[0], { ...pcb.materials[2], massKg: 0.03 }, pcb.materials[1]];
    // Reordered: the solders swapped places, so the first Sn now weighs 0.03 and the second 0.01.
    const diff = diffCompositions(inverter(), to);
    expect(diff.components).toEqual([
      {
        key: 'pcb',
        path: '/pcb',
        change: 'CHANGED',
        fields: [],
        materials: [
          { name: 'Solder', element: 'Sn', casNumber: null, change: 'CHANGED', fields: [{ field: 'massKg', from: 0.01, to: 0.03 }] },
          { name: 'Solder', element: 'Sn', casNumber: null, change: 'CHANGED', fields: [{ field: 'massKg', from: 0.02, to: 0.01 }] },
        ],
      },
    ]);
  });

  it('reports added and removed materials and components with their fields', () => {
    const to = inverter();
    to.components[0].materials.pop();
    to.components[0].materials.push({ name: 'Titanium', element: 'Ti', massKg: 0.01 });
    to.components.pop();
    to.components[0].components.push({
      key: 'fan',
      name: 'Fan',
      quantity: 2,
      massKg: 0.05,
      materials: [{ name: 'PA66', casNumber: '32131-17-2', massKg: 0.05 }],
      components: [],
    });
    const diff = diffCompositions(inverter(), to);
    expect(diff.components.map((c) => [c.key, c.path, c.change])).toEqual([
      ['case', '/case', 'CHANGED'],
      ['fan', '/case/fan', 'ADDED'],
      ['pcb', '/pcb', 'REMOVED'],
    ]);
    expect(diff.components[0].materials).toEqual([
      { name: 'Titanium', element: 'Ti', casNumber: null, change: 'ADDED', fields: [{ field: 'massKg', from: null, to: 0.01 }] },
      { name: 'Magnesium', element: 'Mg', casNumber: null, change: 'REMOVED', fields: [{ field: 'massKg', from: 0.01, to: null }] },
    ]);
    expect(diff.components[1].fields).toEqual(
      expect.arrayContaining([
        { field: 'quantity', from: null, to: 2 },
        { field: 'parentKey', from: null, to: 'case' },
      ]),
    );
    expect(diff.components[1].materials).toEqual([
      { name: 'PA66', element: null, casNumber: '32131-17-2', change: 'ADDED', fields: [{ field: 'massKg', from: null, to: 0.05 }] },
    ]);
    expect(diff.components[2].materials.map((m) => m.change)).toEqual(['REMOVED', 'REMOVED', 'REMOVED', 'REMOVED']);
    expect(diff.components[2].fields).toContainEqual({ field: 'name', from: 'Control board', to: null });
  });

  it('reports moved components and changed details such as location and dismantling', () => {
    const to = inverter();
    const pcb = to.components.pop()!;
    to.components[0].components.push(pcb);
    to.components[0].massKg = 1.2;
    to.components[0].location = 'wall side';
    pcb.dismantling = { fastening: 'screwed', timeMinutes: 4 };
    const diff = diffCompositions(inverter(), to);
    expect(diff.components).toEqual([
      {
        key: 'case',
        path: '/case',
        change: 'CHANGED',
        fields: [
          { field: 'massKg', from: 0.7, to: 1.2 },
          { field: 'location', from: 'outside', to: 'wall side' },
        ],
        materials: [],
      },
      {
        key: 'pcb',
        path: '/case/pcb',
        change: 'CHANGED',
        fields: [
          { field: 'path', from: '/pcb', to: '/case/pcb' },
          { field: 'parentKey', from: null, to: 'case' },
          { field: 'dismantling', from: null, to: { fastening: 'screwed', timeMinutes: 4 } },
        ],
        materials: [],
      },
    ]);
  });
});
