import { REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const MAGNETS = { Nd: 0.345, Pr: 0.09, Dy: 0.045, Fe: 0.99, B: 0.015, Co: 0.015 };
const SEGMENTS = 1200;

/** The magnet supplier's product: 1200 NdFeB segments of 1.5 kg, 1800 kg in all. */
function magnetSet(): Record<string, unknown> {
  return {
    schemaVersion: '1.0',
    productMassKg: 1800,
    components: [
      {
        key: 'segment',
        name: 'NdFeB magnet segment',
        quantity: SEGMENTS,
        massKg: 1.5,
        materials: Object.entries(MAGNETS).map(([element, massKg]) => ({ name: element, element, massKg })),
        components: [],
      },
    ],
  };
}

/** A direct-drive nacelle whose generator rotor holds the supplier's magnet set, named by `passportRef` only. */
function nacelle(passportRef: string, magnetMassKg = 1800): Record<string, unknown> {
  return {
    schemaVersion: '1.0',
    productMassKg: 74200 + magnetMassKg,
    components: [
      {
        key: 'generator',
        name: 'Generator',
        quantity: 1,
        massKg: 48200 + magnetMassKg,
        materials: [{ name: 'Structural steel (housing)', element: 'Fe', massKg: 3700 }],
        components: [
          {
            key: 'generator-rotor',
            name: 'Generator rotor',
            quantity: 1,
            massKg: 18000 + magnetMassKg,
            materials: [{ name: 'Structural steel', element: 'Fe', massKg: 18000 }],
            components: [{ key: 'magnet-set', name: 'Permanent magnet set', quantity: 1, massKg: magnetMassKg, passportRef, materials: [], components: [] }],
          },
          {
            key: 'generator-stator',
            name: 'Generator stator',
            quantity: 1,
            massKg: 26500,
            materials: [
              { name: 'Electrical steel', element: 'Fe', massKg: 20000 },
              { name: 'Copper windings', element: 'Cu', massKg: 6500 },
            ],
            components: [],
          },
        ],
      },
      {
        key: 'bedplate',
        name: 'Bedplate',
        quantity: 1,
        massKg: 26000,
        materials: [{ name: 'Ductile iron', element: 'Fe', massKg: 26000 }],
        components: [],
      },
    ],
  };
}

const CRITICAL = `query($id: ID!) { passport(id: $id) {
  criticalMaterials { element massKg linkedMassWithheld }
  components { key materials { element } }
  links(relation: HAS_COMPONENT) { edges { node { relation componentKey passportId passport { id productName components { key materials { element massKg } } } } } }
} }`;
const COMPONENT_OF = `query($id: ID!) { passport(id: $id) { links(relation: COMPONENT_OF) { edges { node { relation componentKey passport { id } } } } } }`;
const INVENTORY = `query { materialInventory(groupBy: CLUSTER, elements: ["Nd", "Dy"]) { group element totalMassKg passportCount } }`;
const SET_ACCESS = `mutation($id: ID!, $i: CompositionAccessInput!) { setCompositionAccess(passportId: $id, input: $i) { id compositionAccess { restricted organizationIds } } }`;
const HITS = `query { componentsContaining(filter: { element: "Nd" }, first: 100) { edges { node { passport { id } } } } }`;
const SUPPLIER_COMPOSITION = `query($id: ID!) { passport(id: $id) { productName components { key } criticalMaterials { element massKg } } }`;
const MODEL = `query($id: ID!) { passport(id: $id) { granularity model { id granularity } } }`;
const REVISE = `mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }`;

describe('linked component passports: a wind turbine counts its magnet supplier’s Nd and Dy without revealing the supplier’s composition', () => {
  let t: TestApp;
  let supplier: TestOrganization;
  let turbineMaker: TestOrganization;
  /** The recycler the supplier granted its composition to. */
  let recycler: TestOrganization;
  /** A recycler the supplier did not name: a RECYCLER key holding LEGITIMATE_INTEREST, but not on the supplier's passport. */
  let otherRecycler: TestOrganization;
  let magnetsId: string;
  let magnetsLink: string;
  let turbineId: string;

  const register = async (by: TestOrganization, input: Record<string, unknown>) => t.gql(REGISTER, { i: registerInput(input, by) }, by.key);

  beforeAll(async () => {
    t = await TestApp.start();
    supplier = await t.organization('MANUFACTURER');
    turbineMaker = await t.organization('MANUFACTURER');
    recycler = await t.organization('RECYCLER');
    otherRecycler = await t.organization('RECYCLER');
    const magnets = await register(supplier, {
      productName: 'NdFeB magnet set, 3.6 MW',
      cluster: 'WIND_PARK',
      serialNumber: 'MS-0001',
      composition: magnetSet(),
      publish: true,
    });
    expect(magnets.errors).toBeUndefined();
    magnetsId = magnets.data.registerPassport.id;
    magnetsLink = `https://id.example.org/01/${magnets.data.registerPassport.gtin}/21/MS-0001`;
    // The supplier keeps its magnet composition to the recycler it works with.
    const restricted = await t.gql(SET_ACCESS, { id: magnetsId, i: { restricted: true, organizationIds: [recycler.id] } }, supplier.key);
    expect(restricted.errors).toBeUndefined();
    expect(restricted.data.setCompositionAccess.compositionAccess).toEqual({ restricted: true, organizationIds: [recycler.id] });
    const turbine = await register(turbineMaker, {
      productName: 'Direct-drive nacelle 3.6 MW',
      cluster: 'WIND_PARK',
      composition: nacelle(magnetsLink),
      publish: true,
    });
    expect(turbine.errors).toBeUndefined();
    turbineId = turbine.data.registerPassport.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it("counts the supplier's Nd and Dy in the turbine's totals, and shows the supplier's materials to the recycler it granted", async () => {
    const res = await t.gql(CRITICAL, { id: turbineId }, recycler.key);
    expect(res.errors).toBeUndefined();
    const critical = Object.fromEntries(res.data.passport.criticalMaterials.map((m: any) => [m.element, m]));
    // 1200 segments x 0.345 kg Nd = 414 kg; x 0.045 kg Dy = 54 kg.
    expect(critical.Nd.massKg).toBeCloseTo(SEGMENTS * MAGNETS.Nd, 6);
    expect(critical.Dy.massKg).toBeCloseTo(SEGMENTS * MAGNETS.Dy, 6);
    expect(critical.Nd.linkedMassWithheld).toBe(false);
    // The turbine's own document discloses no magnet material: the magnet set lists none.
    expect(res.data.passport.components.find((c: any) => c.key === 'magnet-set').materials).toEqual([]);
    const [link] = res.data.passport.links.edges.map((edge: any) => edge.node);
    expect(link).toMatchObject({ relation: 'HAS_COMPONENT', componentKey: 'magnet-set', passportId: magnetsId });
    expect(link.passport.components[0].materials.map((m: any) => m.element)).toEqual(Object.keys(MAGNETS));
  });

  it('withholds the linked mass and the supplier’s materials from a recycler the supplier did not grant', async () => {
    // The turbine's own composition is the other recycler's to read; the supplier's is not: its mass is left out.
    const other = await t.gql(CRITICAL, { id: turbineId }, otherRecycler.key);
    const critical = Object.fromEntries(other.data.passport.criticalMaterials.map((m: any) => [m.element, m]));
    expect(critical.Nd).toEqual({ element: 'Nd', massKg: 0, linkedMassWithheld: true });
    expect(critical.Dy).toEqual({ element: 'Dy', massKg: 0, linkedMassWithheld: true });
    expect(other.data.passport.components.find((c: any) => c.key === 'magnet-set').materials).toEqual([]);
    const [link] = other.data.passport.links.edges.map((edge: any) => edge.node);
    expect(link).toMatchObject({
      componentKey: 'magnet-set',
      passportId: magnetsId,
      passport: { id: magnetsId, productName: 'NdFeB magnet set, 3.6 MW', components: null },
    });
    expect(other.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'FORBIDDEN', requiredTier: 'LEGITIMATE_INTEREST', field: 'Passport.components' }),
      }),
    ]);

    // Read directly, the supplier's passport keeps its public fields and withholds the rest.
    const direct = await t.gql(SUPPLIER_COMPOSITION, { id: magnetsId }, otherRecycler.key);
    expect(direct.data.passport).toMatchObject({ productName: 'NdFeB magnet set, 3.6 MW', components: null });
    expect(direct.data.passport.criticalMaterials.find((m: any) => m.element === 'Nd')).toEqual({ element: 'Nd', massKg: null });
    expect(direct.errors?.map((e: any) => e.extensions.field)).toEqual(expect.arrayContaining(['Passport.components', 'CriticalMaterial.massKg']));
    const granted = await t.gql(SUPPLIER_COMPOSITION, { id: magnetsId }, recycler.key);
    expect(granted.errors).toBeUndefined();
    expect(granted.data.passport.components).toEqual([{ key: 'segment' }]);

    // Searches and inventories: no hit on the supplier's passport, no supplier Nd in the turbine's total.
    const hitsOf = async (by: TestOrganization) =>
      ((await t.gql(HITS, {}, by.key)).data.componentsContaining.edges as any[]).map((edge) => edge.node.passport.id);
    expect(await hitsOf(recycler)).toContain(magnetsId);
    expect(await hitsOf(otherRecycler)).not.toContain(magnetsId);
    const inventory = await t.gql(INVENTORY, {}, otherRecycler.key);
    expect(inventory.errors).toBeUndefined();
    const ndRows = inventory.data.materialInventory.filter((row: any) => row.element === 'Nd');
    expect(ndRows).toHaveLength(1);
    expect(ndRows[0].totalMassKg).toBeCloseTo(0, 6);

    // The turbine's owner reads its own turbine, but not the supplier's composition: the magnets' mass is left out.
    const owner = await t.gql(CRITICAL, { id: turbineId }, turbineMaker.key);
    const nd = owner.data.passport.criticalMaterials.find((m: any) => m.element === 'Nd');
    expect(nd).toEqual({ element: 'Nd', massKg: 0, linkedMassWithheld: true });
    expect(owner.data.passport.links.edges[0].node.passport.components).toBeNull();
    expect(owner.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', requiredTier: 'LEGITIMATE_INTEREST' }) }),
    ]);
    const cobalt = owner.data.passport.criticalMaterials.find((m: any) => m.element === 'Co');
    expect(cobalt).toMatchObject({ linkedMassWithheld: true });
  });

  it('counts the supplier’s magnets once in the cluster’s critical materials, and not at all for a recycler it did not grant', async () => {
    const clusterNd = async (by: TestOrganization) => {
      const res = await t.gql('query { clusterSummary(cluster: WIND_PARK) { criticalMaterials { element massKg } } }', {}, by.key);
      expect(res.errors).toBeUndefined();
      return res.data.clusterSummary.criticalMaterials.find((row: any) => row.element === 'Nd')?.massKg ?? 0;
    };
    // In the turbine that holds them, not again on the supplier's own passport.
    expect(await clusterNd(recycler)).toBeCloseTo(SEGMENTS * MAGNETS.Nd, 3);
    expect(await clusterNd(otherRecycler)).toBeCloseTo(0, 6);
  });

  it('refuses composition access set by another organization or naming an unknown organization, and lifts a restriction', async () => {
    const foreign = await t.gql(SET_ACCESS, { id: magnetsId, i: { restricted: false } }, turbineMaker.key);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredTier: 'OWNER' });
    const unknown = await t.gql(
      SET_ACCESS,
      { id: magnetsId, i: { restricted: true, organizationIds: [recycler.id, '00000000-0000-4000-8000-000000000000'] } },
      supplier.key,
    );
    expect(unknown.errors?.[0].extensions?.violations).toEqual([expect.objectContaining({ path: 'input.organizationIds.1', keyword: 'exists' })]);
    const owner = await t.gql(`query($id: ID!) { passport(id: $id) { compositionAccess { restricted organizationIds } } }`, { id: magnetsId }, supplier.key);
    expect(owner.data.passport.compositionAccess).toEqual({ restricted: true, organizationIds: [recycler.id] });
    const other = await t.gql(`query($id: ID!) { passport(id: $id) { compositionAccess { restricted } } }`, { id: magnetsId }, recycler.key);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredTier: 'OWNER' });

    const lifted = await t.gql(SET_ACCESS, { id: magnetsId, i: { restricted: false } }, supplier.key);
    expect(lifted.data.setCompositionAccess.compositionAccess).toEqual({ restricted: false, organizationIds: [] });
    const nowOther = await t.gql(CRITICAL, { id: turbineId }, otherRecycler.key);
    expect(nowOther.errors).toBeUndefined();
    expect(nowOther.data.passport.criticalMaterials.find((m: any) => m.element === 'Nd').massKg).toBeCloseTo(SEGMENTS * MAGNETS.Nd, 6);
    const restored = await t.gql(SET_ACCESS, { id: magnetsId, i: { restricted: true, organizationIds: [recycler.id] } }, supplier.key);
    expect(restored.errors).toBeUndefined();
  });

  it('links back from the supplier’s passport, and counts each kilogram once in inventories', async () => {
    const back = await t.gql(COMPONENT_OF, { id: magnetsId }, recycler.key);
    expect(back.data.passport.links.edges).toEqual([{ node: { relation: 'COMPONENT_OF', componentKey: 'magnet-set', passport: { id: turbineId } } }]);
    const inventory = await t.gql(INVENTORY, {}, recycler.key);
    expect(inventory.errors).toBeUndefined();
    // The magnet set sits in the turbine: counted there, not again on its own passport.
    const nd = inventory.data.materialInventory.filter((row: any) => row.element === 'Nd');
    expect(nd).toHaveLength(1);
    expect(nd[0]).toMatchObject({ group: 'WIND_PARK', passportCount: 1 });
    expect(nd[0].totalMassKg).toBeCloseTo(SEGMENTS * MAGNETS.Nd, 6);
  });

  it('refuses a link to a missing or unpublished passport, or of the wrong mass, naming the document path', async () => {
    const missing = await register(turbineMaker, { cluster: 'WIND_PARK', composition: nacelle('00000000-0000-4000-8000-000000000000') });
    expect(missing.errors?.[0].extensions?.violations).toEqual([
      expect.objectContaining({ path: '/components/0/components/0/components/0/passportRef', keyword: 'passportRef' }),
    ]);
    const draft = await register(supplier, { cluster: 'WIND_PARK', composition: magnetSet() });
    const toDraft = await register(turbineMaker, { cluster: 'WIND_PARK', composition: nacelle(draft.data.registerPassport.id) });
    expect(toDraft.errors?.[0].extensions?.violations).toEqual([expect.objectContaining({ keyword: 'passportRef' })]);
    const notALink = await register(turbineMaker, { cluster: 'WIND_PARK', composition: nacelle('https://id.example.org/products/magnets') });
    expect(notALink.errors?.[0].extensions?.violations).toEqual([expect.objectContaining({ keyword: 'passportRef' })]);
    // 1850 kg against the linked 1800 kg: over 1 %.
    const heavier = await register(turbineMaker, { cluster: 'WIND_PARK', composition: nacelle(magnetsId, 1850) });
    expect(heavier.errors?.[0].extensions?.violations).toEqual([
      expect.objectContaining({ path: '/components/0/components/0/components/0/massKg', keyword: 'linkedMass' }),
    ]);
    // Within 1 %: accepted (by id this time).
    const close = await register(turbineMaker, { cluster: 'WIND_PARK', composition: nacelle(magnetsId, 1810) });
    expect(close.errors).toBeUndefined();
  });

  it('drops the link and its mass when a revision no longer names the passport', async () => {
    const document = nacelle(magnetsLink);
    const generator = (document.components as any[])[0];
    const rotor = generator.components[0];
    rotor.components[0] = { ...rotor.components[0], passportRef: undefined, materials: [{ name: 'Ferrite', element: 'Fe', massKg: 1800 }] };
    delete rotor.components[0].passportRef;
    const revised = await t.gql(REVISE, { i: { passportId: turbineId, expectedRevision: 1, composition: document } }, turbineMaker.key);
    expect(revised.errors).toBeUndefined();
    const res = await t.gql(CRITICAL, { id: turbineId }, recycler.key);
    expect(res.data.passport.criticalMaterials.map((m: any) => m.element)).not.toContain('Nd');
    expect(res.data.passport.links.edges).toEqual([]);
  });

  it('links ITEM and BATCH passports of a GTIN to its MODEL passport', async () => {
    const model = await register(supplier, { granularity: 'MODEL', serialNumber: null, cluster: 'WIND_PARK', composition: magnetSet(), publish: true });
    const gtin = model.data.registerPassport.gtin;
    const item = await register(supplier, { gtin, serialNumber: 'MS-0002', cluster: 'WIND_PARK', composition: magnetSet(), publish: true });
    const res = await t.gql(MODEL, { id: item.data.registerPassport.id }, null);
    expect(res.data.passport).toEqual({ granularity: 'ITEM', model: { id: model.data.registerPassport.id, granularity: 'MODEL' } });
    expect((await t.gql(MODEL, { id: model.data.registerPassport.id }, null)).data.passport.model).toBeNull();
  });
});
