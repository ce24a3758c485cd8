// The method version of every figure built on element masses. Stored rows computed with an older version are
// recomputed after migrations (see recomputeElementRows in @registry/passports).
import { SUBSTANCE_TABLE } from './substances';

/**
 * 1: a material's whole mass counted for the one element it names (before chemistry).
 * 2: element shares from declared fractions, formula, reference substance or element, IUPAC 2021 atomic weights.
 * Raise it whenever the atomic weights, the parser's reading or the substance table change.
 */
export const ELEMENT_MASS_METHOD_VERSION = 2;

/** What the figures say they were computed with, e.g. "element-mass/2 (IUPAC 2021 atomic weights, SUBSTANCES-2026-01)". */
export const ELEMENT_MASS_METHOD = `element-mass/${ELEMENT_MASS_METHOD_VERSION} (IUPAC 2021 atomic weights, ${SUBSTANCE_TABLE.version})`;
