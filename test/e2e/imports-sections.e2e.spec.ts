import { registerInput } from '../support/factories';
import { uploadNdjson, waitForRun } from '../support/imports';
import { TestApp, type TestOrganization } from '../support/test-app';

/** A PV module (composition 1.2) with a carbon footprint, lead in its solder and a 25-year lifetime. */
function pvModule(solderMassKg: number): Record<string, any> {
  return {
    schemaVersion: '1.2',
    productMassKg: 20,
    utility: { lifetimeYears: 25 },
    components: [
      {
        key: 'laminate',
        name: 'Laminate',
        quantity: 1,
        massKg: 20,
        materials: [
          { name: 'Solar glass', casNumber: '65997-17-3', massKg: 20 - solderMassKg },
          {
            name: 'Tin-lead solder',
            element: 'Sn',
            massKg: solderMassKg,
            substancesOfConcern: [{ name: 'Lead', casNumber: '7439-92-1', ecNumber: '231-100-4', concentrationPct: 36, location: 'cell ribbons' }],
          },
        ],
        components: [],
      },
    ],
    environmentalImpact: { carbonFootprint: { kgCO2e: 500, declaredUnit: 'PRODUCT', lifecycleStages: ['A1-A3'] } },
  };
}

const SECTIONS = `query($id: ID!) { passport(id: $id) {
  revision createdAt expectedEndOfLife
  environmentalImpact { carbonFootprintKgCO2ePerProduct }
  substancesOfConcern { name location concentrationPct }
} }`;

const SEARCH = `query { componentsContaining(first: 10, filter: { substanceOfConcern: true }) { edges { node {
  passport { id } material { name } substanceOfConcern { name }
} } } }`;

describe('imports: the sections of composition 1.2 land as a registration would write them', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    recycler = await t.organization('RECYCLER');
  });
  afterAll(() => t.close());

  it('stores substances of concern, the per-product footprint and the expected end of life, and replaces them on a revision', async () => {
    const row = registerInput({ cluster: 'SOLAR_PV', composition: pvModule(0.1) }, maker) as Record<string, any>;
    const first = await uploadNdjson(t, maker.key, `${JSON.stringify(row)}\n`);
    const run = await waitForRun(t, maker.key, first.body.id, 'CREATED');
    expect(run.counts).toEqual({ created: 1, revised: 0, unchanged: 0, failed: 0 });
    const id = run.rows.edges[0].node.passportId;
    const published = await t.gql('mutation($id: ID!) { publishPassport(passportId: $id) { status } }', { id }, maker.key);
    expect(published.data.publishPassport.status).toBe('PUBLISHED');

    const created = (await t.gql(SECTIONS, { id }, recycler.key)).data.passport;
    expect(created.environmentalImpact).toEqual({ carbonFootprintKgCO2ePerProduct: 500 });
    expect(created.substancesOfConcern).toEqual([{ name: 'Lead', location: 'cell ribbons', concentrationPct: 36 }]);
    const endOfLife = new Date(created.createdAt);
    endOfLife.setUTCFullYear(endOfLife.getUTCFullYear() + 25);
    expect(new Date(created.expectedEndOfLife).toISOString()).toBe(endOfLife.toISOString());
    const hits = (await t.gql(SEARCH, {}, recycler.key)).data.componentsContaining.edges.map((edge: any) => edge.node);
    expect(hits).toEqual([{ passport: { id }, material: { name: 'Tin-lead solder' }, substanceOfConcern: { name: 'Lead' } }]);

    // The same identity with a lead-free module: the substance rows go with the old revision.
    const leadFree = pvModule(0.1);
    delete leadFree.components[0].materials[1].substancesOfConcern;
    leadFree.environmentalImpact.carbonFootprint.kgCO2e = 450;
    const second = await uploadNdjson(t, maker.key, `${JSON.stringify({ ...row, composition: leadFree })}\n`);
    expect((await waitForRun(t, maker.key, second.body.id)).counts).toEqual({ created: 0, revised: 1, unchanged: 0, failed: 0 });
    const revised = (await t.gql(SECTIONS, { id }, recycler.key)).data.passport;
    expect(revised).toMatchObject({ revision: 2, environmentalImpact: { carbonFootprintKgCO2ePerProduct: 450 }, substancesOfConcern: [] });
    expect(revised.expectedEndOfLife).toBe(created.expectedEndOfLife);
    expect((await t.gql(SEARCH, {}, recycler.key)).data.componentsContaining.edges).toEqual([]);
  });
});
