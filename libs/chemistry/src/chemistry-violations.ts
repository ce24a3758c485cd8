// Consistency of a material's chemistry fields. Paths are JSON pointers relative to the material (e.g. "/formula"),
// for the validator to prefix with the material's own pointer.
import { FRACTION_SUM_TOLERANCE, type MaterialChemistry } from './decompose-material';
import type { FormulaErrorCode } from './formula';
import { formFromDocument, withImpliedForms } from './material-form';
import { formulaMassFractions, type ElementFraction } from './mass-fractions';
import { ELEMENTS } from './reference-data/elements';
import type { SubstanceTable } from './reference-data/substances.2026-01';
import { referenceSubstance, SUBSTANCE_TABLE } from './substances';

/** Same shape as the registry's Violation (libs/core), which this framework-free library does not import. */
export interface ChemistryViolation {
  path: string;
  keyword: string;
  message: string;
}

/** A declared formula agrees with the reference formula of its CAS number when no element's mass fraction differs more. */
export const REFERENCE_FRACTION_TOLERANCE = 0.005;

const SYMBOLS = new Set(ELEMENTS.map((element) => element.symbol));
const FORMULA_KEYWORDS: Record<FormulaErrorCode, string> = { syntax: 'formula', element: 'formulaElement', limit: 'formulaLimit' };

/**
 * Violations: an unknown, repeated or out-of-range entry of `elements`, `elements` fractions summing to more than 1,
 * an unreadable `formula` (syntax, unknown symbol, limits), a formula contradicting the reference substance of the
 * `casNumber`, an `element` the material's chemistry does not contain, a graphite form without carbon.
 */
export function chemistryViolations(material: MaterialChemistry, table: SubstanceTable = SUBSTANCE_TABLE): ChemistryViolation[] {
  const violations: ChemistryViolation[] = [];
  const fromElements = checkElements(material.elements, violations);

  let fromFormula: ElementFraction[] | null = null;
  if (typeof material.formula === 'string') {
    const parsed = formulaMassFractions(material.formula);
    if (parsed.ok) {
      fromFormula = parsed.fractions;
      checkAgainstReference(material.formula, fromFormula, material.casNumber, table, violations);
    } else {
      violations.push({
        path: '/formula',
        keyword: FORMULA_KEYWORDS[parsed.error.code],
        message: `formula ${JSON.stringify(material.formula)}: ${parsed.error.message}`,
      });
    }
  }

  // What the material is made of, by precedence; a partial `elements` list may leave the declared element undisclosed.
  const known = knownElements(material, fromElements, fromFormula, table);
  if (typeof material.element === 'string' && known !== null && known.symbols.length > 0 && !known.symbols.includes(material.element)) {
    violations.push({ path: '/element', keyword: 'declaredElement', message: `element "${material.element}" is not in ${known.what}` });
  }

  material.forms?.forEach((value, index) => {
    const form = formFromDocument(value);
    const graphite = form !== undefined && withImpliedForms([form]).has('GRAPHITE');
    if (graphite && known !== null && known.symbols.length > 0 && !known.symbols.includes('C')) {
      violations.push({ path: `/forms/${index}`, keyword: 'form', message: `form "${value}" needs carbon, which is not in ${known.what}` });
    }
  });
  return violations;
}

/** Checks `elements`; answers its fractions when every entry is usable (the sum may still be over 1). */
function checkElements(elements: MaterialChemistry['elements'], violations: ChemistryViolation[]): ElementFraction[] | null {
  if (!Array.isArray(elements) || elements.length === 0) return null;
  const seen = new Set<string>();
  let sum = 0;
  let sumReported = false;
  elements.forEach(({ element, massFraction }, index) => {
    if (!SYMBOLS.has(element)) {
      violations.push({ path: `/elements/${index}/element`, keyword: 'element', message: `element "${element}" is not the symbol of a chemical element` });
    } else if (seen.has(element)) {
      violations.push({ path: `/elements/${index}/element`, keyword: 'duplicateElement', message: `element "${element}" is listed more than once` });
    }
    seen.add(element);
    if (typeof massFraction !== 'number' || !(massFraction >= 0 && massFraction <= 1)) {
      violations.push({
        path: `/elements/${index}/massFraction`,
        keyword: 'massFraction',
        message: `massFraction ${String(massFraction)} must be a number from 0 to 1`,
      });
      return;
    }
    sum += massFraction;
    if (!sumReported && sum > 1 + FRACTION_SUM_TOLERANCE) {
      sumReported = true;
      violations.push({
        path: `/elements/${index}/massFraction`,
        keyword: 'massFractionSum',
        message: `the mass fractions of elements 0 to ${index} sum to ${Number(sum.toPrecision(10))}, more than 1`,
      });
    }
  });
  return elements.every(({ element, massFraction }) => SYMBOLS.has(element) && typeof massFraction === 'number' && Number.isFinite(massFraction))
    ? elements.map(({ element, massFraction }) => ({ element, massFraction }))
    : null;
}

function checkAgainstReference(
  formula: string,
  fractions: readonly ElementFraction[],
  casNumber: string | undefined,
  table: SubstanceTable,
  violations: ChemistryViolation[],
): void {
  const substance = casNumber ? referenceSubstance(casNumber, table) : undefined;
  if (substance === undefined) return;
  const subject = `formula ${JSON.stringify(formula)}`;
  const reference = `${substance.name} (CAS ${casNumber})`;

  if (substance.formula === null) {
    const expected = substance.elements ?? [];
    const actual = fractions.map((share) => share.element);
    if (expected.length > 0 && (actual.length !== expected.length || !expected.every((symbol) => actual.includes(symbol)))) {
      violations.push({
        path: '/formula',
        keyword: 'casFormula',
        message: `${subject} has elements ${actual.join(', ')}, but ${reference} has ${expected.join(', ')}`,
      });
    }
    return;
  }

  const expected = formulaMassFractions(substance.formula);
  if (!expected.ok) return;
  const differences = [...new Set([...fractions, ...expected.fractions].map((share) => share.element))]
    .map((element) => ({
      element,
      declared: fractions.find((share) => share.element === element)?.massFraction ?? 0,
      reference: expected.fractions.find((share) => share.element === element)?.massFraction ?? 0,
    }))
    .filter(({ declared, reference: ref }) => Math.abs(declared - ref) > REFERENCE_FRACTION_TOLERANCE);
  if (differences.length > 0) {
    const detail = differences.map((d) => `${d.element} ${d.declared.toFixed(4)} instead of ${d.reference.toFixed(4)}`).join(', ');
    violations.push({
      path: '/formula',
      keyword: 'casFormula',
      message: `${subject} contradicts the reference formula ${substance.formula} of ${reference}: mass fractions ${detail}`,
    });
  }
}

/** The elements the material certainly consists of, from its highest-precedence chemistry; null when not known in full. */
function knownElements(
  material: MaterialChemistry,
  fromElements: ElementFraction[] | null,
  fromFormula: ElementFraction[] | null,
  table: SubstanceTable,
): { symbols: string[]; what: string } | null {
  if (Array.isArray(material.elements) && material.elements.length > 0) {
    if (fromElements === null || sumOf(fromElements) < 1 - FRACTION_SUM_TOLERANCE) return null;
    return { symbols: fromElements.filter((share) => share.massFraction > 0).map((share) => share.element), what: 'the declared elements' };
  }
  if (material.formula !== undefined) {
    return fromFormula === null ? null : { symbols: fromFormula.map((share) => share.element), what: `the formula ${material.formula}` };
  }
  const substance = material.casNumber ? referenceSubstance(material.casNumber, table) : undefined;
  if (substance === undefined) return null;
  return { symbols: referenceSymbols(substance.formula, substance.elements), what: `${substance.name} (CAS ${material.casNumber})` };
}

function referenceSymbols(formula: string | null, elements: readonly string[] | undefined): string[] {
  if (formula === null) return [...(elements ?? [])];
  const parsed = formulaMassFractions(formula);
  return parsed.ok ? parsed.fractions.map((share) => share.element) : [];
}

function sumOf(fractions: readonly ElementFraction[]): number {
  return fractions.reduce((sum, share) => sum + share.massFraction, 0);
}
