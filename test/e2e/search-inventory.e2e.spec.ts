import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const INVENTORY = `query($groupBy: InventoryGroupBy!, $elements: [String!], $criticalList: String, $cluster: ClusterCode, $status: PassportStatus) {
  materialInventory(groupBy: $groupBy, elements: $elements, criticalList: $criticalList, cluster: $cluster, status: $status) {
    group groupLabel element totalMassKg passportCount componentCount productCount
  }
}`;
const ARCHIVE = 'mutation($id: ID!) { archivePassport(passportId: $id) { status } }';

type Row = {
  group: string;
  groupLabel: string | null;
  element: string;
  totalMassKg: number;
  passportCount: number;
  componentCount: number;
  productCount: number;
};

// One lamp holds 0.0006 kg of antimony: 2 boards x 0.0001 kg plus 2 x 2 driver chips x 0.0001 kg, in 2 components.
const SB_PER_LAMP = 0.0006;
const AL_PER_LAMP = 0.079;

describe('materialInventory: how much of each element sits in each cluster, region and manufacturer', () => {
  let t: TestApp;
  let utrecht: TestOrganization;
  let unplaced: TestOrganization;
  let recycler: TestOrganization;

  const register = async (by: TestOrganization, overrides: Record<string, unknown>): Promise<string> => {
    const res = await t.gql(REGISTER, { i: registerInput({ publish: true, ...overrides }, by) }, by.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport.id;
  };
  const inventory = async (args: Record<string, unknown>, key: string | null = recycler.key) => t.gql<{ materialInventory: Row[] }>(INVENTORY, args, key);
  const rows = async (args: Record<string, unknown>, key: string | null = recycler.key) => {
    const res = await inventory(args, key);
    expect(res.errors).toBeUndefined();
    return res.data!.materialInventory;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    utrecht = await t.organization('MANUFACTURER', { corop: 'CR17' });
    unplaced = await t.organization('MANUFACTURER', { corop: '' });
    recycler = await t.organization('RECYCLER');
    // Utrecht: one ITEM lamp, a BATCH of 100 lamps, and a MODEL passport that does not state a unit count (counts 1).
    await register(utrecht, {});
    await register(utrecht, { granularity: 'BATCH', serialNumber: null, batchNumber: 'B-100', composition: { ...lampComposition(), unitCount: 100 } });
    await register(utrecht, { granularity: 'MODEL', serialNumber: null });
    // Left out of the default (PUBLISHED) inventory: a draft and an archived BATCH of 50.
    await register(utrecht, { publish: false });
    const archived = await register(utrecht, {
      granularity: 'BATCH',
      serialNumber: null,
      batchNumber: 'B-50',
      composition: { ...lampComposition(), unitCount: 50 },
    });
    await t.gql(ARCHIVE, { id: archived }, utrecht.key);
    // A manufacturer without a COROP region: a MODEL passport of 1000 units, in the solar cluster.
    await register(unplaced, { cluster: 'SOLAR_PV', granularity: 'MODEL', serialNumber: null, composition: { ...lampComposition(), unitCount: 1000 } });
  });
  afterAll(() => t.close());

  it('totals an element per cluster, counting every product a BATCH or MODEL passport stands for', async () => {
    expect(await rows({ groupBy: 'CLUSTER', elements: ['Sb'] })).toEqual([
      {
        group: 'HIGH_TECH_EQUIPMENT',
        groupLabel: null,
        element: 'Sb',
        totalMassKg: expect.closeTo(SB_PER_LAMP * 102, 12),
        passportCount: 3,
        componentCount: 6,
        productCount: 102,
      },
      {
        group: 'SOLAR_PV',
        groupLabel: null,
        element: 'Sb',
        totalMassKg: expect.closeTo(SB_PER_LAMP * 1000, 12),
        passportCount: 1,
        componentCount: 2,
        productCount: 1000,
      },
    ]);
  });

  it('groups by COROP region, with "(unknown)" for manufacturers without one, and narrows to a cluster', async () => {
    expect(await rows({ groupBy: 'COROP', elements: ['Sb', 'Al'] })).toEqual([
      {
        group: '(unknown)',
        groupLabel: null,
        element: 'Al',
        totalMassKg: expect.closeTo(AL_PER_LAMP * 1000, 9),
        passportCount: 1,
        componentCount: 1,
        productCount: 1000,
      },
      {
        group: '(unknown)',
        groupLabel: null,
        element: 'Sb',
        totalMassKg: expect.closeTo(SB_PER_LAMP * 1000, 12),
        passportCount: 1,
        componentCount: 2,
        productCount: 1000,
      },
      {
        group: 'CR17',
        groupLabel: null,
        element: 'Al',
        totalMassKg: expect.closeTo(AL_PER_LAMP * 102, 9),
        passportCount: 3,
        componentCount: 3,
        productCount: 102,
      },
      {
        group: 'CR17',
        groupLabel: null,
        element: 'Sb',
        totalMassKg: expect.closeTo(SB_PER_LAMP * 102, 12),
        passportCount: 3,
        componentCount: 6,
        productCount: 102,
      },
    ]);
    const solar = await rows({ groupBy: 'COROP', elements: ['Sb', 'Al'], cluster: 'SOLAR_PV' });
    expect(solar.map((row) => `${row.group} ${row.element}`)).toEqual(['(unknown) Al', '(unknown) Sb']);
  });

  it('groups by manufacturer with its name, and totals every element of a critical list', async () => {
    const byMaker = await rows({ groupBy: 'MANUFACTURER', criticalList: 'NL-CMI-FOCUS', cluster: 'HIGH_TECH_EQUIPMENT' });
    const name = (await t.gql('query($id: ID!) { organization(id: $id) { name } }', { id: utrecht.id })).data.organization.name;
    expect(byMaker.map((row) => [row.group, row.element])).toEqual([
      [utrecht.id, 'Al'],
      [utrecht.id, 'Mg'],
      [utrecht.id, 'Sb'],
    ]);
    expect(byMaker.map((row) => row.groupLabel)).toEqual([name, name, name]);
    expect(byMaker[1]).toMatchObject({ totalMassKg: expect.closeTo(0.001 * 102, 12), productCount: 102 });
    // elements and criticalList together: their intersection.
    expect((await rows({ groupBy: 'CLUSTER', criticalList: 'NL-CMI-FOCUS', elements: ['Mg', 'Cu'] })).map((row) => row.element)).toEqual(['Mg', 'Mg']);
  });

  it('reports other statuses when asked', async () => {
    expect(await rows({ groupBy: 'CLUSTER', elements: ['Sb'], status: 'ARCHIVED' })).toEqual([
      {
        group: 'HIGH_TECH_EQUIPMENT',
        groupLabel: null,
        element: 'Sb',
        totalMassKg: expect.closeTo(SB_PER_LAMP * 50, 12),
        passportCount: 1,
        componentCount: 2,
        productCount: 50,
      },
    ]);
  });

  it('needs elements or a critical list, and names a bad element or list', async () => {
    const none = await inventory({ groupBy: 'CLUSTER' });
    expect(none.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [expect.objectContaining({ path: 'elements', keyword: 'required' })],
    });
    const bad = await inventory({ groupBy: 'CLUSTER', elements: ['Sb', 'Xx'], criticalList: 'EU-1999' });
    expect(bad.errors?.[0].extensions?.violations.map((violation: { path: string }) => violation.path)).toEqual(['elements[1]', 'criticalList']);
  });

  it('limits manufacturers to their own passports, keeps drafts from recyclers, and refuses anonymous callers', async () => {
    expect((await rows({ groupBy: 'CLUSTER', elements: ['Sb'] }, unplaced.key)).map((row) => [row.group, row.productCount])).toEqual([['SOLAR_PV', 1000]]);
    expect((await rows({ groupBy: 'CLUSTER', elements: ['Sb'], status: 'DRAFT' }, utrecht.key)).map((row) => row.passportCount)).toEqual([1]);
    const drafts = await inventory({ groupBy: 'CLUSTER', elements: ['Sb'], status: 'DRAFT' });
    expect(drafts.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'status' });
    const anonymous = await inventory({ groupBy: 'CLUSTER', elements: ['Sb'] }, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
