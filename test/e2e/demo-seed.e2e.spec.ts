import { readFileSync } from 'node:fs';
import { seedDemoIfEmpty } from '../../apps/api/src/demo-seed';
import { TestApp } from '../support/test-app';

const demo = JSON.parse(readFileSync('prisma/seed/demo.json', 'utf8')) as { passports: unknown[]; organizations: unknown[]; lifecycleEvents: unknown[] };

const PUBLIC_VIEW = `query($id: ID!) { passport(id: $id) {
  environmentalImpact { carbonFootprint { kgCO2e declaredUnit lifecycleStages method } carbonFootprintKgCO2ePerProduct }
  substancesOfConcern { name casNumber ecNumber svhc location candidateList { entryName } }
  battery { schema chemistry minimalVoltageV nominalVoltageV maximalVoltageV originalPowerCapabilityW expectedLifetimeCycles
    temperatureRange { minC maxC } hazardousSubstances { name } carbonFootprint { kgCO2ePerKWh performanceClass }
    recycledContent { cobaltPct lithiumPct nickelPct leadPct } }
} }`;

interface SeededPassport {
  id: string;
  cluster: string;
  granularity: string;
  serialNumber: string | null;
}

describe('demo seed', () => {
  let t: TestApp;
  let seeded: SeededPassport[];
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const find = (cluster: string, granularity: string) => seeded.find((p) => p.cluster === cluster && p.granularity === granularity)!;
  const bySerialNumber = (serialNumber: string) => seeded.find((p) => p.serialNumber === serialNumber)!;
  const publicView = async (passport: SeededPassport) => {
    const res = await t.gql(PUBLIC_VIEW, { id: passport.id });
    expect(res.errors).toBeUndefined();
    return res.data.passport;
  };

  it('seeds organizations and a few passports per cluster into an empty registry, once', async () => {
    await seedDemoIfEmpty(t.app);
    await seedDemoIfEmpty(t.app);
    const res = await t.gql(
      '{ passports(first: 100) { totalCount edges { node { id cluster granularity serialNumber status } } } organizations { totalCount } }',
      {},
      t.adminKey,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.passports.totalCount).toBe(demo.passports.length);
    expect(res.data.organizations.totalCount).toBe(demo.organizations.length);
    seeded = res.data.passports.edges.map((e: { node: SeededPassport }) => e.node);
    const clusters = new Set(seeded.map((p) => p.cluster));
    expect([...clusters].sort()).toEqual(['BATTERY', 'HEAT_AS_A_SERVICE', 'HIGH_TECH_EQUIPMENT', 'SOLAR_PV', 'WIND_PARK']);
  });

  it('shows anyone the PV module carbon footprint and the lead in its solder', async () => {
    const pv = await publicView(find('SOLAR_PV', 'BATCH'));
    expect(pv.environmentalImpact).toEqual({
      carbonFootprint: { kgCO2e: 480, declaredUnit: 'PRODUCT', lifecycleStages: ['A1-A3', 'A4', 'C1-C4'], method: 'ISO 14067' },
      carbonFootprintKgCO2ePerProduct: 480,
    });
    expect(pv.substancesOfConcern).toEqual([
      {
        name: 'Lead',
        casNumber: '7439-92-1',
        ecNumber: '231-100-4',
        svhc: true,
        location: 'solder coating of the cell ribbons, inside the laminate',
        candidateList: { entryName: 'Lead' },
      },
    ]);
  });

  it("shows anyone the e-bike battery's Annex XIII point 1 data (battery.v2)", async () => {
    const battery = await publicView(find('BATTERY', 'ITEM'));
    expect(battery.battery).toEqual({
      schema: 'battery.v2',
      chemistry: 'NMC',
      minimalVoltageV: 30,
      nominalVoltageV: 36,
      maximalVoltageV: 42,
      originalPowerCapabilityW: 750,
      expectedLifetimeCycles: 1000,
      temperatureRange: { minC: -20, maxC: 45 },
      hazardousSubstances: [{ name: 'Lithium hexafluorophosphate' }],
      carbonFootprint: { kgCO2ePerKWh: 92, performanceClass: 'C' },
      recycledContent: { cobaltPct: 16, lithiumPct: 6, nickelPct: 8, leadPct: 0 },
    });
    // 92 kg CO2e per kWh x 0.468 kWh.
    expect(battery.environmentalImpact.carbonFootprintKgCO2ePerProduct).toBeCloseTo(43.056, 6);
  });

  it('shows anyone the footprints of the heat pump and the wind turbine nacelle', async () => {
    const heatPump = await publicView(find('HEAT_AS_A_SERVICE', 'ITEM'));
    expect(heatPump.environmentalImpact.carbonFootprint).toMatchObject({ kgCO2e: 1150, declaredUnit: 'PRODUCT', method: 'EN 15804' });
    const nacelle = await publicView(find('WIND_PARK', 'ITEM'));
    // 1.9 kg CO2e per kg x 102 200 kg.
    expect(nacelle.environmentalImpact).toMatchObject({ carbonFootprint: { declaredUnit: 'KG' } });
    expect(nacelle.environmentalImpact.carbonFootprintKgCO2ePerProduct).toBeCloseTo(194_180, 6);
  });

  it('has products installed by the demo service provider, so the inventory by region shows them', async () => {
    const installed = await t.gql(
      'query($id: ID!) { passport(id: $id) { installedCorop lifecycleEvents { edges { node { type corop actorOrganizationId } } } } }',
      { id: bySerialNumber('EB-2026-0001').id },
      t.adminKey,
    );
    expect(installed.errors).toBeUndefined();
    const orgs = await t.gql('{ organizations { edges { node { id kind } } } }', {}, t.adminKey);
    const serviceProvider = orgs.data.organizations.edges.find((e: any) => e.node.kind === 'SERVICE_PROVIDER').node.id;
    expect(installed.data.passport.installedCorop).toBe('CR23');
    expect(installed.data.passport.lifecycleEvents.edges).toEqual([{ node: { type: 'INSTALLED', corop: 'CR23', actorOrganizationId: serviceProvider } }]);

    const inventory = await t.gql('{ materialInventory(groupBy: INSTALLED_COROP, elements: ["Cu"]) { group passportCount } }', {}, t.adminKey);
    expect(inventory.errors).toBeUndefined();
    const regions = inventory.data.materialInventory.map((row: { group: string }) => row.group);
    expect(regions).toEqual(expect.arrayContaining(['CR17', 'CR23', 'CR40']));
    expect(demo.lifecycleEvents).toHaveLength(3);
  });
});
