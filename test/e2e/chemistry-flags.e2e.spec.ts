// List flags by chemistry wherever they are shown: a material's criticalLists, the public passport view (Digital Link
// JSON and page) and the cluster fact sheet flag the elements a material holds (its element shares, so a material given
// only by CAS number counts) and say whether it meets the form a list entry names.
import { REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const COMPONENTS = `query($id: ID!, $f: ComponentFilter) { passport(id: $id) {
  components(filter: $f) { key materials { name criticalLists { listId materialName form match } } }
} }`;
const PUBLIC_READ = `query($id: ID!) { passport(id: $id) {
  criticalMaterials { element elementName aboveReportingThreshold lists { listId listVersion materialName form match } }
} }`;
const CLUSTER = `query($c: ClusterCode!) { clusterSummary(cluster: $c) { criticalMaterials { element massKg lists } } }`;

/** A cell pack declared the way makers declare chemistry: cathode and anode by CAS number only, the frame by fractions. */
function cellPack() {
  return {
    schemaVersion: '1.1',
    components: [
      {
        key: 'cells',
        name: 'Cells',
        quantity: 1,
        massKg: 1.8,
        materials: [
          { name: 'LFP cathode', casNumber: '15365-14-7', massKg: 1.2 },
          { name: 'Graphite anode', casNumber: '7782-42-5', forms: ['natural-graphite', 'battery-grade'], massKg: 0.6 },
        ],
        components: [],
      },
      {
        key: 'frame',
        name: 'Frame',
        quantity: 1,
        massKg: 3,
        materials: [
          {
            name: 'Steel',
            elements: [
              { element: 'Fe', massFraction: 0.998 },
              { element: 'C', massFraction: 0.002 },
            ],
            massKg: 3,
          },
        ],
        components: [],
      },
    ],
  };
}

type Flag = { listId: string; materialName: string; form: string | null; match: string };

describe('critical list flags by chemistry', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;
  let pack: { id: string; gtin: string; serialNumber: string };

  const register = async (composition: unknown, cluster: string) => {
    const res = await t.gql(REGISTER, { i: registerInput({ composition, cluster, publish: true }, maker) }, maker.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport as { id: string; gtin: string; serialNumber: string };
  };
  const components = async (id: string, filter?: Record<string, unknown>) => {
    const res = await t.gql(COMPONENTS, { id, f: filter ?? null }, recycler.key);
    expect(res.errors).toBeUndefined();
    return res.data.passport.components as { key: string; materials: { name: string; criticalLists: Flag[] }[] }[];
  };

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    recycler = await t.organization('RECYCLER');
    pack = await register(cellPack(), 'BATTERY');
    // A steel frame alone in another cluster.
    await register({ schemaVersion: '1.1', components: [cellPack().components[1]] }, 'WIND_PARK');
  });
  afterAll(() => t.close());

  it('flags a material declared only by CAS number by the elements it holds, with form and match', async () => {
    const [cells, frame] = await components(pack.id);
    const [cathode, anode] = cells.materials;
    // LiFePO4 holds phosphorus (not phosphate rock) and battery-grade lithium.
    expect(cathode.criticalLists).toContainEqual({ listId: 'NL-CMI-FOCUS', materialName: 'phosphorus', form: null, match: 'ELEMENT' });
    expect(cathode.criticalLists).toContainEqual({
      listId: 'EU-CRMA-2024-STRATEGIC',
      materialName: 'lithium (battery grade)',
      form: 'BATTERY_GRADE',
      match: 'FORM',
    });
    expect(cathode.criticalLists.map((flag) => flag.materialName)).not.toContain('phosphate rock');
    expect(anode.criticalLists).toContainEqual({ listId: 'EU-2020', materialName: 'natural graphite', form: 'NATURAL_GRAPHITE', match: 'FORM' });
    expect(anode.criticalLists).toContainEqual({
      listId: 'EU-CRMA-2024-STRATEGIC',
      materialName: 'graphite (battery grade)',
      form: 'BATTERY_GRADE_GRAPHITE',
      match: 'FORM',
    });
    // The carbon of steel is neither coking coal nor graphite, and iron is on no list.
    expect(frame.materials[0].criticalLists).toEqual([]);
    // Each list material once per material.
    expect(new Set(cathode.criticalLists.map((flag) => `${flag.listId}/${flag.materialName}`)).size).toBe(cathode.criticalLists.length);
  });

  it('filters components by the elements their materials hold and by their critical lists', async () => {
    const keys = async (filter: Record<string, unknown>) => (await components(pack.id, filter)).map((component) => component.key);
    expect(await keys({ element: 'P' })).toEqual(['cells']);
    expect(await keys({ element: 'Fe' })).toEqual(['cells', 'frame']);
    expect(await keys({ criticalOnly: true })).toEqual(['cells']);
    expect(await keys({ element: 'C', criticalOnly: true })).toEqual(['cells']);
  });

  it('shows the same flags, form and match in the public view as Passport.criticalMaterials, by symbol and without masses', async () => {
    const res = await t.http().get(`/01/${pack.gtin}/21/${pack.serialNumber}`).set('accept', 'application/json');
    expect(res.status).toBe(200);
    const graphql = (await t.gql(PUBLIC_READ, { id: pack.id })).data.passport.criticalMaterials;
    expect(res.body.criticalMaterials).toEqual(graphql);
    expect(res.body.criticalMaterials.map((m: { element: string }) => m.element)).toEqual(['C', 'Li', 'P']);
    const carbon = res.body.criticalMaterials[0];
    expect(carbon.lists).toContainEqual({ listId: 'EU-2020', listVersion: '2020', materialName: 'natural graphite', form: 'NATURAL_GRAPHITE', match: 'FORM' });
    expect(carbon.lists.map((flag: Flag) => flag.materialName)).not.toContain('coking coal');
    expect(res.text).not.toMatch(/massKg|shareOfProductMass/);

    const page = await t.http().get(`/01/${pack.gtin}/21/${pack.serialNumber}`).set('accept', 'text/html');
    expect(page.text).toContain('EU-2020 (2020): natural graphite (in that form)');
  });

  it('counts graphite in the cluster fact sheet when its materials are graphite, not the carbon of steel', async () => {
    const battery = await t.gql(CLUSTER, { c: 'BATTERY' }, recycler.key);
    expect(battery.errors).toBeUndefined();
    const carbon = battery.data.clusterSummary.criticalMaterials.find((m: { element: string }) => m.element === 'C');
    // 0.6 kg of anode graphite and 3 kg x 0.2 % of steel carbon: the element's mass, flagged because of the anode.
    expect(carbon).toEqual({ element: 'C', massKg: 0.606, lists: expect.arrayContaining(['EU-CRMA-2024-CRITICAL', 'EU-CRMA-2024-STRATEGIC', 'EU-2020']) });
    expect(battery.data.clusterSummary.criticalMaterials.map((m: { element: string }) => m.element)).toEqual(expect.arrayContaining(['Li', 'P']));

    const wind = await t.gql(CLUSTER, { c: 'WIND_PARK' }, recycler.key);
    expect(wind.errors).toBeUndefined();
    expect(wind.data.clusterSummary.criticalMaterials.map((m: { element: string }) => m.element)).not.toContain('C');
  });
});
