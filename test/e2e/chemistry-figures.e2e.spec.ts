// Figures built on element masses, through the API, checked against hand calculations with the IUPAC 2021 standard
// atomic weights: Li 6.94, C 12.011, O 15.999, F 18.998, Mg 24.305, Al 26.982, P 30.974, Mn 54.938, Fe 55.845,
// Co 58.933, Ni 58.693, Sb 121.76.
import { PrismaService } from '@registry/core';
import { ELEMENT_MASS_METHOD } from '@registry/chemistry';
import { ElementRecomputeOnStart } from '@registry/passports';
import { REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const PASSPORT = `query($id: ID!) { passport(id: $id) {
  criticalMaterials { element massKg methodVersion lists { listId materialName form match } }
  components { key materials { name elementShares { element massFraction massKg massKgPerProduct source } } }
} }`;
const SEARCH = `query($f: MaterialSearchInput!) { componentsContaining(filter: $f, first: 20) {
  edges { node { element elementMassKgPerProduct massKgPerProduct material { name } } }
} }`;

const INVENTORY = `query($elements: [String!]) { materialInventory(elements: $elements, groupBy: MANUFACTURER) { element totalMassKg methodVersion } }`;

/** Relative difference, for the 1e-6 agreement the figures must reach. */
const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

// LiFePO4: M = 6.94 + 55.845 + 30.974 + 4 x 15.999 = 157.755 g/mol. LiPF6: M = 6.94 + 30.974 + 6 x 18.998 = 151.902 g/mol.
const LFP = 157.755;
const LIPF6 = 151.902;
/** The e-bike pack: 1.2 kg LFP cathode (CAS only), 0.05 kg LiPF6 (CAS only), 0.8 kg EN AW-6063 housing (fractions). */
const EXPECTED_PACK: Record<string, number> = {
  P: (1.2 * 30.974) / LFP + (0.05 * 30.974) / LIPF6, // 0.235611 + 0.010195 = 0.245806 kg
  Fe: (1.2 * 55.845) / LFP + 0.8 * 0.002, // 0.424798 + 0.0016 = 0.426398 kg
  Li: (1.2 * 6.94) / LFP + (0.05 * 6.94) / LIPF6, // 0.052791 + 0.002284 = 0.055075 kg
  Al: 0.8 * 0.985, // 0.788 kg
  Mg: 0.8 * 0.007, // 0.0056 kg
};

function ebikePack() {
  return {
    schemaVersion: '1.1',
    productMassKg: 2.05,
    components: [
      {
        key: 'cells',
        name: 'Cells',
        quantity: 1,
        massKg: 1.25,
        materials: [
          { name: 'LFP cathode', casNumber: '15365-14-7', massKg: 1.2 },
          { name: 'Electrolyte salt', casNumber: '21324-40-3', massKg: 0.05 },
        ],
        components: [],
      },
      {
        key: 'housing',
        name: 'Housing',
        quantity: 1,
        massKg: 0.8,
        materials: [
          {
            name: 'EN AW-6063',
            elements: [
              { element: 'Al', massFraction: 0.985 },
              { element: 'Mg', massFraction: 0.007 },
              { element: 'Si', massFraction: 0.006 },
              { element: 'Fe', massFraction: 0.002 },
            ],
            massKg: 0.8,
          },
        ],
        components: [],
      },
    ],
  };
}

const oneMaterial = (material: Record<string, unknown>, massKg: number) => ({
  schemaVersion: '1.1',
  components: [{ key: 'part', name: 'Part', quantity: 1, massKg, materials: [{ ...material, massKg }], components: [] }],
});

describe('figures built on element masses', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;

  const register = async (composition: unknown, cluster: string): Promise<string> => {
    const res = await t.gql(REGISTER, { i: registerInput({ composition, cluster, publish: true }, maker) }, maker.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport.id;
  };
  const passport = async (id: string) => {
    const res = await t.gql(PASSPORT, { id }, recycler.key);
    expect(res.errors).toBeUndefined();
    return res.data.passport;
  };
  const totals = (critical: { element: string; massKg: number }[]) => new Map(critical.map((c) => [c.element, c.massKg]));

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    recycler = await t.organization('RECYCLER');
  });
  afterAll(() => t.close());

  it('totals P, Fe, Li, Al and Mg of the LFP e-bike pack as the hand calculation does, with the method version', async () => {
    const id = await register(ebikePack(), 'BATTERY');
    const { criticalMaterials, components } = await passport(id);
    // Iron is on no list, so it is not a critical material: the inventory (the only pack of this maker so far) totals it.
    const inventory = await t.gql(INVENTORY, { elements: Object.keys(EXPECTED_PACK) }, maker.key);
    expect(inventory.errors).toBeUndefined();
    const inventoried = new Map(inventory.data.materialInventory.map((row: { element: string; totalMassKg: number }) => [row.element, row.totalMassKg]));
    for (const [element, expected] of Object.entries(EXPECTED_PACK)) {
      expect({ element, within1e6: relative((inventoried.get(element) as number) ?? 0, expected) < 1e-6 }).toEqual({ element, within1e6: true });
    }
    expect(inventory.data.materialInventory.every((row: { methodVersion: string }) => row.methodVersion === ELEMENT_MASS_METHOD)).toBe(true);
    const mass = totals(criticalMaterials);
    for (const element of ['P', 'Li', 'Al', 'Mg']) expect(relative(mass.get(element)!, EXPECTED_PACK[element])).toBeLessThan(1e-6);
    expect(mass.has('Fe')).toBe(false);
    expect(criticalMaterials.every((c: { methodVersion: string }) => c.methodVersion === ELEMENT_MASS_METHOD)).toBe(true);
    expect(ELEMENT_MASS_METHOD).toBe('element-mass/2 (IUPAC 2021 atomic weights, SUBSTANCES-2026-01)');

    // The cathode's shares come from the reference substance of its CAS number; the alloy's from its fractions.
    const cathode = components[0].materials[0];
    expect(cathode.elementShares.map((s: { element: string; source: string }) => `${s.element}:${s.source}`).sort()).toEqual(
      ['Fe', 'Li', 'O', 'P'].map((e) => `${e}:REFERENCE_SUBSTANCE`),
    );
    const alloyMg = components[1].materials[0].elementShares.find((s: { element: string }) => s.element === 'Mg');
    expect(alloyMg).toMatchObject({ source: 'DECLARED_FRACTIONS', massFraction: 0.007 });
    expect(relative(alloyMg.massKgPerProduct, 0.0056)).toBeLessThan(1e-9);

    // LFP is battery grade: its lithium meets "lithium (battery grade)"; its phosphorus is phosphorus, not phosphate rock.
    const lists = (element: string) => criticalMaterials.find((c: { element: string }) => c.element === element).lists;
    expect(lists('Li')).toContainEqual({ listId: 'EU-CRMA-2024-STRATEGIC', materialName: 'lithium (battery grade)', form: 'BATTERY_GRADE', match: 'FORM' });
    expect(lists('P').map((l: { materialName: string }) => l.materialName)).not.toContain('phosphate rock');
    expect(lists('P')).toContainEqual({ listId: 'NL-CMI-FOCUS', materialName: expect.any(String), form: null, match: 'ELEMENT' });
  });

  it('finds the pack by phosphorus with the element mass per product beside the material mass', async () => {
    const id = await register(ebikePack(), 'BATTERY');
    const res = await t.gql(SEARCH, { f: { element: 'P', cluster: 'BATTERY', manufacturerId: maker.id } }, recycler.key);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.componentsContaining.edges.map((edge: { node: unknown }) => edge.node);
    // Two packs (this one and the first test's), each with the cathode ahead of the salt: heaviest phosphorus first.
    expect(nodes.map((n: { material: { name: string } }) => n.material.name)).toEqual(['LFP cathode', 'LFP cathode', 'Electrolyte salt', 'Electrolyte salt']);
    expect(nodes[0]).toMatchObject({ element: 'P', massKgPerProduct: 1.2 });
    expect(relative(nodes[0].elementMassKgPerProduct, (1.2 * 30.974) / LFP)).toBeLessThan(1e-9);
    expect(relative(nodes[2].elementMassKgPerProduct, (0.05 * 30.974) / LIPF6)).toBeLessThan(1e-9);
    expect(id).toBeDefined();
  });

  it('counts Sb2O3 in solar glass as 83.5 % antimony', async () => {
    // Sb2O3: M = 2 x 121.76 + 3 x 15.999 = 291.517 g/mol; Sb = 243.52 / 291.517 = 0.835354; 0.3 kg holds 0.250606 kg Sb.
    const id = await register(oneMaterial({ name: 'Antimony trioxide', casNumber: '1309-64-4' }, 0.3), 'SOLAR_PV');
    const { criticalMaterials } = await passport(id);
    expect(relative(totals(criticalMaterials).get('Sb')!, 0.3 * (243.52 / 291.517))).toBeLessThan(1e-6);
  });

  it('does not flag the carbon of steel with 0.2 % carbon as coking coal or graphite', async () => {
    const id = await register(
      oneMaterial(
        {
          name: 'Structural steel',
          elements: [
            { element: 'Fe', massFraction: 0.998 },
            { element: 'C', massFraction: 0.002 },
          ],
        },
        1000,
      ),
      'WIND_PARK',
    );
    const { criticalMaterials, components } = await passport(id);
    expect(components[0].materials[0].elementShares.map((s: { element: string }) => s.element)).toEqual(['Fe', 'C']);
    expect(criticalMaterials.map((c: { element: string }) => c.element)).not.toContain('C');
  });

  it('gives an NMC 811 cathode its nickel, manganese and cobalt, the nickel as battery grade', async () => {
    // LiNi0.8Mn0.1Co0.1O2: M = 6.94 + 0.8 x 58.693 + 0.1 x 54.938 + 0.1 x 58.933 + 2 x 15.999 = 97.2795 g/mol.
    // 0.5 kg: Ni 0.5 x 46.9544 / 97.2795 = 0.241338, Mn 0.5 x 5.4938 / 97.2795 = 0.028237, Co 0.5 x 5.8933 / 97.2795 = 0.030291 kg.
    const id = await register(oneMaterial({ name: 'NMC 811 cathode', formula: 'LiNi0.8Mn0.1Co0.1O2', forms: ['battery-grade'] }, 0.5), 'BATTERY');
    const { criticalMaterials } = await passport(id);
    const mass = totals(criticalMaterials);
    expect(relative(mass.get('Ni')!, (0.5 * 0.8 * 58.693) / 97.2795)).toBeLessThan(1e-6);
    expect(relative(mass.get('Mn')!, (0.5 * 0.1 * 54.938) / 97.2795)).toBeLessThan(1e-6);
    expect(relative(mass.get('Co')!, (0.5 * 0.1 * 58.933) / 97.2795)).toBeLessThan(1e-6);
    const nickel = criticalMaterials.find((c: { element: string }) => c.element === 'Ni').lists;
    expect(nickel).toContainEqual({ listId: 'EU-CRMA-2024-CRITICAL', materialName: 'nickel (battery grade)', form: 'BATTERY_GRADE', match: 'FORM' });
  });

  it('refuses chemistry that does not add up, naming each field by its pointer', async () => {
    const composition = {
      schemaVersion: '1.1',
      components: [
        {
          key: 'cells',
          name: 'Cells',
          quantity: 1,
          massKg: 0.4,
          materials: [
            { name: 'Typo', formula: 'LiFe(PO4', massKg: 0.1 },
            {
              name: 'Alloy',
              elements: [
                { element: 'Al', massFraction: 0.9 },
                { element: 'Mg', massFraction: 0.2 },
              ],
              massKg: 0.1,
            },
            { name: 'Not LFP', casNumber: '15365-14-7', formula: 'LiCoO2', massKg: 0.1 },
            { name: 'Trioxide', element: 'P', formula: 'Sb2O3', massKg: 0.1 },
          ],
          components: [],
        },
      ],
    };
    const res = await t.gql(REGISTER, { i: registerInput({ composition, cluster: 'BATTERY' }, maker) }, maker.key);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.violations.map((v: { path: string; keyword: string }) => `${v.path} ${v.keyword}`)).toEqual([
      '/components/0/materials/0/formula formula',
      '/components/0/materials/1/elements/1/massFraction massFractionSum',
      '/components/0/materials/2/formula casFormula',
      '/components/0/materials/3/element declaredElement',
    ]);
  });

  it('recomputes at start the element rows of a passport stored with the old method', async () => {
    const id = await register(ebikePack(), 'BATTERY');
    const prisma = t.app.get(PrismaService);
    // What a registry of the old method holds: no element rows, the cathode counted as nothing.
    await prisma.passportMaterialElement.deleteMany({ where: { passportId: id } });
    await prisma.passportElementTotal.deleteMany({ where: { passportId: id } });
    await prisma.passport.update({ where: { id }, data: { elementMethodVersion: 1 } });
    expect((await passport(id)).criticalMaterials).toEqual([]);

    await restart();
    const mass = totals((await passport(id)).criticalMaterials);
    expect(relative(mass.get('P')!, EXPECTED_PACK.P)).toBeLessThan(1e-6);
    expect((await prisma.passport.findUniqueOrThrow({ where: { id } })).elementMethodVersion).toBe(2);
  });

  /** What the next start runs right after migrations: the application bootstrap hooks. */
  async function restart(): Promise<void> {
    await t.app.get(ElementRecomputeOnStart).onApplicationBootstrap();
  }
});
