// Chemistry of materials: formulas, standard atomic weights, element shares, reference substances and list entries
// matched by form. Framework-free: no Nest, no Prisma.
export { chemistryViolations, REFERENCE_FRACTION_TOLERANCE, type ChemistryViolation } from './chemistry-violations';
export {
  decomposeMaterial,
  declaredFractions,
  FRACTION_SUM_TOLERANCE,
  formsOfRow,
  materialForms,
  substanceFractions,
  type ElementShare,
  type MaterialChemistry,
  type ShareSource,
} from './decompose-material';
export {
  MAX_ATOMS_PER_ELEMENT,
  MAX_FORMULA_LENGTH,
  MAX_FORMULA_NUMBER,
  parseFormula,
  type AtomCount,
  type FormulaError,
  type FormulaErrorCode,
  type FormulaResult,
} from './formula';
export { matchListEntry, matchListEntryElement, type ListEntry, type ListEntryForm, type ListMatch } from './list-entry-match';
export { formFromDocument, formToDocument, MATERIAL_FORMS, withImpliedForms, type MaterialForm } from './material-form';
export { formulaMassFractions, massFractionsOfAtoms, molarMass, type ElementFraction, type FormulaFractionsResult } from './mass-fractions';
export { ELEMENTS, type ElementData } from './reference-data/elements';
export type { ReferenceSubstance, SubstanceTable } from './reference-data/substances.2026-01';
export { referenceSubstance, SUBSTANCE_TABLE } from './substances';
export { ELEMENT_MASS_METHOD, ELEMENT_MASS_METHOD_VERSION } from './element-mass-method';
export { ecCheckDigit, isValidEcNumber } from './ec-number';
export { CANDIDATE_LIST, CANDIDATE_LISTS, candidateList, candidateListEntry } from './candidate-list';
export type { CandidateList, CandidateListEntry } from './reference-data/candidate-list.2026-01';
