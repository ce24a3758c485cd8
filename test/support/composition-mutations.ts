// Mutations of real composition documents for fuzz tests: each replaces, removes or adds one value somewhere in the
// document, with values chosen to hit the edges (NUL characters, overflowing numbers, wrong types, deep nesting).
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a document: the container and the key or index of a value in it. */
function places(document: Json): { parent: Json[] | { [key: string]: Json }; token: string | number }[] {
  const found: { parent: Json[] | { [key: string]: Json }; token: string | number }[] = [];
  const stack: Json[] = [document];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        found.push({ parent: value, token: index });
        stack.push(item);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        found.push({ parent: value, token: key });
        stack.push(item);
      }
    }
  }
  return found;
}

/** Values at the edges of what the validator, the rules and the database accept. */
const edgeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    -1,
    0,
    -0,
    1e200,
    -1e200,
    1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER,
    2 ** 63,
    0.1,
    '',
    '\u0000',
    'a\u0000b',
    'Xx',
    'Fe',
    '7429-90-4',
    '7429-90-5',
    'x'.repeat(65),
    '\ud800',
    'é',
    '1e400',
    true,
    false,
    null,
    [],
    {},
    [null],
    { 'x-': null },
  ),
  fc.double(),
  fc.integer(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

/** A value nested `depth` levels of arrays deep. */
const nested = fc.integer({ min: 100, max: 3000 }).map((depth) => {
  let value: Json = 0;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
});

export type Mutation = (document: Json) => void;

/** Which place a mutation hits: an index modulo the number of places (uniform, where a fraction would bias to the first). */
const pick = fc.nat();

/** One mutation. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(pick, edgeValue).map(([pick, value]): Mutation => (document) => {
    const all = places(document);
    if (all.length === 0) return;
    const { parent, token } = all[pick % all.length];
    (parent as Record<string | number, Json>)[token] = value;
  }),
  pick.map((pick): Mutation => (document) => {
    const all = places(document);
    if (all.length === 0) return;
    const { parent, token } = all[pick % all.length];
    if (Array.isArray(parent)) parent.splice(Number(token), 1);
    else delete parent[token as string];
  }),
  fc
    .tuple(pick, fc.constantFrom('x-data', 'x-\u0000', 'unknown', 'key', 'massKg'), fc.oneof(edgeValue, nested))
    .map(([pick, key, value]): Mutation => (document) => {
      const objects = [document, ...places(document).map(({ parent, token }) => (parent as Record<string | number, Json>)[token])].filter(
        (value): value is { [key: string]: Json } => value !== null && typeof value === 'object' && !Array.isArray(value),
      );
      objects[pick % objects.length][key] = value;
    }),
  // A string of the document with a NUL character inside: PostgreSQL refuses it in text and JSON.
  pick.map((pick): Mutation => (document) => {
    const strings = places(document).filter(({ parent, token }) => typeof (parent as Record<string | number, Json>)[token] === 'string');
    if (strings.length === 0) return;
    const { parent, token } = strings[pick % strings.length];
    (parent as Record<string | number, Json>)[token] += '\u0000';
  }),
);

/** A copy of `document` with 1 to `max` mutations applied. */
export function mutatedDocument(document: unknown, max = 3): fc.Arbitrary<Json> {
  return fc.array(mutation, { minLength: 1, maxLength: max }).map((mutations) => {
    const copy = structuredClone(document) as Json;
    for (const mutate of mutations) mutate(copy);
    return copy;
  });
}
