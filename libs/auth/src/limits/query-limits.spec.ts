import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { queryLimitRules } from './query-limits';

const schema = buildSchema(`
  type Query { passports(first: Int = 20): PassportConnection! passport(id: ID!): Passport }
  type PassportConnection { edges: [Edge!]! totalCount: Int! }
  type Edge { node: Passport! }
  type Passport { id: ID! name: String! components: [Component!]! maker: Org! }
  type Component { name: String! materials: [Material!]! parent: Component }
  type Material { name: String! }
  type Org { name: String! }
`);

function errorsOf(query: string, limits = { maxDepth: 0, maxCost: 0 }) {
  return validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(limits)]).map((e) => ({ message: e.message, extensions: e.extensions }));
}

/** The measured value, read back from the error of a limit of 1 (or 0 when nothing exceeds it). */
function measured(query: string, limit: 'MAX_QUERY_DEPTH' | 'MAX_QUERY_COST'): number {
  const limits = limit === 'MAX_QUERY_DEPTH' ? { maxDepth: 1, maxCost: 0 } : { maxDepth: 0, maxCost: 1 };
  const error = errorsOf(query, limits).find((e) => e.extensions.limit === limit);
  return error ? (error.extensions.actual as number) : 0;
}

describe('query depth and cost limits', () => {
  it('measures depth through fragments and inline fragments', () => {
    expect(measured('{ passport(id: "1") { id } }', 'MAX_QUERY_DEPTH')).toBe(2);
    expect(measured('{ passport(id: "1") { ...P } } fragment P on Passport { components { parent { parent { name } } } }', 'MAX_QUERY_DEPTH')).toBe(5);
    expect(measured('{ passport(id: "1") { ... on Passport { maker { name } } } }', 'MAX_QUERY_DEPTH')).toBe(3);
  });

  it('multiplies by the page size asked for, its default, and an assumed size for other lists', () => {
    // passports 1 + first * (edges 1 + node 1 + id 1): the edges are the page, not another list.
    expect(measured('{ passports(first: 5) { edges { node { id } } } }', 'MAX_QUERY_COST')).toBe(1 + 5 * 3);
    // ... but lists further down multiply: components 1 + 10 * name 1.
    expect(measured('{ passports(first: 5) { edges { node { components { name } } } } }', 'MAX_QUERY_COST')).toBe(1 + 5 * (1 + 1 + 1 + 10));
    expect(measured('{ passports { totalCount } }', 'MAX_QUERY_COST')).toBe(1 + 20 * 1);
    // A page size from a variable counts as the largest page, unless the variable has a default.
    expect(measured('query($n: Int) { passports(first: $n) { totalCount } }', 'MAX_QUERY_COST')).toBe(1 + 100);
    expect(measured('query($n: Int = 3) { passports(first: $n) { totalCount } }', 'MAX_QUERY_COST')).toBe(1 + 3);
    // passport 1 + (components 1 + 10 * (name 1 + materials 1 + 10 * name 1))
    expect(measured('{ passport(id: "1") { components { name materials { name } } } }', 'MAX_QUERY_COST')).toBe(1 + 1 + 10 * (1 + 1 + 10));
  });

  it('does not count __typename or introspection', () => {
    expect(measured('{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }', 'MAX_QUERY_DEPTH')).toBe(0);
    expect(measured('{ passport(id: "1") { __typename id } }', 'MAX_QUERY_COST')).toBe(2);
  });

  it('refuses a query over a limit with an error naming the limit and the setting', () => {
    const deep = '{ passport(id: "1") { components { parent { parent { parent { name } } } } } }';
    expect(errorsOf(deep, { maxDepth: 5, maxCost: 0 })).toEqual([
      {
        message: 'The query is nested 6 levels deep; the limit is 5 (MAX_QUERY_DEPTH)',
        extensions: { limit: 'MAX_QUERY_DEPTH', maximum: 5, actual: 6 },
      },
    ]);
    const wide = 'query Wide { passports(first: 100) { edges { node { components { materials { name } } } } } }';
    const [error] = errorsOf(wide, { maxDepth: 0, maxCost: 5000 });
    expect(error.message).toMatch(/^Operation "Wide" has an estimated cost of \d+; the limit is 5000 \(MAX_QUERY_COST\)/);
    expect(error.extensions).toMatchObject({ limit: 'MAX_QUERY_COST', maximum: 5000 });
    expect(errorsOf(deep, { maxDepth: 6, maxCost: 5000 })).toEqual([]);
  });

  it('survives fragment cycles (reported by graphql-js itself)', () => {
    const errors = errorsOf('{ passport(id: "1") { components { ...A } } } fragment A on Component { parent { ...A } }', { maxDepth: 10, maxCost: 1000 });
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('Cannot spread fragment "A" within itself')]);
  });
});
