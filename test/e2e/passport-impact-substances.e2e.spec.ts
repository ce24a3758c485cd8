import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

/** A 20 kg PV module (composition 1.2): 25 kg CO2e per kg of module, and lead (36 %) in the solder of its cell ribbons. */
function pvModule(): Record<string, any> {
  return {
    schemaVersion: '1.2',
    productMassKg: 20,
    components: [
      {
        key: 'frame',
        name: 'Aluminium frame',
        quantity: 1,
        massKg: 2.5,
        materials: [{ name: 'Aluminium', element: 'Al', casNumber: '7429-90-5', massKg: 2.5, recycledContentPct: 40 }],
        components: [],
        environmentalImpact: { carbonFootprint: { kgCO2e: 30, declaredUnit: 'PRODUCT', lifecycleStages: ['A1-A3'] } },
      },
      {
        key: 'laminate',
        name: 'Laminate',
        location: 'behind the front glass',
        quantity: 1,
        massKg: 17.5,
        materials: [
          { name: 'Solar glass', casNumber: '65997-17-3', massKg: 17.4 },
          {
            name: 'Tin-lead solder',
            element: 'Sn',
            massKg: 0.1,
            substancesOfConcern: [
              {
                name: 'Lead',
                casNumber: '7439-92-1',
                ecNumber: '231-100-4',
                svhc: true,
                concentrationPct: 36,
                location: 'solder of the cell ribbons',
                safeUse: 'No exposure in normal use.',
                endOfLife: 'Separate the ribbon fraction; lead is recovered by smelting.',
              },
            ],
          },
        ],
        components: [],
      },
    ],
    environmentalImpact: {
      carbonFootprint: {
        kgCO2e: 25,
        declaredUnit: 'KG',
        lifecycleStages: ['A1-A3', 'C1-C4'],
        method: 'ISO 14067',
        primaryDataSharePct: 62.5,
        verifiedBy: 'Example Verification B.V.',
        studyUrl: 'https://example.org/pv-module-cfp.pdf',
      },
      waterUse: { m3: 1.2, declaredUnit: 'PRODUCT' },
    },
  };
}

/** An e-bike battery (composition 1.2, battery.v2 cluster data) with the Annex XIII point 1 attributes. */
function ebikeBattery(): Record<string, any> {
  return {
    schemaVersion: '1.2',
    productMassKg: 2.6,
    components: [
      {
        key: 'pack',
        name: 'Battery pack',
        quantity: 1,
        massKg: 2.6,
        materials: [
          { name: 'NMC 811 cathode', formula: 'LiNi0.8Mn0.1Co0.1O2', forms: ['battery-grade'], massKg: 0.6 },
          { name: 'Graphite anode', casNumber: '7782-42-5', massKg: 0.4 },
          { name: 'Housing', element: 'Al', massKg: 1.6 },
        ],
        components: [],
      },
    ],
    clusterData: {
      chemistry: 'NMC',
      batteryCategory: 'LMT',
      status: 'original',
      nominalCapacityAh: 13.4,
      energyKWh: 0.5,
      nominalVoltageV: 36,
      minimalVoltageV: 30,
      maximalVoltageV: 42,
      originalPowerCapabilityW: 750,
      expectedLifetimeCycles: 1000,
      expectedLifetimeReferenceTest: 'IEC 62660-1',
      temperatureRange: { minC: -20, maxC: 45 },
      hazardousSubstances: [{ name: 'Lithium hexafluorophosphate', casNumber: '21324-40-3', ecNumber: '244-334-7', hazardClass: 'Acute Tox. 3' }],
      carbonFootprint: { kgCO2ePerKWh: 85, performanceClass: 'B', studyUrl: 'https://example.org/battery-cfp.pdf' },
      recycledContent: { cobaltPct: 16, lithiumPct: 6, nickelPct: 6, leadPct: 0 },
      renewableContentPct: 2,
      warrantyYears: 2,
    },
    environmentalImpact: { carbonFootprint: { kgCO2e: 85, declaredUnit: 'KWH', lifecycleStages: ['A1-A3', 'C1-C4', 'D'], method: 'PEF' } },
  };
}

const PUBLIC_SECTIONS = `query($id: ID!) { passport(id: $id) {
  environmentalImpact {
    carbonFootprint { kgCO2e declaredUnit lifecycleStages method primaryDataSharePct verifiedBy studyUrl }
    carbonFootprintKgCO2ePerProduct
    waterUse { m3 declaredUnit }
    components { componentKey componentName carbonFootprint { kgCO2e declaredUnit } }
  }
  substancesOfConcern { name casNumber ecNumber svhc location safeUse endOfLife candidateList { listId listVersion entryName reason } }
} }`;

const CONCENTRATIONS = `query($id: ID!) { passport(id: $id) { substancesOfConcern { name concentrationPct concentrationRange { minPct maxPct } } } }`;

const BATTERY = `query($id: ID!) { passport(id: $id) { battery {
  schema chemistry batteryCategory status nominalCapacityAh energyKWh nominalVoltageV minimalVoltageV maximalVoltageV originalPowerCapabilityW
  expectedLifetimeCycles expectedLifetimeReferenceTest temperatureRange { minC maxC } hazardousSubstances { name casNumber ecNumber hazardClass }
  carbonFootprint { kgCO2ePerKWh performanceClass studyUrl } recycledContent { cobaltPct lithiumPct nickelPct leadPct } renewableContentPct warrantyYears
} environmentalImpact { carbonFootprintKgCO2ePerProduct } } }`;

const SEARCH = `query($f: MaterialSearchInput!) { componentsContaining(first: 10, filter: $f) { edges { node {
  passport { id } component { key } material { name } substanceOfConcern { name casNumber concentrationPct candidateList { entryName } }
} } } }`;

describe('environmental impact, substances of concern and battery data (composition 1.2)', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let otherMaker: TestOrganization;
  let recycler: TestOrganization;
  let pv: { id: string; gtin: string; serialNumber: string };

  const register = async (overrides: Record<string, unknown>, owner = maker) => {
    const res = await t.gql(REGISTER, { i: registerInput(overrides, owner) }, owner.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport as { id: string; gtin: string; serialNumber: string };
  };

  beforeAll(async () => {
    t = await TestApp.start({ publicBaseUrl: 'https://id.example.org' });
    maker = await t.organization('MANUFACTURER');
    otherMaker = await t.organization('MANUFACTURER');
    recycler = await t.organization('RECYCLER');
    pv = await register({ productName: 'PV module 400 Wp', cluster: 'SOLAR_PV', serialNumber: 'PV-0001', composition: pvModule(), publish: true });
  });
  afterAll(() => t.close());

  it('shows a PV module carbon footprint and the lead in its solder to anyone', async () => {
    const res = await t.gql(PUBLIC_SECTIONS, { id: pv.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.passport.environmentalImpact).toEqual({
      carbonFootprint: {
        kgCO2e: 25,
        declaredUnit: 'KG',
        lifecycleStages: ['A1-A3', 'C1-C4'],
        method: 'ISO 14067',
        primaryDataSharePct: 62.5,
        verifiedBy: 'Example Verification B.V.',
        studyUrl: 'https://example.org/pv-module-cfp.pdf',
      },
      // 25 kg CO2e per kg x 20 kg.
      carbonFootprintKgCO2ePerProduct: 500,
      waterUse: { m3: 1.2, declaredUnit: 'PRODUCT' },
      components: [{ componentKey: 'frame', componentName: 'Aluminium frame', carbonFootprint: { kgCO2e: 30, declaredUnit: 'PRODUCT' } }],
    });
    expect(res.data.passport.substancesOfConcern).toEqual([
      {
        name: 'Lead',
        casNumber: '7439-92-1',
        ecNumber: '231-100-4',
        svhc: true,
        location: 'solder of the cell ribbons',
        safeUse: 'No exposure in normal use.',
        endOfLife: 'Separate the ribbon fraction; lead is recovered by smelting.',
        candidateList: { listId: 'REACH-CANDIDATE-2026-01', listVersion: '2026-01', entryName: 'Lead', reason: 'toxic for reproduction (Art. 57c)' },
      },
    ]);
  });

  it('shows the concentration to a recycler and the owner, not to the public or another manufacturer', async () => {
    for (const key of [recycler.key, maker.key]) {
      const res = await t.gql(CONCENTRATIONS, { id: pv.id }, key);
      expect(res.errors).toBeUndefined();
      expect(res.data.passport.substancesOfConcern).toEqual([{ name: 'Lead', concentrationPct: 36, concentrationRange: null }]);
    }
    for (const key of [null, otherMaker.key]) {
      const res = await t.gql(CONCENTRATIONS, { id: pv.id }, key);
      expect(res.data.passport.substancesOfConcern).toEqual([{ name: 'Lead', concentrationPct: null, concentrationRange: null }]);
      expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.requiredTier, e.extensions?.field])).toContainEqual([
        'FORBIDDEN',
        'LEGITIMATE_INTEREST',
        'SubstanceOfConcern.concentrationPct',
      ]);
    }
  });

  it('puts the footprint and the substance, without its concentration, on the public GS1 page', async () => {
    const json = await t.http().get(`/01/${pv.gtin}/21/PV-0001`).set('accept', 'application/json').expect(200);
    expect(json.body.environmentalImpact.carbonFootprint).toMatchObject({ kgCO2e: 25, declaredUnit: 'KG' });
    expect(json.body.substancesOfConcern).toEqual([expect.objectContaining({ name: 'Lead', location: 'solder of the cell ribbons' })]);
    expect(json.text).not.toMatch(/concentration/);
    const html = await t.http().get(`/01/${pv.gtin}/21/PV-0001`).expect(200);
    expect(html.text).toContain('25 kg CO2e per kg');
    expect(html.text).toContain('Lead (CAS 7439-92-1) (EC 231-100-4)');
    expect(html.text).toContain('solder of the cell ribbons');
    expect(html.text).not.toContain('36 %');
  });

  it('finds the components holding a substance of concern in one search, with the concentration for a recycler', async () => {
    const res = await t.gql(SEARCH, { f: { substanceOfConcern: true, cluster: 'SOLAR_PV' } }, recycler.key);
    expect(res.errors).toBeUndefined();
    expect(res.data.componentsContaining.edges.map((edge: any) => edge.node)).toEqual([
      {
        passport: { id: pv.id },
        component: { key: 'laminate' },
        material: { name: 'Tin-lead solder' },
        substanceOfConcern: { name: 'Lead', casNumber: '7439-92-1', concentrationPct: 36, candidateList: { entryName: 'Lead' } },
      },
    ]);
    const byCas = await t.gql(SEARCH, { f: { substanceOfConcern: true, casNumber: '7440-43-9' } }, recycler.key);
    expect(byCas.data.componentsContaining.edges).toEqual([]);
    const withElement = await t.gql(SEARCH, { f: { substanceOfConcern: true, element: 'Sn' } }, recycler.key);
    expect(withElement.data.componentsContaining.edges).toHaveLength(1);
  });

  it('sums the carbon footprint of the published products of a cluster', async () => {
    const res = await t.gql('{ clusterSummary(cluster: SOLAR_PV) { carbonFootprint { totalKgCO2e averageKgCO2ePerProduct passportCount productUnits } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.clusterSummary.carbonFootprint).toEqual({ totalKgCO2e: 500, averageKgCO2ePerProduct: 500, passportCount: 1, productUnits: 1 });
  });

  it("carries the footprint in the credential's emissions scorecard", async () => {
    const res = await t.http().get(`/passports/${pv.id}/credential`).set('authorization', `Bearer ${recycler.key}`).expect(200);
    expect(res.body.credential.credentialSubject.emissionsScorecard).toEqual({
      type: ['EmissionsPerformance'],
      carbonFootprint: 25,
      declaredUnit: 'KGM',
      operationalScope: 'CradleToGrave',
      primarySourcedRatio: 0.625,
      reportingStandard: 'ISO 14067',
      carbonFootprintPerProduct: 500,
    });
  });

  it("shows an e-bike battery's Annex XIII point 1 data publicly and on the GS1 page", async () => {
    const battery = await register({
      productName: 'E-bike battery 36 V',
      cluster: 'BATTERY',
      serialNumber: 'EB-0001',
      composition: ebikeBattery(),
      publish: true,
    });
    const res = await t.gql(BATTERY, { id: battery.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.passport.battery).toEqual({
      schema: 'battery.v2',
      chemistry: 'NMC',
      batteryCategory: 'LMT',
      status: 'original',
      nominalCapacityAh: 13.4,
      energyKWh: 0.5,
      nominalVoltageV: 36,
      minimalVoltageV: 30,
      maximalVoltageV: 42,
      originalPowerCapabilityW: 750,
      expectedLifetimeCycles: 1000,
      expectedLifetimeReferenceTest: 'IEC 62660-1',
      temperatureRange: { minC: -20, maxC: 45 },
      hazardousSubstances: [{ name: 'Lithium hexafluorophosphate', casNumber: '21324-40-3', ecNumber: '244-334-7', hazardClass: 'Acute Tox. 3' }],
      carbonFootprint: { kgCO2ePerKWh: 85, performanceClass: 'B', studyUrl: 'https://example.org/battery-cfp.pdf' },
      recycledContent: { cobaltPct: 16, lithiumPct: 6, nickelPct: 6, leadPct: 0 },
      renewableContentPct: 2,
      warrantyYears: 2,
    });
    // 85 kg CO2e per kWh of rated energy x 0.5 kWh.
    expect(res.data.passport.environmentalImpact.carbonFootprintKgCO2ePerProduct).toBe(42.5);

    const json = await t.http().get(`/01/${battery.gtin}/21/EB-0001`).set('accept', 'application/json').expect(200);
    expect(json.body.battery).toEqual(res.data.passport.battery);
    const html = await t.http().get(`/01/${battery.gtin}/21/EB-0001`).expect(200);
    for (const text of [
      '<h2>Battery</h2>',
      'NMC',
      '13.4 Ah',
      '30 / 36 / 42 V',
      '750 W',
      '1,000 cycles',
      '-20 to 45 °C',
      '85 kg CO2e per kWh, class B',
      'cobalt 16 %',
      '2 years',
    ]) {
      expect(html.text).toContain(text);
    }
    // Not a battery: no battery section.
    expect((await t.gql('query($id: ID!) { passport(id: $id) { battery { schema } } }', { id: pv.id })).data.passport.battery).toBeNull();
  });

  it('refuses a wrong EC check digit with a violation pointing at it, and registers nothing', async () => {
    const composition = pvModule();
    composition.components[1].materials[1].substancesOfConcern[0].ecNumber = '231-100-5';
    const COUNT = '{ passports(first: 1) { totalCount } }';
    const before = (await t.gql(COUNT, {}, maker.key)).data.passports.totalCount;
    const res = await t.gql(REGISTER, { i: registerInput({ cluster: 'SOLAR_PV', composition }, maker) }, maker.key);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.violations).toEqual([
      {
        path: '/components/1/materials/1/substancesOfConcern/0/ecNumber',
        keyword: 'ecCheckDigit',
        message: 'ecNumber "231-100-5" has a wrong check digit: expected 4',
      },
    ]);
    expect(res.data).toBeNull();
    expect((await t.gql(COUNT, {}, maker.key)).data.passports.totalCount).toBe(before);
  });

  it('keeps 1.0 documents valid, with no impact, substances or battery data, and refuses the new fields in them', async () => {
    const lamp = await register({ publish: true });
    const res = await t.gql(
      'query($id: ID!) { passport(id: $id) { environmentalImpact { carbonFootprintKgCO2ePerProduct } substancesOfConcern { name } battery { schema } } }',
      {
        id: lamp.id,
      },
    );
    expect(res.data.passport).toEqual({ environmentalImpact: null, substancesOfConcern: [], battery: null });

    const composition = { ...lampComposition(), environmentalImpact: { carbonFootprint: { kgCO2e: 1, declaredUnit: 'PRODUCT' } } };
    const refused = await t.gql(REGISTER, { i: registerInput({ composition }, maker) }, maker.key);
    expect(refused.errors?.[0].extensions?.violations).toEqual([
      { path: '/environmentalImpact', keyword: 'schemaVersion', message: 'property "environmentalImpact" needs schemaVersion "1.2"' },
    ]);
  });

  it('follows revisions and status: a removed substance is no longer found, an archived passport only under ARCHIVED', async () => {
    const module = await register({ cluster: 'SOLAR_PV', composition: pvModule(), publish: true });
    const found = async (status: string) =>
      (await t.gql(SEARCH, { f: { substanceOfConcern: true, status } }, recycler.key)).data.componentsContaining.edges.map(
        (edge: any) => edge.node.passport.id,
      );
    expect(await found('PUBLISHED')).toContain(module.id);

    const composition = pvModule();
    delete composition.components[1].materials[1].substancesOfConcern;
    const revised = await t.gql(
      'mutation($i: RevisePassportInput!) { revisePassport(input: $i) { revision } }',
      { i: { passportId: module.id, expectedRevision: 1, composition } },
      maker.key,
    );
    expect(revised.errors).toBeUndefined();
    expect(await found('PUBLISHED')).not.toContain(module.id);

    await t.gql('mutation($id: ID!) { archivePassport(passportId: $id) { status } }', { id: pv.id }, maker.key);
    expect(await found('PUBLISHED')).not.toContain(pv.id);
    expect(await found('ARCHIVED')).toContain(pv.id);
  });
});
