import { compositionFixtures, lampComposition, REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const SEARCH = `query($f: MaterialSearchInput!, $first: Int, $after: String) {
  componentsContaining(filter: $f, first: $first, after: $after) {
    edges { cursor node { massKgPerProduct passport { id manufacturerId cluster status } component { key path } material { name element } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const DETAILED = `query($f: MaterialSearchInput!) {
  componentsContaining(filter: $f, first: 5) {
    edges { node {
      massKgPerProduct
      passport { id manufacturerId cluster status gtin serialNumber batchNumber createdAt totalMassKg manufacturer { id } }
      component { key path location dismantling unitsPerProduct materials { name element casNumber massKg massKgPerProduct details } }
      material { name element casNumber massKg massKgPerProduct recycledContentPct details criticalLists { listId } }
    } }
  }
}`;
const PUBLISH = 'mutation($id: ID!) { publishPassport(passportId: $id) { status } }';
const ARCHIVE = 'mutation($id: ID!) { archivePassport(passportId: $id) { status } }';

type Hit = {
  massKgPerProduct: number;
  passport: { id: string; manufacturerId: string; cluster: string; status: string };
  component: { key: string; path: string };
  material: { name: string; element: string | null };
};

/** The lamp of the factories with every mass times `scale`, a polycarbonate lens, and dismantling data on the boards. */
function lamp(scale = 1): Record<string, any> {
  const document = lampComposition();
  const visit = (component: any) => {
    component.massKg *= scale;
    for (const material of component.materials) material.massKg *= scale;
    component.components.forEach(visit);
  };
  document.components.forEach(visit);
  document.components[1].location = 'behind the lens';
  document.components[1].materials[1].hazardous = { clpHazardClass: 'Carc. 2' };
  document.components[1].dismantling = { fastening: 'screwed', toolRequired: 'Torx T10', timeMinutes: 2, hazards: ['electrostatic discharge'] };
  document.components.push({
    key: 'lens',
    name: 'Lens',
    quantity: 1,
    massKg: 0.01 * scale,
    materials: [{ name: 'Polycarbonate', casNumber: '25037-45-0', massKg: 0.01 * scale }],
    components: [],
  });
  document.productMassKg = 0.11 * scale;
  return document;
}

const hitKey = (hit: Hit) => `${hit.passport.id}${hit.component.path}#${hit.material.name}`;

describe('componentsContaining: recyclers find components by element, CAS number or critical list', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let solarMaker: TestOrganization;
  let recycler: TestOrganization;
  let auditor: TestOrganization;
  let lampId: string;
  let solarId: string;

  const register = async (by: TestOrganization, overrides: Record<string, unknown> = {}): Promise<string> => {
    const res = await t.gql(REGISTER, { i: registerInput({ composition: lamp(), publish: true, ...overrides }, by) }, by.key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.registerPassport.id;
  };
  const search = async (filter: Record<string, unknown>, key: string | null, page: { first?: number; after?: string } = {}) =>
    t.gql<{ componentsContaining: { edges: { cursor: string; node: Hit }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      SEARCH,
      { f: filter, ...page },
      key,
    );
  const hits = async (filter: Record<string, unknown>, key = recycler.key) => {
    const res = await search(filter, key, { first: 100 });
    expect(res.errors).toBeUndefined();
    return res.data!.componentsContaining.edges.map((edge) => edge.node);
  };

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER', { corop: 'CR17' });
    solarMaker = await t.organization('MANUFACTURER', { corop: 'CR03' });
    recycler = await t.organization('RECYCLER');
    auditor = await t.organization('AUDITOR');
    lampId = await register(maker);
    solarId = await register(solarMaker, { cluster: 'SOLAR_PV' });
  });
  afterAll(() => t.close());

  it('finds the components holding an element, heaviest per product first, with the dismantling data', async () => {
    const res = await t.gql(DETAILED, { f: { element: 'Sb', manufacturerId: maker.id } }, recycler.key);
    expect(res.errors).toBeUndefined();
    const found = res.data.componentsContaining.edges.map((edge: { node: unknown }) => edge.node);
    expect(found.map((hit: any) => [hit.component.path, hit.massKgPerProduct])).toEqual([
      ['/board/driver', expect.closeTo(0.0004, 12)],
      ['/board', expect.closeTo(0.0002, 12)],
    ]);
    const [driver, board] = found;
    expect(driver.passport).toEqual({
      id: lampId,
      manufacturerId: maker.id,
      cluster: 'HIGH_TECH_EQUIPMENT',
      status: 'PUBLISHED',
      gtin: expect.stringMatching(/^\d{14}$/),
      serialNumber: expect.stringMatching(/^L-/),
      batchNumber: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      totalMassKg: expect.closeTo(0.11, 12),
      manufacturer: { id: maker.id },
    });
    expect(driver.material).toMatchObject({ name: 'Antimony in solder', element: 'Sb', massKgPerProduct: driver.massKgPerProduct });
    expect(driver.material.criticalLists.map((flag: { listId: string }) => flag.listId)).toContain('NL-CMI-FOCUS');
    expect(driver.component.unitsPerProduct).toBe(4);
    expect(board.material).toMatchObject({ massKg: 0.0001, recycledContentPct: null, details: { hazardous: { clpHazardClass: 'Carc. 2' } } });
    expect(board.component).toMatchObject({
      key: 'board',
      location: 'behind the lens',
      dismantling: { fastening: 'screwed', toolRequired: 'Torx T10', timeMinutes: 2, hazards: ['electrostatic discharge'] },
      materials: [
        { name: 'Copper', element: 'Cu', casNumber: null, massKg: 0.0039, massKgPerProduct: expect.closeTo(0.0078, 12), details: null },
        {
          name: 'Antimony in solder',
          element: 'Sb',
          casNumber: null,
          massKg: 0.0001,
          massKgPerProduct: expect.closeTo(0.0002, 12),
          details: { hazardous: { clpHazardClass: 'Carc. 2' } },
        },
        { name: 'Epoxy laminate', element: null, casNumber: '25068-38-6', massKg: 0.005, massKgPerProduct: expect.closeTo(0.01, 12), details: null },
      ],
    });
  });

  it('answers the contract query: 2 boards x 0.0001 kg of antimony is 0.0002 kg per product', async () => {
    const contractLamp = lampComposition();
    contractLamp.components[1].components = [];
    contractLamp.components[1].massKg = 0.01;
    contractLamp.components[1].materials[0].massKg = 0.0049;
    const smokeMaker = await t.organization('MANUFACTURER');
    await register(smokeMaker, { composition: contractLamp });
    const res = await t.gql(
      `query($f:MaterialSearchInput!){ componentsContaining(filter:$f, first: 10){ edges { cursor node { massKgPerProduct passport { id } component { key path } material { __typename } } } pageInfo { hasNextPage endCursor } } }`,
      { f: { element: 'Sb', manufacturerId: smokeMaker.id } },
      recycler.key,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.componentsContaining.edges).toEqual([
      {
        cursor: expect.any(String),
        node: {
          massKgPerProduct: expect.closeTo(0.0002, 12),
          passport: { id: expect.any(String) },
          component: { key: 'board', path: '/board' },
          material: { __typename: 'Material' },
        },
      },
    ]);
    expect(res.data.componentsContaining.pageInfo).toEqual({ hasNextPage: false, endCursor: res.data.componentsContaining.edges[0].cursor });
  });

  it('finds materials by CAS number, optionally of one element', async () => {
    const byCas = await hits({ casNumber: '25037-45-0', manufacturerId: maker.id });
    expect(byCas.map((hit) => [hit.component.key, hit.material.name])).toEqual([['lens', 'Polycarbonate']]);
    expect(await hits({ casNumber: '7429-90-5', element: 'Al', manufacturerId: maker.id })).toHaveLength(1);
    expect(await hits({ casNumber: '7429-90-5', element: 'Mg', manufacturerId: maker.id })).toEqual([]);
  });

  it('finds the materials of every element a critical list flags, merged in mass order', async () => {
    const focus = await hits({ criticalList: 'NL-CMI-FOCUS', manufacturerId: maker.id });
    expect(focus.map((hit) => [hit.material.element, hit.component.path])).toEqual([
      ['Al', '/housing'],
      ['Mg', '/housing'],
      ['Sb', '/board/driver'],
      ['Sb', '/board'],
    ]);
    expect(await hits({ criticalList: 'NL-CMI-FOCUS', element: 'Mg', manufacturerId: maker.id })).toHaveLength(1);
    expect(await hits({ criticalList: 'NL-CMI-FOCUS', element: 'Cu', manufacturerId: maker.id })).toEqual([]);
    const eu = await hits({ criticalList: 'EU-CRMA-2024-CRITICAL', manufacturerId: maker.id });
    expect(new Set(eu.map((hit) => hit.material.element))).toEqual(new Set(['Al', 'Mg', 'Sb', 'Cu', 'Si']));

    // The EU list covers phosphorus twice (phosphate rock, phosphorus): still one hit per material.
    const phosphateMaker = await t.organization('MANUFACTURER');
    const coated = lamp();
    coated.components[0].materials.push({ name: 'Phosphate conversion coating', element: 'P', massKg: 0.0001 });
    await register(phosphateMaker, { composition: coated });
    const phosphorus = await hits({ criticalList: 'EU-CRMA-2024-CRITICAL', element: 'P', manufacturerId: phosphateMaker.id });
    expect(phosphorus.map((hit) => hit.material.name)).toEqual(['Phosphate conversion coating']);
    const all = await hits({ criticalList: 'EU-CRMA-2024-CRITICAL', manufacturerId: phosphateMaker.id });
    expect(all.filter((hit) => hit.material.element === 'P')).toHaveLength(1);
    expect(new Set(all.map(hitKey)).size).toBe(all.length);
  });

  it('narrows by minimum mass, cluster, COROP region and manufacturer', async () => {
    expect((await hits({ element: 'Sb', minMassKg: 0.0003, manufacturerId: maker.id })).map((hit) => hit.component.key)).toEqual(['driver']);
    const solar = await hits({ element: 'Sb', cluster: 'SOLAR_PV' });
    expect(new Set(solar.map((hit) => hit.passport.id))).toEqual(new Set([solarId]));
    const region = await hits({ element: 'Sb', corop: 'cr03' });
    expect(new Set(region.map((hit) => hit.passport.manufacturerId))).toEqual(new Set([solarMaker.id]));
    const all = await hits({ element: 'Sb' });
    expect(all.map((hit) => hit.passport.id)).toEqual(expect.arrayContaining([lampId, solarId]));
    const masses = all.map((hit) => hit.massKgPerProduct);
    expect(masses).toEqual([...masses].sort((a, b) => b - a));
  });

  it('searches PUBLISHED passports unless told otherwise, and follows publishing and archiving', async () => {
    const lifecycleMaker = await t.organization('MANUFACTURER');
    const draftId = await register(lifecycleMaker, { publish: false });
    const filter = { element: 'Sb', manufacturerId: lifecycleMaker.id };
    expect(await hits(filter)).toEqual([]);
    expect((await hits({ ...filter, status: 'DRAFT' }, lifecycleMaker.key)).map((hit) => hit.passport.id)).toEqual([draftId, draftId]);

    expect((await t.gql(PUBLISH, { id: draftId }, lifecycleMaker.key)).errors).toBeUndefined();
    expect((await hits(filter)).map((hit) => hit.passport.status)).toEqual(['PUBLISHED', 'PUBLISHED']);

    expect((await t.gql(ARCHIVE, { id: draftId }, lifecycleMaker.key)).errors).toBeUndefined();
    expect(await hits(filter)).toEqual([]);
    expect(await hits({ ...filter, status: 'ARCHIVED' })).toHaveLength(2);
  });

  it('pages through every hit exactly once while passports are being registered', async () => {
    const pager = await t.organization('MANUFACTURER');
    // Scales repeat on purpose: equal masses must be ordered (and paged) by id.
    const scales = [1, 3, 2, 5, 1, 4, 2, 6, 1, 3, 7, 2];
    for (const scale of scales) await register(pager, { composition: lamp(scale) });
    const filter = { element: 'Sb', manufacturerId: pager.id };
    const existing = new Set((await hits(filter)).map(hitKey));
    expect(existing.size).toBe(scales.length * 2);

    const seen: string[] = [];
    const masses: number[] = [];
    const newScales = [8, 1, 0.5, 3, 2.5, 6, 0.1, 4, 5, 1, 9, 2];
    let after: string | undefined;
    let finished = false;
    for (let page = 0; page < 100 && !finished; page++) {
      // Each page is read while another passport is registered, and another one is registered between pages.
      const [res] = await Promise.all([
        search(filter, recycler.key, { first: 5, after }),
        register(pager, { composition: lamp(newScales[page % newScales.length]) }),
      ]);
      expect(res.errors).toBeUndefined();
      const connection = res.data!.componentsContaining;
      for (const edge of connection.edges) {
        seen.push(hitKey(edge.node));
        masses.push(edge.node.massKgPerProduct);
      }
      await register(pager, { composition: lamp(newScales[(page + 5) % newScales.length]) });
      finished = !connection.pageInfo.hasNextPage;
      after = connection.pageInfo.endCursor ?? after;
    }
    expect(finished).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);
    for (const key of existing) expect(seen).toContain(key);
    expect(masses).toEqual([...masses].sort((a, b) => b - a));
  });

  it('rejects a filter without element, casNumber or criticalList, and names each bad field', async () => {
    const none = await search({ cluster: 'BATTERY' }, recycler.key);
    expect(none.errors?.[0]).toMatchObject({
      message: expect.stringContaining('element, casNumber, criticalList or substanceOfConcern: true'),
      extensions: { code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: 'filter.element', keyword: 'required' })] },
    });
    // A malformed id is refused with the other malformed arguments before the search reads its filter.
    const badId = await search({ element: 'Sb', manufacturerId: 'acme' }, recycler.key);
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ path: 'filter.manufacturerId', keyword: 'uuid' }] });
    const bad = await search({ element: 'sb', casNumber: '7429-90-6', criticalList: 'EU-1999', corop: 'CR41', minMassKg: -1 }, recycler.key);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const violations = bad.errors![0].extensions!.violations as { path: string; message: string }[];
    expect(violations.map((violation) => violation.path)).toEqual([
      'filter.element',
      'filter.casNumber',
      'filter.criticalList',
      'filter.minMassKg',
      'filter.corop',
    ]);
    expect(violations[0].message).toContain('did you mean "Sb"');
    expect(violations[2].message).toContain('NL-CMI-FOCUS');
    const cursor = await search({ element: 'Sb' }, recycler.key, { after: 'bm90LWEtY3Vyc29y' });
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: 'after' })] });
    const tooMany = await search({ element: 'Sb' }, recycler.key, { first: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: 'first' })] });
  });

  describe('access', () => {
    it('lets recyclers, auditors and the platform administrator search every passport, with compositions', async () => {
      for (const key of [recycler.key, auditor.key, t.adminKey]) {
        const ids = (await hits({ element: 'Sb' }, key)).map((hit) => hit.passport.id);
        expect(ids).toEqual(expect.arrayContaining([lampId, solarId]));
      }
      const res = await t.gql(
        'query { componentsContaining(filter: { element: "Sb", cluster: SOLAR_PV }, first: 1) { edges { node { passport { id composition } } } } }',
        {},
        recycler.key,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.componentsContaining.edges[0].node.passport.composition.components[1].key).toBe('board');
    });

    it('limits a manufacturer to its own passports and refuses another organization id', async () => {
      const own = await hits({ element: 'Sb' }, maker.key);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map((hit) => hit.passport.manufacturerId))).toEqual(new Set([maker.id]));
      expect(await hits({ element: 'Sb', manufacturerId: maker.id }, maker.key)).toHaveLength(own.length);
      const foreign = await search({ element: 'Sb', manufacturerId: solarMaker.id }, maker.key);
      expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.manufacturerId' });
      expect(foreign.data).toBeNull();
    });

    it('keeps drafts from recyclers and asks anonymous callers for a key', async () => {
      const drafts = await search({ element: 'Sb', status: 'DRAFT' }, recycler.key);
      expect(drafts.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.status' });
      const anonymous = await search({ element: 'Sb' }, null);
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.data).toBeNull();
      const orgAdmin = await t.organization('RECYCLER', { role: 'ADMIN' });
      expect((await search({ element: 'Sb' }, orgAdmin.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe("a hit's passport", () => {
    // Name and summary fields are read as columns of the page's statement; any other field reads the passport's whole row.
    const SUMMARY =
      'id productName cluster granularity gtin serialNumber batchNumber status revision manufacturerId responsibleOrganizationId totalMassKg ended installedCorop';
    const ALL = `${SUMMARY} createdAt updatedAt endedAt expectedEndOfLife`;
    const RECORD = 'mutation($i: RecordLifecycleEventInput!) { recordLifecycleEvent(input: $i) { sequence } }';
    const SET_ACCESS = 'mutation($id: ID!, $i: CompositionAccessInput!) { setCompositionAccess(passportId: $id, input: $i) { id } }';
    let owner: TestOrganization;
    let granted: TestOrganization;
    let batteryId: string;
    const hitPassport = (fields: string, key: string) =>
      t.gql(
        `query($f: MaterialSearchInput!) { componentsContaining(filter: $f, first: 1) { edges { node { passport { ${fields} } } } } }`,
        {
          f: { element: 'Co', manufacturerId: owner.id },
        },
        key,
      );

    beforeAll(async () => {
      owner = await t.organization('MANUFACTURER', { corop: 'CR05' });
      granted = await t.organization('RECYCLER');
      const battery = compositionFixtures('ok').find((fixture) => fixture.name === 'battery-ebike-pack.json')!;
      const res = await t.gql(REGISTER, { i: registerInput({ cluster: 'BATTERY', composition: battery.document, publish: true }, owner) }, owner.key);
      batteryId = res.data.registerPassport.id;
      // Installed and recycled (every optional field set), and restricted to one recycler (the access rule must come along).
      for (const [input, key] of [
        [{ type: 'INSTALLED', occurredAt: '2025-06-01T00:00:00.000Z', corop: 'CR17' }, owner.key],
        [{ type: 'RECYCLED', occurredAt: '2026-09-01T12:00:00.000Z', corop: 'CR23' }, granted.key],
      ] as const) {
        expect((await t.gql(RECORD, { i: { passportId: batteryId, ...input } }, key)).errors).toBeUndefined();
      }
      expect((await t.gql(SET_ACCESS, { id: batteryId, i: { restricted: true, organizationIds: [granted.id] } }, owner.key)).errors).toBeUndefined();
    });

    it('reads as passport(id) reads it, whether the selection names summary fields only or more', async () => {
      for (const fields of [SUMMARY, ALL, `__typename ... on Passport { id name: productName }`]) {
        const direct = await t.gql(`query($id: ID!) { passport(id: $id) { ${fields} } }`, { id: batteryId }, granted.key);
        expect(direct.errors).toBeUndefined();
        const found = await hitPassport(fields, granted.key);
        expect(found.errors).toBeUndefined();
        expect(found.data.componentsContaining.edges[0].node.passport).toEqual(direct.data.passport);
      }
      const all = (await hitPassport(ALL, granted.key)).data.componentsContaining.edges[0].node.passport;
      expect(all).toMatchObject({
        installedCorop: 'CR17',
        expectedEndOfLife: '2031-06-01T00:00:00.000Z',
        ended: true,
        endedAt: '2026-09-01T12:00:00.000Z',
        serialNumber: expect.any(String),
        batchNumber: null,
      });
    });

    it("refuses a field above the caller's tier and keeps the rest of the hit", async () => {
      const res = await hitPassport('id compositionAccess { restricted }', granted.key);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredTier: 'OWNER', field: 'Passport.compositionAccess' });
      expect(res.data.componentsContaining.edges[0].node.passport).toEqual({ id: batteryId, compositionAccess: null });
      const own = await hitPassport('id compositionAccess { restricted organizationIds }', owner.key);
      expect(own.errors).toBeUndefined();
      expect(own.data.componentsContaining.edges[0].node.passport.compositionAccess).toEqual({ restricted: true, organizationIds: [granted.id] });
      // Recyclers not granted the composition do not find the passport at all.
      expect((await hitPassport('id', recycler.key)).data.componentsContaining.edges).toEqual([]);
    });
  });

  describe('passport.components(filter)', () => {
    const COMPONENTS = 'query($id: ID!, $f: ComponentFilter) { passport(id: $id) { components(filter: $f) { key } } }';
    const keys = async (filter: Record<string, unknown> | null) => {
      const res = await t.gql(COMPONENTS, { id: lampId, f: filter }, recycler.key);
      expect(res.errors).toBeUndefined();
      return res.data.passport.components.map((component: { key: string }) => component.key);
    };

    it('narrows one product to the components holding an element, or any critical element', async () => {
      expect(await keys(null)).toEqual(['housing', 'board', 'driver', 'lens']);
      expect(await keys({ element: 'Sb' })).toEqual(['board', 'driver']);
      expect(await keys({ element: 'Mg' })).toEqual(['housing']);
      expect(await keys({ element: 'Au' })).toEqual([]);
      expect(await keys({ criticalOnly: true })).toEqual(['housing', 'board', 'driver']);
      expect(await keys({ element: 'Si', criticalOnly: true })).toEqual(['driver']);
    });
  });
});
