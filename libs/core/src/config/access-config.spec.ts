import { ConfigError, loadConfig } from './app-config';

describe('loadConfig: rate and query limits, public base URL, proxies', () => {
  it('has generous defaults', () => {
    expect(loadConfig({})).toMatchObject({
      rateLimitPerMinute: 600,
      anonymousRateLimitPerMinute: 120,
      maxQueryDepth: 10,
      maxQueryCost: 2_000_000,
      maxRootFields: 20,
      maxMutations: 10,
      rateLimitCostPerMinute: 20_000_000,
      anonymousRateLimitCostPerMinute: 4_000_000,
      graphqlIntrospection: true,
      publicBaseUrl: null,
      trustProxyHops: 0,
      apiKeyCacheSeconds: 10,
    });
  });

  it('reads the variables, 0 switching a limit off', () => {
    const config = loadConfig({
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '30',
      MAX_QUERY_DEPTH: '8',
      MAX_QUERY_COST: '5000',
      MAX_ROOT_FIELDS: '5',
      MAX_MUTATIONS: '0',
      RATE_LIMIT_COST_PER_MINUTE: '20000',
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '0',
      PUBLIC_BASE_URL: 'https://id.example.org/registry/',
      TRUST_PROXY: '1',
      API_KEY_CACHE_SECONDS: '0',
    });
    expect(config).toMatchObject({
      rateLimitPerMinute: 0,
      anonymousRateLimitPerMinute: 30,
      maxQueryDepth: 8,
      maxQueryCost: 5000,
      maxRootFields: 5,
      maxMutations: 0,
      rateLimitCostPerMinute: 20_000,
      anonymousRateLimitCostPerMinute: 0,
      publicBaseUrl: 'https://id.example.org/registry',
      trustProxyHops: 1,
      apiKeyCacheSeconds: 0,
    });
  });

  it('names every invalid variable', () => {
    const env = {
      RATE_LIMIT_PER_MINUTE: 'many',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '-1',
      MAX_QUERY_DEPTH: '2.5',
      MAX_QUERY_COST: '1e12',
      MAX_ROOT_FIELDS: 'twenty',
      MAX_MUTATIONS: '-1',
      RATE_LIMIT_COST_PER_MINUTE: '1.5',
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: 'lots',
      GRAPHQL_INTROSPECTION: 'yes',
      PUBLIC_BASE_URL: 'ftp://id.example.org',
      TRUST_PROXY: 'yes',
    };
    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    for (const variable of Object.keys(env)) expect(message).toContain(variable);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'https://id.example.org/?x=1' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('requires PUBLIC_BASE_URL in production, so that no request chooses the host of Digital Links', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_BASE_URL must be set when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://id.example.org' }).publicBaseUrl).toBe('https://id.example.org');
    // Outside production the request's host stays the fallback (see the Digital Link resolver for its cache headers).
    expect(loadConfig({ NODE_ENV: 'development' }).publicBaseUrl).toBeNull();
  });

  it('turns introspection off in production unless GRAPHQL_INTROSPECTION=true', () => {
    const production = { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://id.example.org' };
    expect(loadConfig(production).graphqlIntrospection).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).graphqlIntrospection).toBe(false);
  });
});
