import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@registry/core';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createTestDatabase, TEST_ADMIN_KEY } from '../support/test-database';
import { TestApp } from '../support/test-app';

const TYPENAME = { query: '{ __typename }' };
const REVOKE = 'mutation($id: ID!) { revokeApiKey(apiKeyId: $id) { id revokedAt } }';
const KEYS = 'query($o: ID) { apiKeys(organizationId: $o) { edges { node { id lastUsedAt } } } }';

async function call(app: INestApplication, key: string, body: object = TYPENAME) {
  return request(app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${key}`).send(body);
}

async function keyIdOf(t: TestApp, organizationId: string): Promise<string> {
  const res = await t.gql(KEYS, { o: organizationId }, t.adminKey);
  return res.data.apiKeys.edges[0].node.id;
}

describe('API keys are cached by the instances that use them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ apiKeyCacheSeconds: 2 });
  });
  afterAll(() => t.close());

  it('refuses a revoked key at once on the instance that revoked it, although the key was just cached', async () => {
    const org = await t.organization('RECYCLER');
    expect((await call(t.app, org.key)).body.data).toEqual({ __typename: 'Query' });
    const revoked = await t.gql(REVOKE, { id: await keyIdOf(t, org.id) }, t.adminKey);
    expect(revoked.errors).toBeUndefined();
    const res = await call(t.app, org.key);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors[0].message).toMatch(/revoked/);
  });

  it('notices a revocation it was not told of within API_KEY_CACHE_SECONDS', async () => {
    const org = await t.organization('RECYCLER');
    expect((await call(t.app, org.key)).body.data).toEqual({ __typename: 'Query' });
    // Revoked behind the API's back (no notification): the cached caller is served until its lifetime ends.
    await t.app.get(PrismaService).apiKey.updateMany({ where: { organizationId: org.id }, data: { revokedAt: new Date() } });
    expect((await call(t.app, org.key)).body.data).toEqual({ __typename: 'Query' });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await call(t.app, org.key)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('records the use of a key (lastUsedAt) without a write per request', async () => {
    const org = await t.organization('RECYCLER');
    const prisma = t.app.get(PrismaService);
    await call(t.app, org.key);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const first = (await prisma.apiKey.findFirstOrThrow({ where: { organizationId: org.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    // Cleared behind the API's back: requests within the minute do not write it again.
    await prisma.apiKey.updateMany({ where: { organizationId: org.id }, data: { lastUsedAt: null } });
    for (let i = 0; i < 5; i++) expect((await call(t.app, org.key)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await prisma.apiKey.findFirstOrThrow({ where: { organizationId: org.id } })).lastUsedAt).toBeNull();
  });
});

// NOTIFY reaches other processes only on a PostgreSQL server: the embedded database belongs to one process.
(process.env.TEST_DATABASE_URL ? describe : describe.skip)('a revocation on one instance reaches the others', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: INestApplication;
  let second: INestApplication;
  beforeAll(async () => {
    // A long lifetime, so that only the notification can explain the second instance refusing the key in time.
    database = await createTestDatabase({ apiKeyCacheSeconds: 300 });
    first = await createApp(database.config, { logger: ['error'] });
    second = await createApp(database.config, { logger: ['error'] });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
    await database.drop();
  });

  it('the other instance refuses the key within a second', async () => {
    const admin = (body: object) => request(first.getHttpServer()).post('/graphql').set('authorization', `Bearer ${TEST_ADMIN_KEY}`).send(body);
    const org = await admin({ query: 'mutation { createOrganization(input: { name: "Cached recycler", kind: RECYCLER }) { id } }' });
    const organizationId = org.body.data.createOrganization.id;
    const created = await admin({
      query: 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }',
      variables: { i: { organizationId, role: 'RECYCLER' } },
    });
    const { secret, apiKey } = created.body.data.createApiKey;
    expect((await call(second, secret)).body.data).toEqual({ __typename: 'Query' });

    expect((await admin({ query: REVOKE, variables: { id: apiKey.id } })).body.errors).toBeUndefined();
    const deadline = Date.now() + 1_000;
    let code: string | undefined;
    while (Date.now() < deadline && code === undefined) {
      code = (await call(second, secret)).body.errors?.[0]?.extensions?.code;
      if (code === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(code).toBe('UNAUTHENTICATED');
  });
});
