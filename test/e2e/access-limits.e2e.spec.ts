import { getIntrospectionQuery } from 'graphql';
import { REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const COUNT = 'query { passports(first: 1) { totalCount } }';

describe('rate limits per key and per IP address, and GraphQL depth and cost limits', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start({ rateLimitPerMinute: 5, anonymousRateLimitPerMinute: 4, maxQueryDepth: 5, maxQueryCost: 30_000 });
    maker = await t.organization('MANUFACTURER');
    recycler = await t.organization('RECYCLER');
  });
  afterAll(() => t.close());

  function post(query: string, key?: string) {
    const req = t.http().post('/graphql').set('content-type', 'application/json');
    if (key) req.set('authorization', `Bearer ${key}`);
    return req.send({ query });
  }

  it('counts each key on its own and refuses the request over the limit with TOO_MANY_REQUESTS and a retry hint', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(COUNT, maker.key);
      expect(res.status).toBe(200);
      remaining.push(res.headers['ratelimit-remaining']);
    }
    expect(remaining.map(Number)).toEqual([4, 3, 2, 1, 0]);

    const refused = await post(COUNT, maker.key);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^Too many requests for this API key: the limit is 5 per minute \(RATE_LIMIT_PER_MINUTE\)\. Retry after \d+ s\.$/),
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: retryAfter, limit: 5, windowSeconds: 60 },
    });
    // Nothing ran: the refused request did not register anything.
    const write = await t
      .http()
      .post('/graphql')
      .set('authorization', `Bearer ${maker.key}`)
      .send({ query: REGISTER, variables: { i: registerInput({}, maker) } });
    expect(write.status).toBe(429);

    // Another key of the same app is not affected, nor is the platform administrator.
    expect((await post(COUNT, recycler.key)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await post(COUNT, t.adminKey)).status).toBe(200);
  });

  it('limits anonymous callers per IP address, on every route, and counts bad keys against the address', async () => {
    const statuses: number[] = [];
    statuses.push((await post(COUNT)).status);
    statuses.push((await t.http().get('/01/8712345000011').set('accept', 'application/json')).status);
    statuses.push((await post(COUNT, 'cpr_wrong')).status);
    statuses.push((await post(COUNT)).status);
    expect(statuses).toEqual([200, 404, 401, 200]);
    const refused = await t.http().get('/01/8712345000011').set('accept', 'application/json');
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringContaining('RATE_LIMIT_ANONYMOUS_PER_MINUTE'),
      extensions: { code: 'TOO_MANY_REQUESTS', limit: 4 },
    });
    // Guessing keys from the same address is refused before any key is looked at.
    const guess = await post(COUNT, 'cpr_another-guess');
    expect(guess.status).toBe(429);
  });

  // The query limits below apply to every key; the administrator's, which has no rate limit, keeps them apart from it.
  it('refuses a query nested deeper than MAX_QUERY_DEPTH, naming the limit', async () => {
    const res = await t.gql('query Deep { passports(first: 1) { edges { node { components { materials { name } } } } } }', {}, t.adminKey);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].message).toBe('Operation "Deep" is nested 6 levels deep; the limit is 5 (MAX_QUERY_DEPTH)');
    expect(res.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_QUERY_DEPTH', maximum: 5, actual: 6 });
    expect(res.data).toBeUndefined();
  });

  it('refuses a query whose estimated cost is over MAX_QUERY_COST, and accepts it with a smaller page', async () => {
    // 1 + first * (edges 1 + node 1 + id 1 + components 1 + 5,000 components * path 1)
    const query = (first: number) => `{ passports(first: ${first}) { edges { node { id components { path } } } } }`;
    const big = await t.gql(query(100), {}, t.adminKey);
    expect(big.errors![0].message).toMatch(/^The query has an estimated cost of 500401; the limit is 30000 \(MAX_QUERY_COST\)\. Ask for smaller pages/);
    expect(big.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_QUERY_COST', maximum: 30000, actual: 500401 });
    const small = await t.gql(query(2), {}, t.adminKey);
    expect(small.errors).toBeUndefined();
  });

  it('estimates the README example as documented', async () => {
    const costOf = async (query: string) =>
      (await t.gql(query, {}, t.adminKey)).errors!.find((e) => e.extensions!.limit === 'MAX_QUERY_COST')!.extensions!.actual;
    const selection = 'components { materials { name criticalLists { listId } } }';
    expect(await costOf(`{ passports(first: 100) { edges { node { ${selection} } } } }`)).toBe(24500301);
    expect(await costOf(`{ passport(id: "00000000-0000-0000-0000-000000000000") { ${selection} } }`)).toBe(245002);
  });
});

describe('attacks on the query limits (issue 9, findings 1 and 2)', () => {
  // Default query limits; small cost budgets so that a few requests exhaust them; introspection on (not production).
  let t: TestApp;
  let maker: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start({ rateLimitCostPerMinute: 1_000, anonymousRateLimitCostPerMinute: 1_500 });
    maker = await t.organization('MANUFACTURER');
  });
  afterAll(() => t.close());

  function post(body: Record<string, unknown>, key?: string) {
    const req = t.http().post('/graphql').set('content-type', 'application/json');
    if (key) req.set('authorization', `Bearer ${key}`);
    return req.send(body);
  }
  const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
  const myPassports = async () => (await t.gql('{ passports(first: 100) { totalCount } }', {}, maker.key)).data.passports.totalCount as number;

  it('counts introspection in the query cost: 200 aliases of the schema types are refused before they run (MAX_INTROSPECTION_COST)', async () => {
    const types = 'types { name fields { name args { name type { name } } } }';
    const res = await post({ query: `{ __schema { ${aliases(200, types)} } }` });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^The query has an estimated introspection cost of \d+; the limit is 50000 \(MAX_INTROSPECTION_COST\)/),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_INTROSPECTION_COST' }),
      }),
    ]);
    // ... and __schema itself may be asked for once per operation.
    const twice = await post({ query: `{ ${aliases(200, '__schema { queryType { name } }')} }` });
    expect(twice.body.errors.map((e: { message: string }) => e.message)).toContain('The query asks for __schema 200 times; the limit is 1 per operation');
    // One introspection of the whole schema, as code generators send it, is within the limits.
    const one = await post({ query: getIntrospectionQuery() }, t.adminKey);
    expect(one.status).toBe(200);
    expect(one.body.data.__schema.types.length).toBeGreaterThan(50);
  });

  it('refuses a negative page size in the validation rule, so nothing of the operation runs', async () => {
    const query = `{ passports(first: 100) { edges { node { components { materials { name } } } } }
      passport(id: "00000000-0000-0000-0000-000000000000") { revisions(first: -1000000) { edges { node { revision } } } } }`;
    const res = await post({ query }, t.adminKey);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0]).toMatchObject({
      message: 'first: must be between 1 and 100, got -1000000 in Passport.revisions(first)',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', argument: 'first', minimum: 1, maximum: 100 },
    });
    // The estimate no longer turns negative: the rest of the operation is refused for its own cost too.
    expect(res.body.errors.map((e: { extensions: { limit: string } }) => e.extensions.limit)).toContain('MAX_QUERY_COST');

    // The same size given by a variable is refused before execution, as bad input naming the argument.
    const byVariable = await post({ query: 'query($n: Int!) { passports(first: $n) { totalCount } }', variables: { n: -1000000 } }, t.adminKey);
    expect(byVariable.status).toBe(400);
    expect(byVariable.body.data).toBeUndefined();
    expect(byVariable.body.errors[0]).toMatchObject({
      message: 'first: must be between 1 and 100, got -1000000 (variable $n) in Query.passports(first)',
      extensions: { code: 'BAD_USER_INPUT', violations: [{ path: 'first', keyword: 'range' }] },
    });
  });

  it('refuses 4,000 aliases of passports(first: 1) { totalCount } in one request (MAX_ROOT_FIELDS)', async () => {
    const res = await post({ query: `{ ${aliases(4000, 'passports(first: 1) { totalCount }')} }` });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0]).toMatchObject({
      message: 'The query has 4000 root fields (aliases included); the limit is 20 (MAX_ROOT_FIELDS)',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_ROOT_FIELDS', maximum: 20, actual: 4000 },
    });
  });

  it('caps mutations per operation (MAX_MUTATIONS) and charges each write to the cost budget: ten registerPassport aliases write nothing', async () => {
    const registrations = (n: number) => ({
      query: `mutation(${Array.from({ length: n }, (_, i) => `$i${i}: RegisterPassportInput!`).join(', ')}) {
        ${Array.from({ length: n }, (_, i) => `r${i}: registerPassport(input: $i${i}) { id }`).join(' ')} }`,
      variables: Object.fromEntries(Array.from({ length: n }, (_, i) => [`i${i}`, registerInput({}, maker)])),
    });
    const before = await myPassports();

    const eleven = await post(registrations(11), maker.key);
    expect(eleven.status).toBe(400);
    expect(eleven.body.errors[0]).toMatchObject({
      message: 'The mutation has 11 mutations; the limit is 10 (MAX_MUTATIONS). Send them in several requests.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_MUTATIONS', maximum: 10, actual: 11 },
    });

    // Ten writes cost 10 * (100 + id 1) > the key's budget of 1,000 per minute: refused before any of them runs.
    const ten = await post(registrations(10), maker.key);
    expect(ten.status).toBe(429);
    expect(ten.body.data).toBeUndefined();
    expect(ten.body.errors[0]).toMatchObject({
      message:
        'The operation has an estimated cost of 1010, more than the whole budget of 1000 per minute for this API key (RATE_LIMIT_COST_PER_MINUTE). ' +
        'Ask for smaller pages (first) or fewer nested lists.',
      extensions: { code: 'TOO_MANY_REQUESTS', limit: 1000, cost: 1010, setting: 'RATE_LIMIT_COST_PER_MINUTE' },
    });
    expect(await myPassports()).toBe(before);
    // One registration fits the budget.
    expect((await post(registrations(1), maker.key)).body.data.r0.id).toEqual(expect.any(String));
    expect(await myPassports()).toBe(before + 1);
  });

  it('charges each operation its estimated cost per key, says so in RateLimit headers, and refuses with 429 and Retry-After when spent', async () => {
    const other = await t.organization('RECYCLER');
    // 1 + 2 * (edges 1 + node 1 + id 1 + criticalMaterials 1 + 118 elements * element 1) = 245: four fit in 1,000.
    const page = (first: number) => `{ passports(first: ${first}) { edges { node { id criticalMaterials { element } } } } }`;
    const first = await post({ query: page(2) }, other.key);
    expect(first.status).toBe(200);
    expect(first.headers).toMatchObject({
      'ratelimit-limit': '1000',
      'ratelimit-remaining': String(1000 - 245),
      'ratelimit-policy': '600;w=60, 1000;w=60;comment="cost"',
    });
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(60);
    for (const spent of [2, 3, 4]) expect((await post({ query: page(2) }, other.key)).headers['ratelimit-remaining']).toBe(String(1000 - spent * 245));

    const refused = await post({ query: page(2) }, other.key);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.body.errors[0]).toMatchObject({
      message: `Query cost budget exhausted for this API key: the operation has an estimated cost of 245 and the budget is 1000 per minute (RATE_LIMIT_COST_PER_MINUTE). Retry after ${retryAfter} s.`,
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: retryAfter, limit: 1000, cost: 245, windowSeconds: 60 },
    });
    // A cheap operation (1 + totalCount 1) still fits what is left.
    expect((await post({ query: '{ passports(first: 1) { totalCount } }' }, other.key)).status).toBe(200);
  });

  it('charges anonymous callers per IP address against their own budget', async () => {
    const res = await post({ query: '{ passports(first: 20) { edges { node { id criticalMaterials { element } } } } }' });
    expect(res.status).toBe(429);
    expect(res.body.errors[0]).toMatchObject({
      message: expect.stringContaining(
        'more than the whole budget of 1500 per minute for anonymous requests from this IP address (RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE)',
      ),
      extensions: { code: 'TOO_MANY_REQUESTS', cost: 2441 },
    });
  });

  it('serves no GraphiQL page, which would load scripts from a CDN', async () => {
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.text).not.toMatch(/<script|unpkg|cdn/i);
  });
});

describe('introspection turned off (NODE_ENV=production without GRAPHQL_INTROSPECTION=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ graphqlIntrospection: false });
  });
  afterAll(() => t.close());

  it('refuses __schema and __type, naming the setting, and still answers __typename', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Passport") { name } }']) {
      const res = await t.gql(query);
      expect(res.data).toBeUndefined();
      expect(res.errors![0]).toMatchObject({
        message: expect.stringMatching(/^Introspection \(__schema, __type\) is turned off on this server \(GRAPHQL_INTROSPECTION/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'GRAPHQL_INTROSPECTION' },
      });
    }
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});
