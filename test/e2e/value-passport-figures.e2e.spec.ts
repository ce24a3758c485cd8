import { type CompositionDocument, flattenComposition } from '@registry/composition';
import { assessCircularity, assessReuseValue } from '@registry/value';
import { compositionFixtures, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const FIGURES = `query($id: ID!) { passport(id: $id) { id revision
  circularity { mci lfi utility inputsComplete missingInputs methodVersion
    flows { massKg virginKg wasteKg feedstockRecyclingWasteKg collectionRecyclingWasteKg } }
  reuseValue { amount currency methodVersion valuationDate priceTable { id source date } assumptions
    breakdown { componentKey path unitsPerProduct strategy amount materialValue
      reuse { condition conditionFactor remainingLifeFactor replacementValue dismantlingCost unitAmount }
      materials { componentKey name element massKg recoveryRate pricePerKg amount } } }
} }`;
const CIRCULARITY_ONLY = 'query($id: ID!) { passport(id: $id) { circularity { mci lfi utility inputsComplete missingInputs methodVersion } } }';
const REVISE = 'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }';

const battery = compositionFixtures('ok').find((fixture) => fixture.name === 'battery-ebike-pack.json')!;

/** The UTC dates a figure valued during this test may carry. */
function datesAround(start: Date): string[] {
  return [start, new Date()].map((date) => date.toISOString().slice(0, 10));
}

describe('passport circularity and reuse value over HTTP', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;
  let otherMaker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start();
    [maker, recycler, otherMaker] = await Promise.all([t.organization('MANUFACTURER'), t.organization('RECYCLER'), t.organization('MANUFACTURER')]);
  });
  afterAll(() => t.close());

  it('stores both figures with the revision and answers them with their method, price table and breakdown', async () => {
    const start = new Date();
    const document = battery.document as CompositionDocument;
    const registered = await t.gql(REGISTER, { i: registerInput({ cluster: 'BATTERY', composition: document, publish: true }, maker) }, maker.key);
    expect(registered.errors).toBeUndefined();
    const id = registered.data.registerPassport.id;

    const read = await t.gql(FIGURES, { id }, recycler.key);
    expect(read.errors).toBeUndefined();
    const { circularity, reuseValue } = read.data.passport;

    const flattened = flattenComposition(document);
    expect(circularity).toEqual(assessCircularity(document, flattened));
    expect(circularity.mci).toBeGreaterThan(0);
    expect(circularity.mci).toBeLessThan(1);
    expect(circularity).toMatchObject({ methodVersion: 'EMF-MCI-2019/1', inputsComplete: false, utility: 1.2 });
    // The eight screws are declared by mass only; the pack declares no intensity of use.
    expect(circularity.missingInputs).toEqual(expect.arrayContaining(['/components/4/materials', '/utility/intensityOfUse']));

    expect(datesAround(start)).toContain(reuseValue.valuationDate);
    expect(reuseValue).toEqual(assessReuseValue(document, flattened, new Date(`${reuseValue.valuationDate}T12:00:00Z`)));
    expect(reuseValue).toMatchObject({ currency: 'EUR', methodVersion: '1', priceTable: { id: 'REGISTRY-REF-2026-01', date: '2026-01-01' } });
    // The cell module (new, 310 EUR, 25 EUR to take out) is reused whole, its 40 cells with it.
    const cellModule = reuseValue.breakdown.find((entry: any) => entry.componentKey === 'cell-module');
    expect(cellModule).toMatchObject({ strategy: 'REUSE', amount: 285, reuse: { condition: 'new', unitAmount: 285 } });
    expect(reuseValue.breakdown.some((entry: any) => entry.componentKey === 'cell')).toBe(false);
    expect(cellModule.materials.some((material: any) => material.componentKey === 'cell' && material.element === 'Co')).toBe(true);
  });

  it('shows the circularity indicators to everyone; its inputs and flows, and the reuse value, to legitimate interest only', async () => {
    const { data } = await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key);
    const id = data.registerPassport.id;
    const refusals = (errors: { path?: string[]; extensions?: Record<string, any> }[] | undefined) =>
      errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.requiredTier]).sort();
    const refused = [
      ['passport.circularity.flows', 'FORBIDDEN', 'LEGITIMATE_INTEREST'],
      ['passport.circularity.missingInputs', 'FORBIDDEN', 'LEGITIMATE_INTEREST'],
      ['passport.reuseValue', 'FORBIDDEN', 'LEGITIMATE_INTEREST'],
    ];

    // missingInputs would tell the shape of the component tree, flows its masses.
    for (const key of [null, otherMaker.key]) {
      const outsider = await t.gql(FIGURES, { id }, key);
      expect(outsider.data.passport.circularity).toMatchObject({ methodVersion: 'EMF-MCI-2019/1', mci: expect.any(Number), missingInputs: null, flows: null });
      expect(outsider.data.passport.reuseValue).toBeNull();
      expect(refusals(outsider.errors)).toEqual(refused);
    }

    for (const key of [maker.key, recycler.key]) {
      const allowed = await t.gql(FIGURES, { id }, key);
      expect(allowed.errors).toBeUndefined();
      expect(typeof allowed.data.passport.reuseValue.amount).toBe('number');
      expect(allowed.data.passport.circularity.missingInputs).toEqual(expect.any(Array));
      expect(allowed.data.passport.circularity.flows.massKg).toBeGreaterThan(0);
    }
  });

  it('recomputes the figures for each revision', async () => {
    const first = registerInput({ publish: true }, maker);
    const { data } = await t.gql(REGISTER, { i: first }, maker.key);
    const id = data.registerPassport.id;
    const before = (await t.gql(FIGURES, { id }, maker.key)).data.passport;

    const changed = structuredClone(first.composition) as any;
    changed.components[0].materials[0].recycledContentPct = 90;
    changed.components[0].materials[0].feedstockRecyclingEfficiencyPct = 95;
    changed.components[0].reuse = { replacementValue: 12, currency: 'EUR', expectedLifetimeYears: 8, ageYears: 2, condition: 'good' };
    expect((await t.gql(REVISE, { i: { passportId: id, expectedRevision: 1, composition: changed } }, maker.key)).errors).toBeUndefined();

    const after = (await t.gql(FIGURES, { id }, maker.key)).data.passport;
    expect(after.revision).toBe(2);
    expect(after.circularity).toEqual(assessCircularity(changed, flattenComposition(changed)));
    expect(after.circularity.mci).toBeGreaterThan(before.circularity.mci);
    // 12 x (1 - 2/8) x 0.75 = 6.75 for the housing, against 0.13 EUR of aluminium and magnesium.
    expect(after.reuseValue.breakdown[0]).toMatchObject({ componentKey: 'housing', strategy: 'REUSE', amount: 6.75 });
    expect(after.reuseValue.amount).toBeGreaterThan(before.reuseValue.amount);
  });

  it('answers the figures of many passports in one list', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.gql(REGISTER, { i: registerInput({ publish: true }, maker) }, maker.key)).data.registerPassport.id);
    const list = await t.gql(
      `query($m: ID!) { passports(first: 10, filter: { manufacturerId: $m }) { edges { node { id circularity { mci } reuseValue { amount } } } } }`,
      { m: maker.id },
      recycler.key,
    );
    expect(list.errors).toBeUndefined();
    const nodes = list.data.passports.edges.map((edge: any) => edge.node);
    for (const id of ids) {
      const node = nodes.find((n: any) => n.id === id);
      expect(node.circularity.mci).toBeGreaterThanOrEqual(0);
      expect(typeof node.reuseValue.amount).toBe('number');
    }
  });

  it('refuses inconsistent value inputs at registration, naming the fields', async () => {
    const composition = registerInput().composition as any;
    composition.components[0].materials[0].feedstockRecyclingEfficiencyPct = 0; // with recycledContentPct 50
    composition.components[1].materials[0].collectedForRecyclingPct = 80;
    composition.components[1].materials[0].collectedForReusePct = 40;
    const refused = await t.gql(REGISTER, { i: registerInput({ composition }, maker) }, maker.key);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/components/0/materials/0/feedstockRecyclingEfficiencyPct', keyword: 'feedstockEfficiency' }),
        expect.objectContaining({ path: '/components/1/materials/0', keyword: 'endOfLifeShares' }),
      ]),
    );
  });

  it('accepts the biological-cycle inputs of the composition schema', async () => {
    const composition = registerInput().composition as any;
    composition.components[1].materials[2] = {
      ...composition.components[1].materials[2],
      sustainedBiologicalContentPct: 100,
      collectedForCompostingPct: 60,
      collectedForEnergyRecoveryPct: 40,
    };
    const { data, errors } = await t.gql(REGISTER, { i: registerInput({ composition, publish: true }, maker) }, maker.key);
    expect(errors).toBeUndefined();
    const read = await t.gql(CIRCULARITY_ONLY, { id: data.registerPassport.id });
    expect(read.data.passport.circularity).toEqual(expect.objectContaining({ mci: assessCircularity(composition, flattenComposition(composition)).mci }));
  });
});
