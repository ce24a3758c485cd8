// How a material's mass splits into element masses: element mass = material mass x the element's mass fraction.
import { formFromDocument, withImpliedForms, type MaterialForm } from './material-form';
import { formulaMassFractions, type ElementFraction } from './mass-fractions';
import { ELEMENTS } from './reference-data/elements';
import type { ReferenceSubstance, SubstanceTable } from './reference-data/substances.2026-01';
import { referenceSubstance, SUBSTANCE_TABLE } from './substances';

/** The chemistry fields of a material in a composition document (schemas/composition.v1.schema.json, 1.1). */
export interface MaterialChemistry {
  element?: string;
  casNumber?: string;
  formula?: string;
  elements?: readonly { element: string; massFraction: number }[];
  /** Declared forms, in the documents' spelling ("metal", "natural-graphite"...). */
  forms?: readonly string[];
}

/** Where an element share comes from, in order of precedence (highest first: DECLARED_FRACTIONS). */
export type ShareSource = 'DECLARED_FRACTIONS' | 'FORMULA' | 'REFERENCE_SUBSTANCE' | 'DECLARED_ELEMENT';

export interface ElementShare {
  element: string;
  /** Share of the material's mass, 0..1. */
  massFraction: number;
  source: ShareSource;
}

/** Sums of fractions may exceed 1 by rounding only. */
export const FRACTION_SUM_TOLERANCE = 1e-9;

const SYMBOLS = new Set(ELEMENTS.map((element) => element.symbol));

/**
 * The material's element shares, from the first of these it carries: `elements` (declared fractions; a sum below 1
 * leaves the rest undisclosed, assigned to no element), `formula`, a `casNumber` the reference table knows with a
 * single formula, `element` (the whole mass). A material with none of them has no shares. An invalid declaration
 * (reported by chemistryViolations) is skipped, so this never throws and always answers fractions summing to 1 or less.
 */
export function decomposeMaterial(material: MaterialChemistry, table: SubstanceTable = SUBSTANCE_TABLE): ElementShare[] {
  const declared = declaredFractions(material.elements);
  if (declared !== null) return declared.map((share) => ({ ...share, source: 'DECLARED_FRACTIONS' }));

  if (typeof material.formula === 'string') {
    const parsed = formulaMassFractions(material.formula);
    if (parsed.ok) return parsed.fractions.map((share) => ({ ...share, source: 'FORMULA' }));
  }

  const reference = substanceFractions(material.casNumber, table);
  if (reference !== null) return reference.map((share) => ({ ...share, source: 'REFERENCE_SUBSTANCE' }));

  if (typeof material.element === 'string' && SYMBOLS.has(material.element)) {
    return [{ element: material.element, massFraction: 1, source: 'DECLARED_ELEMENT' }];
  }
  return [];
}

/** The declared and the reference substance's forms of a material, with the forms they imply. */
export function materialForms(material: MaterialChemistry, table: SubstanceTable = SUBSTANCE_TABLE): MaterialForm[] {
  const declared = (material.forms ?? []).flatMap((value) => formFromDocument(value) ?? []);
  const reference = material.casNumber ? (referenceSubstance(material.casNumber, table)?.forms ?? []) : [];
  return [...withImpliedForms([...declared, ...reference])];
}

/**
 * The forms of a stored material row: the `forms` its document declared (kept in the row's details, the material's other
 * keys) and those of its CAS number's reference substance, with the forms they imply.
 */
export function formsOfRow(row: { casNumber: string | null; details: unknown }): MaterialForm[] {
  const forms = (row.details as { forms?: unknown } | null)?.forms;
  return materialForms({ casNumber: row.casNumber ?? undefined, forms: Array.isArray(forms) ? forms.filter((f): f is string => typeof f === 'string') : [] });
}

/** The declared fractions when they are usable: known distinct symbols, each 0..1, summing to 1 or less. */
export function declaredFractions(elements: MaterialChemistry['elements']): ElementFraction[] | null {
  if (!Array.isArray(elements) || elements.length === 0) return null;
  const seen = new Set<string>();
  let sum = 0;
  for (const entry of elements) {
    if (typeof entry?.element !== 'string' || !SYMBOLS.has(entry.element) || seen.has(entry.element)) return null;
    if (typeof entry.massFraction !== 'number' || !(entry.massFraction >= 0 && entry.massFraction <= 1)) return null;
    seen.add(entry.element);
    sum += entry.massFraction;
  }
  if (sum > 1 + FRACTION_SUM_TOLERANCE) return null;
  return elements.map(({ element, massFraction }) => ({ element, massFraction }));
}

/** The mass fractions of the reference substance of a CAS number, or null when it is unknown or has no single formula. */
export function substanceFractions(casNumber: string | undefined, table: SubstanceTable = SUBSTANCE_TABLE): ElementFraction[] | null {
  const substance: ReferenceSubstance | undefined = casNumber ? referenceSubstance(casNumber, table) : undefined;
  if (!substance?.formula) return null;
  const parsed = formulaMassFractions(substance.formula);
  return parsed.ok ? parsed.fractions : null;
}
