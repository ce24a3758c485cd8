import { TestApp, type TestOrganization } from '../support/test-app';

const CREATE = 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id organizationId role label expiresAt revokedAt } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(apiKeyId: $id) { id revokedAt } }';
const LIST = `query($org: ID, $first: Int, $after: String) {
  apiKeys(organizationId: $org, first: $first, after: $after) {
    totalCount edges { node { id role label lastUsedAt expiresAt revokedAt } } pageInfo { hasNextPage endCursor }
  }
}`;
const WHO = 'query { passports(first: 1) { totalCount } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('API keys: an organization ADMIN manages its own keys', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let makerAdmin: TestOrganization;
  let recycler: TestOrganization;
  let recyclerAdmin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    maker = await t.organization('MANUFACTURER');
    makerAdmin = { id: maker.id, key: (await t.gql(CREATE, { i: { organizationId: maker.id, role: 'ADMIN' } }, t.adminKey)).data.createApiKey.secret };
    recycler = await t.organization('RECYCLER');
    recyclerAdmin = (await t.gql(CREATE, { i: { organizationId: recycler.id, role: 'ADMIN' } }, t.adminKey)).data.createApiKey.secret;
  });
  afterAll(() => t.close());

  it('lets an ADMIN key create, list and revoke keys of its own organization', async () => {
    const created = await t.gql(CREATE, { i: { organizationId: maker.id, role: 'MANUFACTURER', label: 'ERP export' } }, makerAdmin.key);
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data.createApiKey;
    expect(secret).toMatch(/^cpr_/);
    expect(apiKey).toMatchObject({ organizationId: maker.id, role: 'MANUFACTURER', label: 'ERP export', revokedAt: null });
    expect((await t.gql(WHO, {}, secret)).errors).toBeUndefined();

    // Without organizationId the list is the caller's own organization.
    const listed = await t.gql(LIST, {}, makerAdmin.key);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.apiKeys.edges.map((e: any) => e.node.id)).toContain(apiKey.id);
    expect(listed.data.apiKeys.totalCount).toBe(3); // the test key, the admin key and this one

    const revoked = await t.gql(REVOKE, { id: apiKey.id }, makerAdmin.key);
    expect(revoked.data.revokeApiKey.revokedAt).toEqual(expect.any(String));
    expect((await t.gql(WHO, {}, secret)).errors![0]).toMatchObject({ message: 'The API key was revoked', extensions: { code: 'UNAUTHENTICATED' } });
    // Revoking twice is harmless and keeps the first time.
    expect((await t.gql(REVOKE, { id: apiKey.id }, makerAdmin.key)).data.revokeApiKey.revokedAt).toBe(revoked.data.revokeApiKey.revokedAt);
  });

  it("refuses an ADMIN key anything on another organization's keys", async () => {
    const theirs = await t.gql(CREATE, { i: { organizationId: recycler.id, role: 'RECYCLER' } }, recyclerAdmin);
    const theirKey = theirs.data.createApiKey.apiKey.id;

    const create = await t.gql(CREATE, { i: { organizationId: recycler.id, role: 'RECYCLER' } }, makerAdmin.key);
    expect(create.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'ADMIN' });
    expect((await t.gql(LIST, { org: recycler.id }, makerAdmin.key)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(REVOKE, { id: theirKey }, makerAdmin.key)).errors![0].extensions!.code).toBe('FORBIDDEN');
    // And still works for them.
    const listed = await t.gql(LIST, {}, recyclerAdmin);
    expect(listed.data.apiKeys.edges.find((e: any) => e.node.id === theirKey).node.revokedAt).toBeNull();
  });

  it('refuses key management to keys that are not ADMIN, even in their own organization', async () => {
    const res = await t.gql(CREATE, { i: { organizationId: maker.id, role: 'MANUFACTURER' } }, maker.key);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['ADMIN'] });
    expect((await t.gql(LIST, {}, maker.key)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(LIST, {})).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('answers unknown or malformed ids with NOT_FOUND or BAD_USER_INPUT, not an internal error', async () => {
    // Ids are UUIDs: anything else is bad input, naming the argument.
    expect((await t.gql(REVOKE, { id: 'not-a-uuid' }, t.adminKey)).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [expect.objectContaining({ path: 'apiKeyId', keyword: 'uuid' })],
    });
    expect((await t.gql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' }, t.adminKey)).errors![0].extensions!.code).toBe('NOT_FOUND');
    const list = await t.gql(LIST, { org: 'nope' }, t.adminKey);
    expect(list.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: 'organizationId' })] });
    expect((await t.gql(LIST, {}, t.adminKey)).errors![0].extensions!.violations[0].path).toBe('organizationId');
    const create = await t.gql(CREATE, { i: { organizationId: 'nope', role: 'ADMIN' } }, t.adminKey);
    expect(create.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: 'organizationId' })] });
    const unknown = await t.gql(CREATE, { i: { organizationId: '00000000-0000-4000-8000-000000000000', role: 'ADMIN' } }, t.adminKey);
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
    const page = await t.gql(LIST, { after: 'garbage' }, makerAdmin.key);
    expect(page.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('pages through the keys of an organization', async () => {
    for (let i = 0; i < 3; i++) await t.gql(CREATE, { i: { organizationId: recycler.id, role: 'RECYCLER', label: `page ${i}` } }, recyclerAdmin);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = await t.gql(LIST, { first: 2, after }, recyclerAdmin);
      total = page.data.apiKeys.totalCount;
      seen.push(...page.data.apiKeys.edges.map((e: any) => e.node.id));
      after = page.data.apiKeys.pageInfo.hasNextPage ? page.data.apiKeys.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(5);
  });

  it('stops a key at its expiry time and refuses an expiry in the past', async () => {
    const past = await t.gql(
      CREATE,
      { i: { organizationId: maker.id, role: 'MANUFACTURER', expiresAt: new Date(Date.now() - 1000).toISOString() } },
      makerAdmin.key,
    );
    expect(past.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ path: 'expiresAt' })] });

    const expiresAt = new Date(Date.now() + 1500);
    const created = await t.gql(CREATE, { i: { organizationId: maker.id, role: 'MANUFACTURER', expiresAt: expiresAt.toISOString() } }, makerAdmin.key);
    const { secret, apiKey } = created.data.createApiKey;
    expect(new Date(apiKey.expiresAt).getTime()).toBe(expiresAt.getTime());
    expect((await t.gql(WHO, {}, secret)).errors).toBeUndefined();
    await sleep(Math.max(0, expiresAt.getTime() - Date.now()) + 100);
    expect((await t.gql(WHO, {}, secret)).errors![0]).toMatchObject({ message: 'The API key has expired', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('records when a key was last used', async () => {
    const created = await t.gql(CREATE, { i: { organizationId: maker.id, role: 'MANUFACTURER', label: 'usage' } }, makerAdmin.key);
    const { secret, apiKey } = created.data.createApiKey;
    const lastUsed = async () =>
      (await t.gql(LIST, { first: 100 }, makerAdmin.key)).data.apiKeys.edges.find((e: any) => e.node.id === apiKey.id).node.lastUsedAt as string | null;
    expect(await lastUsed()).toBeNull();

    const before = Date.now();
    await t.gql(WHO, {}, secret);
    // The time is written next to the request, not in its way: wait for it briefly.
    let recorded: string | null = null;
    for (let i = 0; i < 50 && !recorded; i++) {
      recorded = await lastUsed();
      if (!recorded) await sleep(100);
    }
    expect(recorded).not.toBeNull();
    expect(new Date(recorded!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(recorded!).getTime()).toBeLessThanOrEqual(Date.now());
  });
});
