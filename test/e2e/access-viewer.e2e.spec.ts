import { TestApp } from '../support/test-app';

const VIEWER = '{ viewer { organization { id name kind corop } role accessTier platformAdmin } }';
const CREATE = 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(apiKeyId: $id) { id } }';

describe('viewer: who the caller is', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it("names the key's organization, its role and the tier it holds on every passport", async () => {
    const maker = await t.organization('MANUFACTURER', { corop: 'CR05' });
    const { data, errors } = await t.gql(VIEWER, {}, maker.key);
    expect(errors).toBeUndefined();
    expect(data.viewer).toEqual({
      organization: { id: maker.id, name: expect.stringMatching(/^manufacturer /), kind: 'MANUFACTURER', corop: 'CR05' },
      role: 'MANUFACTURER',
      accessTier: 'PUBLIC',
      platformAdmin: false,
    });

    const provider = await t.organization('SERVICE_PROVIDER');
    expect((await t.gql(VIEWER, {}, provider.key)).data.viewer).toMatchObject({
      organization: { id: provider.id, kind: 'SERVICE_PROVIDER' },
      role: 'SERVICE_PROVIDER',
      accessTier: 'LEGITIMATE_INTEREST',
    });
    const authority = await t.organization('AUTHORITY');
    expect((await t.gql(VIEWER, {}, authority.key)).data.viewer).toMatchObject({
      organization: { id: authority.id, kind: 'AUTHORITY' },
      role: 'AUDITOR',
      accessTier: 'AUTHORITY',
    });
  });

  it('answers anonymous callers with tier PUBLIC and no organization, and the platform administrator with OWNER', async () => {
    expect((await t.gql(VIEWER)).data.viewer).toEqual({ organization: null, role: null, accessTier: 'PUBLIC', platformAdmin: false });
    expect((await t.gql(VIEWER, {}, t.adminKey)).data.viewer).toEqual({ organization: null, role: 'ADMIN', accessTier: 'OWNER', platformAdmin: true });
  });

  it('refuses a revoked key rather than answering as anonymous', async () => {
    const recycler = await t.organization('RECYCLER');
    const created = (await t.gql(CREATE, { i: { organizationId: recycler.id, role: 'RECYCLER' } }, t.adminKey)).data.createApiKey;
    expect((await t.gql(VIEWER, {}, created.secret)).data.viewer.organization.id).toBe(recycler.id);
    await t.gql(REVOKE, { id: created.apiKey.id }, t.adminKey);
    const refused = await t.gql(VIEWER, {}, created.secret);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
