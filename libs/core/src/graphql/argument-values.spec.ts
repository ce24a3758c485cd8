import { buildSchema, type GraphQLObjectType } from 'graphql';
import { argumentViolations } from './argument-values';
import { cursorBigInt, cursorText, cursorTime, readTimeCursor } from './connection';

const schema = buildSchema(`
  scalar JSONObject
  input Filter { manufacturerId: ID, element: String, elements: [String!] }
  input Change { passportId: ID!, productName: String, composition: JSONObject }
  type Query { item(id: ID!, filter: Filter, count: Int): Int }
  type Mutation { change(input: Change!): Int }
`);
const argsOf = (type: 'Query' | 'Mutation', field: string) => (schema.getType(type) as GraphQLObjectType).getFields()[field].args;

describe('argumentViolations', () => {
  it('accepts UUIDs and strings without NUL', () => {
    expect(
      argumentViolations(argsOf('Query', 'item'), { id: '1f0c6a1e-55a4-4f8e-9a77-1f0c6a1e55a4', filter: { element: 'Sb', elements: ['Nd'] }, count: 3 }),
    ).toEqual([]);
  });

  it('names every id that is not a UUID and every string with a NUL character, with its field', () => {
    expect(
      argumentViolations(argsOf('Query', 'item'), { id: 'not-a-uuid', filter: { manufacturerId: '42', element: 'S\u0000b', elements: ['Nd', '\u0000'] } }),
    ).toEqual([
      { path: 'id', keyword: 'uuid', message: '"not-a-uuid" is not an id (ids are UUIDs)' },
      { path: 'filter.manufacturerId', keyword: 'uuid', message: '"42" is not an id (ids are UUIDs)' },
      { path: 'filter.element', keyword: 'nulCharacter', message: 'must not contain the NUL character (U+0000)' },
      { path: 'filter.elements[1]', keyword: 'nulCharacter', message: 'must not contain the NUL character (U+0000)' },
    ]);
  });

  it('names the fields of an `input` argument on their own and leaves JSON documents to their validator', () => {
    expect(
      argumentViolations(argsOf('Mutation', 'change'), { input: { passportId: 'x', productName: 'Lamp\u0000', composition: { name: '\u0000' } } }),
    ).toEqual([expect.objectContaining({ path: 'passportId', keyword: 'uuid' }), expect.objectContaining({ path: 'productName', keyword: 'nulCharacter' })]);
  });
});

describe('cursor values', () => {
  const refused = { extensions: { violations: [{ path: 'after', keyword: 'cursor', message: 'is not a cursor returned by this API' }] } };

  it('reads back what the API writes', () => {
    const createdAt = new Date('2026-05-04T10:00:00.000Z');
    expect(readTimeCursor([createdAt.toISOString(), '1f0c6a1e-55a4-4f8e-9a77-1f0c6a1e55a4'])).toEqual({
      createdAt,
      id: '1f0c6a1e-55a4-4f8e-9a77-1f0c6a1e55a4',
    });
    expect(cursorBigInt('9223372036854775807')).toBe(9223372036854775807n);
    expect(cursorText('Acme')).toBe('Acme');
  });

  it.each([
    ['a year before 1', () => cursorTime('-000001-01-01T00:00:00.000Z')],
    ['a year after 9999', () => cursorTime('+010000-01-01T00:00:00.000Z')],
    ['an impossible date', () => cursorTime('2026-02-31T00:00:00.000Z')],
    ['a number as time', () => cursorTime(0)],
    ['an id that is not a UUID', () => readTimeCursor(['2026-05-04T10:00:00.000Z', "1' OR 1=1"])],
    ['a bigint past 64 bits', () => cursorBigInt('9223372036854775808')],
    ['a negative bigint', () => cursorBigInt('-1')],
    ['a NUL character', () => cursorText('a\u0000')],
  ])('refuses %s', (_case, read) => {
    expect(read).toThrow(expect.objectContaining(refused));
  });
});
