// JSON pointers (RFC 6901) into a composition document, and ordering of violations by where they occur.

/** Appends reference tokens to a pointer, escaping "~" and "/". */
export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + tokens.map((token) => '/' + String(token).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The last reference token of a pointer, unescaped ("" for the root). */
export function lastToken(pointer: string): string {
  return pointer
    .slice(pointer.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

/** The value a pointer refers to, or undefined when there is none. */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let value = document;
  for (const token of pointer.slice(1).split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

/**
 * Sorts items by the document order of their path (a depth-first walk, keys in their written order), keeping the
 * given order among equal positions. A path to a missing property sorts with its nearest existing ancestor.
 */
export function sortByDocumentOrder<T extends { path: string }>(document: unknown, items: T[]): T[] {
  // Nothing to order (a valid document): the walk would be most of the cost of validating it.
  if (items.length < 2) return items;
  const order = new Map<string, number>();
  const walk = (value: unknown, pointer: string): void => {
    order.set(pointer, order.size);
    if (value === null || typeof value !== 'object') return;
    for (const [token, child] of Object.entries(value)) walk(child, childPointer(pointer, token));
  };
  walk(document, '');

  const positionOf = (pointer: string): number => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const position = order.get(p);
      if (position !== undefined) return position;
      if (p === '') return 0;
    }
  };
  return items
    .map((item) => ({ item, position: positionOf(item.path) }))
    .sort((a, b) => a.position - b.position)
    .map(({ item }) => item);
}
