import { REGISTER, registerInput } from '../support/factories';
import { TestApp, type TestOrganization } from '../support/test-app';

const COUNT = 'query { passports(first: 1) { totalCount } }';

describe('rate limits per key and per IP address, and GraphQL depth and cost limits', () => {
  let t: TestApp;
  let maker: TestOrganization;
  let recycler: TestOrganization;

  beforeAll(async () => {
    t = await TestApp.start({ rateLimitPerMinute: 5, anonymousRateLimitPerMinute: 4, maxQueryDepth: 5, maxQueryCost: 1000 });
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
    const write = await t.http().post('/graphql').set('authorization', `Bearer ${maker.key}`).send({ query: REGISTER, variables: { i: registerInput({}, maker) } });
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
    const res = await t.gql(
      'query Deep { passports(first: 1) { edges { node { components { materials { name } } } } } }',
      {},
      t.adminKey,
    );
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].message).toBe('Operation "Deep" is nested 6 levels deep; the limit is 5 (MAX_QUERY_DEPTH)');
    expect(res.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_QUERY_DEPTH', maximum: 5, actual: 6 });
    expect(res.data).toBeUndefined();
  });

  it('refuses a query whose estimated cost is over MAX_QUERY_COST, and accepts it with a smaller page', async () => {
    // 1 + first * (edges 1 + node 1 + id 1 + components 1 + 10 * path 1)
    const query = (first: number) => `{ passports(first: ${first}) { edges { node { id components { path } } } } }`;
    const big = await t.gql(query(100), {}, t.adminKey);
    expect(big.errors![0].message).toMatch(/^The query has an estimated cost of 1401; the limit is 1000 \(MAX_QUERY_COST\)\. Ask for smaller pages/);
    expect(big.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_QUERY_COST', maximum: 1000, actual: 1401 });
    const small = await t.gql(query(2), {}, t.adminKey);
    expect(small.errors).toBeUndefined();
  });

  it('estimates the README example as documented', async () => {
    const example = (first: number) => `{ passports(first: ${first}) { edges { node { components { materials { name criticalLists { listId } } } } } } }`;
    const costOf = async (first: number) =>
      (await t.gql(example(first), {}, t.adminKey)).errors!.find((e) => e.extensions!.limit === 'MAX_QUERY_COST')!.extensions!.actual;
    expect(await costOf(100)).toBe(121301);
    expect(await costOf(20)).toBe(24261);
  });
});
