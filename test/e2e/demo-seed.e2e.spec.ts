import { readFileSync } from 'node:fs';
import { seedDemoIfEmpty } from '../../apps/api/src/demo-seed';
import { TestApp } from '../support/test-app';

const demo = JSON.parse(readFileSync('prisma/seed/demo.json', 'utf8')) as { passports: unknown[]; organizations: unknown[] };

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('seeds organizations and a few passports per cluster into an empty registry, once', async () => {
    await seedDemoIfEmpty(t.app);
    await seedDemoIfEmpty(t.app);
    const res = await t.gql('{ passports(first: 100) { totalCount edges { node { cluster status } } } organizations { totalCount } }', {}, t.adminKey);
    expect(res.errors).toBeUndefined();
    expect(res.data.passports.totalCount).toBe(demo.passports.length);
    expect(res.data.organizations.totalCount).toBe(demo.organizations.length);
    const clusters = new Set(res.data.passports.edges.map((e: { node: { cluster: string } }) => e.node.cluster));
    expect([...clusters].sort()).toEqual(['BATTERY', 'HEAT_AS_A_SERVICE', 'HIGH_TECH_EQUIPMENT', 'SOLAR_PV', 'WIND_PARK']);
  });
});
