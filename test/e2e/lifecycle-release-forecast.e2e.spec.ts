import { lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const RECORD = 'mutation($i: RecordLifecycleEventInput!) { recordLifecycleEvent(input: $i) { sequence } }';
const INVENTORY = `query($elements: [String!]) {
  materialInventory(groupBy: INSTALLED_COROP, elements: $elements) { group element totalMassKg passportCount productCount }
}`;
const FORECAST = `query($element: String, $criticalList: String, $corop: String, $fromYear: Int!, $toYear: Int!) {
  releaseForecast(element: $element, criticalList: $criticalList, corop: $corop, fromYear: $fromYear, toYear: $toYear) {
    year element massKg passportCount productCount
  }
}`;
const EXPECTED_EOL = 'query($id: ID!) { passport(id: $id) { installedCorop expectedEndOfLife } }';

// One lamp holds 0.0006 kg of antimony (see search-inventory.e2e.spec.ts) and 0.079 kg of aluminium.
const SB = 0.0006;
const AL = 0.079;

describe('where products are and when their materials come free: installed-COROP inventory and release forecast', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let operator: TestOrganization;
  let recycler: TestOrganization;
  const ids: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string> = {} as any;

  const lamp = (lifetimeYears: number | null, overrides: Record<string, unknown> = {}) => {
    const composition = { ...lampComposition(), ...(lifetimeYears === null ? {} : { utility: { lifetimeYears, industryAverageLifetimeYears: 8 } }) };
    return registerInput({ publish: true, composition, ...overrides }, maker);
  };
  const register = async (input: Record<string, unknown>) => {
    const res = await t.gql(REGISTER, { i: input }, maker.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport.id as string;
  };
  const record = async (passportId: string, type: string, occurredAt: string, corop?: string) => {
    const res = await t.gql(RECORD, { i: { passportId, type, occurredAt, corop } }, operator.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  };
  const forecast = async (args: Record<string, unknown>) => {
    const res = await t.gql(FORECAST, args, recycler.key);
    expect(res.errors).toBeUndefined();
    return res.data.releaseForecast as { year: number; element: string; massKg: number; passportCount: number; productCount: number }[];
  };

  beforeAll(async () => {
    t = await TestApp.start();
    // The manufacturer sits in Utrecht (CR17); its lamps are installed elsewhere by a heat-as-a-service operator.
    maker = await t.organization('MANUFACTURER', { corop: 'CR17' });
    operator = await t.organization('SERVICE_PROVIDER');
    recycler = await t.organization('RECYCLER');
    // a: one lamp, 10 years, installed in CR01 on 2025-03-01: end of life 2035-03-01.
    ids.a = await register(lamp(10));
    await record(ids.a, 'INSTALLED', '2025-03-01T00:00:00.000Z', 'CR01');
    // b: a batch of 100 lamps, 10 years, installed in CR01 on 2026-07-01: 2036-07-01.
    ids.b = await register(
      lamp(10, {
        granularity: 'BATCH',
        serialNumber: null,
        batchNumber: 'B-100',
        composition: { ...lampComposition(), unitCount: 100, utility: { lifetimeYears: 10 } },
      }),
    );
    await record(ids.b, 'INSTALLED', '2026-07-01T00:00:00.000Z', 'CR01');
    // c: one lamp, 12 years, installed in CR02 on 2024-01-15: 2036-01-15.
    ids.c = await register(lamp(12));
    await record(ids.c, 'INSTALLED', '2024-01-15T00:00:00.000Z', 'CR02');
    // d: one lamp, 10 years, installed in CR01, then moved to CR02 on 2025-05-01: it is in CR02, end of life 2035-05-01.
    ids.d = await register(lamp(10));
    await record(ids.d, 'INSTALLED', '2024-02-01T00:00:00.000Z', 'CR01');
    await record(ids.d, 'INSTALLED', '2025-05-01T00:00:00.000Z', 'CR02');
    // e: one lamp without a stated lifetime, never installed.
    ids.e = await register(lamp(null));
    // f: one lamp installed in CR01 and recycled since: its materials came free already.
    ids.f = await register(lamp(10));
    await record(ids.f, 'INSTALLED', '2025-01-01T00:00:00.000Z', 'CR01');
    await record(ids.f, 'RECYCLED', '2026-01-01T00:00:00.000Z', 'CR01');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('computes each expected end of life from the last installation and the stated lifetime', async () => {
    const read = async (id: string) => (await t.gql(EXPECTED_EOL, { id }, recycler.key)).data.passport;
    expect(await read(ids.a)).toEqual({ installedCorop: 'CR01', expectedEndOfLife: '2035-03-01T00:00:00.000Z' });
    expect(await read(ids.d)).toEqual({ installedCorop: 'CR02', expectedEndOfLife: '2035-05-01T00:00:00.000Z' });
    expect(await read(ids.e)).toEqual({ installedCorop: null, expectedEndOfLife: null });
  });

  it('groups the inventory by the COROP region where the products are installed, leaving recycled ones out', async () => {
    const res = await t.gql(INVENTORY, { elements: ['Sb'] }, recycler.key);
    expect(res.errors).toBeUndefined();
    const rows = res.data.materialInventory;
    // CR01: a (1 lamp) and b (100); CR02: c and d; e was never installed; f was recycled. Not the maker's CR17.
    expect(rows.map((row: any) => row.group)).toEqual(['(not installed)', 'CR01', 'CR02']);
    const byGroup = Object.fromEntries(rows.map((row: any) => [row.group, row]));
    expect(byGroup.CR01).toMatchObject({ element: 'Sb', passportCount: 2, productCount: 101 });
    expect(byGroup.CR01.totalMassKg).toBeCloseTo(101 * SB, 10);
    expect(byGroup.CR02).toMatchObject({ passportCount: 2, productCount: 2 });
    expect(byGroup.CR02.totalMassKg).toBeCloseTo(2 * SB, 10);
    expect(byGroup['(not installed)']).toMatchObject({ passportCount: 1, productCount: 1 });
  });

  it('forecasts per year the antimony coming free in one region, and in all of them', async () => {
    const cr01 = await forecast({ element: 'Sb', corop: 'CR01', fromYear: 2030, toYear: 2040 });
    expect(cr01.map(({ year, passportCount, productCount }) => ({ year, passportCount, productCount }))).toEqual([
      { year: 2035, passportCount: 1, productCount: 1 },
      { year: 2036, passportCount: 1, productCount: 100 },
    ]);
    expect(cr01[0].massKg).toBeCloseTo(SB, 10);
    expect(cr01[1].massKg).toBeCloseTo(100 * SB, 10);

    const everywhere = await forecast({ element: 'Sb', fromYear: 2030, toYear: 2040 });
    // 2035: a and d; 2036: b and c.
    expect(everywhere.map(({ year, passportCount, productCount }) => ({ year, passportCount, productCount }))).toEqual([
      { year: 2035, passportCount: 2, productCount: 2 },
      { year: 2036, passportCount: 2, productCount: 101 },
    ]);
    expect(everywhere[1].massKg).toBeCloseTo(101 * SB, 10);
    // The rows add up to the installed inventory of the products that have a lifetime.
    expect(everywhere.reduce((sum, row) => sum + row.massKg, 0)).toBeCloseTo(103 * SB, 10);

    expect(await forecast({ element: 'Sb', corop: 'CR01', fromYear: 2036, toYear: 2036 })).toHaveLength(1);
    expect(await forecast({ element: 'Sb', corop: 'CR40', fromYear: 2030, toYear: 2040 })).toEqual([]);
  });

  it('forecasts every element of a critical list', async () => {
    const rows = await forecast({ criticalList: 'EU-CRMA-2024-CRITICAL', corop: 'CR01', fromYear: 2035, toYear: 2035 });
    const aluminium = rows.find((row) => row.element === 'Al')!;
    expect(aluminium).toMatchObject({ year: 2035, passportCount: 1 });
    expect(aluminium.massKg).toBeCloseTo(AL, 10);
    expect(rows.map((row) => row.element)).toContain('Sb');
  });

  it('names each bad argument', async () => {
    const res = await t.gql(FORECAST, { corop: 'CR41', fromYear: 2040, toYear: 2030 }, recycler.key);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.violations.map((v: any) => v.path).sort()).toEqual(['corop', 'element', 'toYear']);
    const tooLong = await t.gql(FORECAST, { element: 'Sb', fromYear: 1900, toYear: 2300 }, recycler.key);
    expect(tooLong.errors?.[0].extensions?.violations).toEqual([expect.objectContaining({ path: 'toYear', keyword: 'maximum' })]);
    const anonymous = await t.gql(FORECAST, { element: 'Sb', fromYear: 2030, toYear: 2040 }, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
