import { type CompositionDocument, flattenComposition } from '@registry/composition';
import { assessCircularity, assessReuseValue } from '@registry/value';
import { compositionFixtures, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const SUMMARY = `query($c: ClusterCode!) { clusterSummary(cluster: $c) {
  cluster passportsByStatus { status count } productUnits totalMassKg averageMci passportsWithMci
  criticalMaterials { element elementName massKg lists }
  totalReuseValue { amount currency passportCount }
} }`;
const PUBLIC_PART = `query($c: ClusterCode!) { clusterSummary(cluster: $c) {
  cluster passportsByStatus { status count } productUnits totalMassKg averageMci passportsWithMci } }`;
const ARCHIVE = 'mutation($id: ID!) { archivePassport(passportId: $id) { status } }';

const solar = compositionFixtures('ok').find((fixture) => fixture.name === 'solar-panel-400w.json')!.document as CompositionDocument;

/** The per-product mass of each element of a document. */
function elementMasses(document: CompositionDocument): Map<string, number> {
  const masses = new Map<string, number>();
  for (const component of flattenComposition(document).components) {
    for (const material of component.materials) {
      if (material.elementSymbol) masses.set(material.elementSymbol, (masses.get(material.elementSymbol) ?? 0) + material.massKgPerProduct);
    }
  }
  return masses;
}

describe('clusterSummary over HTTP', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;
  let auditor: TestOrganization;

  // SOLAR_PV: a published ITEM panel (1 unit), a published BATCH of 5 panels with more recycled aluminium, a draft
  // and an archived panel, which count by status only.
  const batch = structuredClone(solar) as any;
  batch.unitCount = 5;
  batch.components[1].materials[0].recycledContentPct = 80;
  batch.components[1].materials[0].feedstockRecyclingEfficiencyPct = 95;

  beforeAll(async () => {
    t = await TestApp.start();
    [maker, recycler, auditor] = await Promise.all([t.organization('MANUFACTURER'), t.organization('RECYCLER'), t.organization('AUDITOR')]);
    const register = async (overrides: Record<string, unknown>) => {
      const result = await t.gql(REGISTER, { i: registerInput({ cluster: 'SOLAR_PV', productName: 'Solar panel 400 Wp', ...overrides }, maker) }, maker.key);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data.registerPassport.id as string;
    };
    await register({ composition: solar, publish: true });
    await register({ composition: batch, granularity: 'BATCH', serialNumber: null, batchNumber: 'B-1', publish: true });
    await register({ composition: solar });
    const archived = await register({ composition: solar, publish: true });
    await t.gql(ARCHIVE, { id: archived }, maker.key);
    // Another cluster, which must not leak into SOLAR_PV.
    await register({ cluster: 'HIGH_TECH_EQUIPMENT', publish: true });
  });
  afterAll(() => t.close());

  it('sums the published passports of the cluster, each counted unitCount times', async () => {
    const summary = await t.gql(SUMMARY, { c: 'SOLAR_PV' }, recycler.key);
    expect(summary.errors).toBeUndefined();
    const s = summary.data.clusterSummary;
    expect(s.cluster).toBe('SOLAR_PV');
    // The maker's draft is not the recycler's business (see the test of drafts below).
    expect(s.passportsByStatus).toEqual([
      { status: 'DRAFT', count: 0 },
      { status: 'PUBLISHED', count: 2 },
      { status: 'ARCHIVED', count: 1 },
    ]);
    expect(s.productUnits).toBe(6);
    expect(s.totalMassKg).toBeCloseTo(6 * 20.686, 6);

    const single = flattenComposition(solar);
    const mciOne = assessCircularity(solar, single).mci;
    const mciBatch = assessCircularity(batch, flattenComposition(batch)).mci;
    expect(mciBatch).toBeGreaterThan(mciOne);
    expect(s.passportsWithMci).toBe(2);
    expect(s.averageMci).toBeCloseTo((mciOne + 5 * mciBatch) / 6, 6);

    // Critical elements: per-product masses x units; aluminium, copper, magnesium, silicon and silver are on the lists.
    const masses = elementMasses(solar);
    const byElement = new Map(s.criticalMaterials.map((m: any) => [m.element, m]));
    for (const element of ['Al', 'Cu', 'Mg', 'Si']) {
      expect((byElement.get(element) as any).massKg).toBeCloseTo(6 * masses.get(element)!, 6);
    }
    expect(byElement.get('Al')).toMatchObject({ elementName: 'Aluminium', lists: expect.arrayContaining(['EU-CRMA-2024-CRITICAL', 'NL-CMI-FOCUS']) });
    expect(byElement.has('Sn')).toBe(false); // tin is on no list
    const order = s.criticalMaterials.map((m: any) => m.massKg);
    expect(order).toEqual([...order].sort((a: number, b: number) => b - a));

    const date = new Date();
    const value = (document: CompositionDocument) => assessReuseValue(document, flattenComposition(document), date).amount;
    expect(s.totalReuseValue).toEqual({ amount: expect.closeTo(value(solar) + 5 * value(batch), 2), currency: 'EUR', passportCount: 2 });
  });

  it('answers an empty cluster with zeros', async () => {
    const { data, errors } = await t.gql(SUMMARY, { c: 'WIND_PARK' }, auditor.key);
    expect(errors).toBeUndefined();
    expect(data.clusterSummary).toEqual({
      cluster: 'WIND_PARK',
      passportsByStatus: [
        { status: 'DRAFT', count: 0 },
        { status: 'PUBLISHED', count: 0 },
        { status: 'ARCHIVED', count: 0 },
      ],
      productUnits: 0,
      totalMassKg: 0,
      averageMci: null,
      passportsWithMci: 0,
      criticalMaterials: [],
      totalReuseValue: { amount: 0, currency: 'EUR', passportCount: 0 },
    });
  });

  it('gives counts, mass and MCI to everyone, and the sums of tiered data to RECYCLER and AUDITOR keys only', async () => {
    const anonymous = await t.gql(PUBLIC_PART, { c: 'SOLAR_PV' });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.clusterSummary.productUnits).toBe(6);

    for (const key of [undefined, maker.key]) {
      const refused = await t.gql(SUMMARY, { c: 'SOLAR_PV' }, key);
      expect(refused.data.clusterSummary).toMatchObject({ productUnits: 6, criticalMaterials: null, totalReuseValue: null });
      expect(refused.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.requiredTier]).sort()).toEqual([
        ['clusterSummary.criticalMaterials', 'FORBIDDEN', 'LEGITIMATE_INTEREST'],
        ['clusterSummary.totalReuseValue', 'FORBIDDEN', 'LEGITIMATE_INTEREST'],
      ]);
    }
    const admin = await t.gql(SUMMARY, { c: 'SOLAR_PV' }, t.adminKey);
    expect(admin.errors).toBeUndefined();
  });

  it('refuses an unknown cluster', async () => {
    const result = await t.gql(SUMMARY, { c: 'MOON_BASE' }, recycler.key);
    expect(result.errors?.[0].message).toMatch(/MOON_BASE/);
  });
});
