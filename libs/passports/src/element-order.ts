/**
 * Element symbols in code-point order ("Al" < "Cu" < "Mg" < "Sb"), the same in every locale: the order of public lists
 * of elements, which must not follow their masses.
 */
export function bySymbol(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
