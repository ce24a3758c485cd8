// Mass fractions of the elements of a formula, from IUPAC standard atomic weights (reference-data/elements.ts).
import { parseFormula, type AtomCount, type FormulaError } from './formula';
import { ELEMENTS } from './reference-data/elements';

export interface ElementFraction {
  element: string;
  /** Share of the element in the mass of the substance, 0..1; the fractions of a formula sum to 1. */
  massFraction: number;
}

export type FormulaFractionsResult = { ok: true; fractions: ElementFraction[] } | { ok: false; error: FormulaError };

const ATOMIC_WEIGHTS = new Map(ELEMENTS.map((element) => [element.symbol, element.atomicWeight]));

/**
 * w_i = n_i A_i / sum_j n_j A_j, with n the atoms per formula unit and A the standard atomic weight. The atoms come
 * from parseFormula, which refuses elements without a standard atomic weight.
 */
export function massFractionsOfAtoms(atoms: readonly AtomCount[]): ElementFraction[] {
  const masses = atoms.map(({ element, count }) => ({ element, mass: count * (ATOMIC_WEIGHTS.get(element) ?? Number.NaN) }));
  const total = masses.reduce((sum, { mass }) => sum + mass, 0);
  return masses.map(({ element, mass }) => ({ element, massFraction: mass / total }));
}

/** The mass fractions of a formula's elements, in order of first appearance, or why the formula cannot be read. */
export function formulaMassFractions(formula: string): FormulaFractionsResult {
  const parsed = parseFormula(formula);
  if (!parsed.ok) return parsed;
  return { ok: true, fractions: massFractionsOfAtoms(parsed.atoms) };
}

/** Molar mass of a formula in g/mol, or null when it cannot be read. */
export function molarMass(formula: string): number | null {
  const parsed = parseFormula(formula);
  if (!parsed.ok) return null;
  return parsed.atoms.reduce((sum, { element, count }) => sum + count * (ATOMIC_WEIGHTS.get(element) ?? Number.NaN), 0);
}
