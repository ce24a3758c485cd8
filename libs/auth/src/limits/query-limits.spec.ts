import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { measureOperation } from './query-cost';
import { type QueryLimits, queryLimitRules } from './query-limits';

const schema = buildSchema(`
  type Query { passports(first: Int = 20): PassportConnection! passport(id: ID!): Passport clusters: [Cluster!]! }
  type Mutation { register(name: String!): Passport! }
  type PassportConnection { edges: [Edge!]! totalCount: Int! }
  type Edge { node: Passport! }
  type Passport { id: ID! name: String! components: [Component!]! maker: Org! }
  type Component { name: String! materials: [Material!]! }
  type Material { name: String! }
  type Org { name: String! }
  type Cluster { code: String! }
`);

const NONE: QueryLimits = { maxDepth: 0, maxCost: 0, maxRootFields: 0, maxMutations: 0, introspection: true };

function errorsOf(query: string, limits: Partial<QueryLimits> = {}) {
  return validate(schema, parse(query), [...specifiedRules, ...queryLimitRules({ ...NONE, ...limits })]).map((e) => ({
    message: e.message,
    extensions: e.extensions,
  }));
}

function measured(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  if (operation?.kind !== 'OperationDefinition') throw new Error('no operation');
  return measureOperation(schema, document, operation, variables);
}

describe('query depth and cost limits', () => {
  it('measures depth through fragments and inline fragments', () => {
    expect(measured('{ passport(id: "1") { id } }').depth).toBe(2);
    expect(measured('{ passport(id: "1") { ...P } } fragment P on Passport { components { materials { name } } }').depth).toBe(4);
    expect(measured('{ passport(id: "1") { ... on Passport { maker { name } } } }').depth).toBe(3);
  });

  it('multiplies by the page size asked for, its default, and the real caps of components and materials', () => {
    // passports 1 + first * (edges 1 + node 1 + id 1): the edges are the page, not another list.
    expect(measured('{ passports(first: 5) { edges { node { id } } } }').cost).toBe(1 + 5 * 3);
    expect(measured('{ passports { totalCount } }').cost).toBe(1 + 20 * 1);
    // A page size from a variable counts as the largest page while unknown, then as its value.
    expect(measured('query($n: Int) { passports(first: $n) { totalCount } }').cost).toBe(1 + 100);
    expect(measured('query($n: Int) { passports(first: $n) { totalCount } }', { n: 7 }).cost).toBe(1 + 7);
    expect(measured('query($n: Int = 3) { passports(first: $n) { totalCount } }').cost).toBe(1 + 3);
    // A document holds up to 5,000 components ...
    expect(measured('{ passport(id: "1") { components { name } } }').cost).toBe(1 + 1 + 5000 * 1);
    // ... and 20,000 materials in all: 4 per component on average, 20,000 for one component.
    expect(measured('{ passport(id: "1") { components { name materials { name } } } }').cost).toBe(1 + 1 + 5000 * (1 + 1 + 4 * 1));
    // Other lists (reference data) count 10.
    expect(measured('{ clusters { code } }').cost).toBe(1 + 10 * 1);
  });

  it('counts introspection in depth and cost, with the sizes of the schema', () => {
    const one = measured('{ __schema { types { name fields { name } } } }');
    const types = Object.keys(schema.getTypeMap()).length;
    expect(one.depth).toBe(4);
    expect(one.cost).toBeGreaterThan(types * 2);
    expect(one.schemaFields).toBe(1);
    const two = measured('{ a: __schema { types { name } } b: __schema { types { name } } }');
    expect(two.schemaFields).toBe(2);
    expect(two.cost).toBe(2 * (1 + 1 + types * 1));
    // The standard query of code generators and desktop clients stays within the default depth of 10.
    expect(measured(getIntrospectionQuery()).depth).toBeLessThanOrEqual(10);
    expect(measured('{ passport(id: "1") { __typename id } }').cost).toBe(2);
  });

  it('measures fragments spread many times once', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Passport { name ...F${i + 1} ...F${i + 1} }`).join(' ');
    const started = Date.now();
    const measure = measured(`{ passport(id: "1") { ...F0 } } ${fragments} fragment F40 on Passport { id }`);
    expect(Date.now() - started).toBeLessThan(500);
    expect(measure.cost).toBeGreaterThan(2 ** 40);
  });

  it('refuses a query over a limit with an error naming the limit and the setting', () => {
    const deep = '{ passport(id: "1") { components { materials { name } } } }';
    expect(errorsOf(deep, { maxDepth: 3 })).toEqual([
      {
        message: 'The query is nested 4 levels deep; the limit is 3 (MAX_QUERY_DEPTH)',
        extensions: { limit: 'MAX_QUERY_DEPTH', maximum: 3, actual: 4 },
      },
    ]);
    const [error] = errorsOf('query Wide { passports(first: 100) { edges { node { components { name } } } } }', { maxCost: 5000 });
    expect(error.message).toBe(
      'Operation "Wide" has an estimated cost of 500301; the limit is 5000 (MAX_QUERY_COST). Ask for smaller pages (first) or fewer nested lists.',
    );
    expect(error.extensions).toEqual({ limit: 'MAX_QUERY_COST', maximum: 5000, actual: 500301 });
    expect(errorsOf(deep, { maxDepth: 4, maxCost: 30_002 })).toEqual([]);
  });

  it('refuses page sizes outside 1..100, whatever else the operation holds', () => {
    const refused = (query: string) => errorsOf(query).map((e) => [e.message, e.extensions.argument]);
    expect(refused('{ passports(first: -1000000) { totalCount } }')).toEqual([
      ['first: must be between 1 and 100, got -1000000 in Query.passports(first)', 'first'],
    ]);
    expect(refused('{ a: passports(first: 0) { totalCount } b: passports(first: 101) { totalCount } }')).toEqual([
      ['first: must be between 1 and 100, got 0 in Query.passports(first)', 'first'],
      ['first: must be between 1 and 100, got 101 in Query.passports(first)', 'first'],
    ]);
    expect(refused('query($n: Int = -5) { passports(first: $n) { totalCount } }')).toEqual([
      ['first: must be between 1 and 100, got -5 (variable $n) in Query.passports(first)', 'first'],
    ]);
    expect(refused('{ passports(first: 100) { totalCount } }')).toEqual([]);
  });

  it('caps root fields (aliases and fragments included), mutations and __schema per operation', () => {
    const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
    expect(errorsOf(`{ ${aliases(21, 'passports(first: 1) { totalCount }')} }`, { maxRootFields: 20 })).toEqual([
      {
        message: 'The query has 21 root fields (aliases included); the limit is 20 (MAX_ROOT_FIELDS)',
        extensions: { limit: 'MAX_ROOT_FIELDS', maximum: 20, actual: 21 },
      },
    ]);
    expect(errorsOf(`{ ...R ...R } fragment R on Query { ${aliases(11, 'clusters { code }')} }`, { maxRootFields: 20 })[0].extensions.actual).toBe(22);
    expect(errorsOf(`{ ${aliases(20, 'clusters { code }')} __typename }`, { maxRootFields: 20 })).toEqual([]);
    expect(errorsOf(`mutation M { ${aliases(11, 'register(name: "x") { id }')} }`, { maxMutations: 10, maxRootFields: 20 })).toEqual([
      {
        message: 'Operation "M" has 11 mutations; the limit is 10 (MAX_MUTATIONS). Send them in several requests.',
        extensions: { limit: 'MAX_MUTATIONS', maximum: 10, actual: 11 },
      },
    ]);
    expect(errorsOf('{ a: __schema { queryType { name } } b: __schema { queryType { name } } }')).toEqual([
      {
        message: 'The query asks for __schema 2 times; the limit is 1 per operation',
        extensions: { limit: 'MAX_SCHEMA_FIELDS', maximum: 1, actual: 2 },
      },
    ]);
  });

  it('refuses introspection when it is turned off, and lets __typename through', () => {
    const [error] = errorsOf('{ __type(name: "Passport") { name } }', { introspection: false });
    expect(error.message).toMatch(/^Introspection \(__schema, __type\) is turned off on this server \(GRAPHQL_INTROSPECTION/);
    expect(error.extensions).toEqual({ limit: 'GRAPHQL_INTROSPECTION' });
    expect(errorsOf('{ passport(id: "1") { __typename } }', { introspection: false })).toEqual([]);
  });

  it('survives fragment cycles (reported by graphql-js itself)', () => {
    const errors = errorsOf('{ passport(id: "1") { ...A } } fragment A on Passport { maker { name } ...A }', { maxDepth: 10, maxCost: 1000 });
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('Cannot spread fragment "A" within itself')]);
  });
});
