/**
 * The `VALUES` list of a multi-row insert with one parameter per value: `rows` tuples of the given casts, numbered
 * from `$first`, e.g. `($2::uuid, $3::int), ($4::uuid, $5::int)`. For rows with large text values (documents):
 * the database reads each parameter as it is, where an array parameter (unnest) is first parsed and unescaped
 * whole, which costs about as much again for megabytes of JSON.
 */
export function valuesList(rows: number, casts: readonly string[], first = 1): string {
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    const offset = first + row * casts.length;
    tuples.push(`(${casts.map((cast, column) => `$${offset + column}::${cast}`).join(', ')})`);
  }
  return tuples.join(',\n');
}
