// The rules a JSON schema cannot express.
import { ecCheckDigit, isValidEcNumber } from '@registry/chemistry';
import type { Violation } from '@registry/core';
import { ELEMENTS } from '@registry/materials';
import { casCheckDigit, isValidCasNumber } from './cas-number';
import type { ComponentDocument, CompositionDocument } from './composition.types';
import { MAX_UTILITY_FACTOR } from './composition-limits';
import { childPointer } from './json-pointer';

const ELEMENT_SYMBOLS = new Set(ELEMENTS.map((element) => element.symbol));
/** The patterns of the schema: a value that does not match is the schema's to report. */
const COMPONENT_KEY = /^[A-Za-z0-9_-]{1,64}$/;
const ELEMENT_SHAPE = /^[A-Z][a-z]?$/;
const CAS_SHAPE = /^\d{2,7}-\d{2}-\d$/;
const EC_SHAPE = /^\d{3}-\d{3}-\d$/;

/** A declared mass may differ from the computed one by 1 % of the declared mass, and by at least 0.001 kg. */
const RELATIVE_TOLERANCE = 0.01;
const ABSOLUTE_TOLERANCE_KG = 0.001;
/** Keeps sums of decimal masses (0.1 + 0.2 ...) that land exactly on the tolerance from failing. */
const FLOAT_SLACK = 1e-9;

/**
 * Violations of the semantic rules. The identity rules (uniqueKey, element, casCheckDigit, ecCheckDigit, concentration) look only at values of the
 * right shape, so they run on any document, also one that breaks the schema elsewhere: together with the schema's
 * violations the caller learns every problem at once. A value the schema already refuses (a key or CAS number that
 * does not match its pattern) is left to the schema, so nothing is reported twice. The mass rules (massBalance,
 * productMass, finiteTotal) add up numbers and run only on a `schemaValid` document. (finiteMass is reported from the
 * schema's checks on masses, which reject negative and non-finite numbers; see schema-violations.ts.)
 */
export function compositionRuleViolations(document: unknown, schemaValid: boolean): Violation[] {
  const violations = identityViolations(document);
  if (schemaValid) violations.push(...massViolations(document as CompositionDocument));
  return violations;
}

/** uniqueKey, element, casCheckDigit, ecCheckDigit and concentration, on whatever parts of the document have the shape these rules read. */
function identityViolations(document: unknown): Violation[] {
  const violations: Violation[] = [];
  if (!isObject(document)) return violations;
  const keyPaths = new Map<string, string>();
  // Depth-first in document order; the depth is bounded by MAX_COMPONENT_DEPTH, checked before the rules run.
  const checkComponents = (list: unknown, listPath: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((component: unknown, index) => {
      if (!isObject(component)) return;
      const path = childPointer(listPath, index);
      const key = component.key;
      if (typeof key === 'string' && COMPONENT_KEY.test(key)) {
        const firstPath = keyPaths.get(key);
        if (firstPath === undefined) {
          keyPaths.set(key, path);
        } else {
          violations.push({ path: childPointer(path, 'key'), keyword: 'uniqueKey', message: `key "${key}" is already used by the component at ${firstPath}` });
        }
      }
      if (Array.isArray(component.materials)) {
        component.materials.forEach((material: unknown, materialIndex) => {
          if (isObject(material)) checkMaterial(material, childPointer(path, 'materials', materialIndex), violations);
        });
      }
      checkComponents(component.components, childPointer(path, 'components'));
    });
  };
  checkComponents(document.components, '/components');

  // The CRMA permanent-magnet disclosure names elements too (wind park, heat as a service, high-tech clusters).
  const magnets = isObject(document.clusterData) ? document.clusterData.permanentMagnets : undefined;
  if (Array.isArray(magnets)) {
    magnets.forEach((magnet: unknown, magnetIndex) => {
      const composition = isObject(magnet) ? magnet.composition : undefined;
      if (!Array.isArray(composition)) return;
      composition.forEach((entry: unknown, entryIndex) => {
        if (isObject(entry) && typeof entry.element === 'string') {
          checkElement(entry.element, childPointer('/clusterData/permanentMagnets', magnetIndex, 'composition', entryIndex, 'element'), violations);
        }
      });
    });
  }
  // The hazardous substances of a battery (battery.v2) carry CAS and EC numbers too.
  const hazardous = isObject(document.clusterData) ? document.clusterData.hazardousSubstances : undefined;
  if (Array.isArray(hazardous)) {
    hazardous.forEach((substance: unknown, index) => {
      if (isObject(substance)) checkIdentifiers(substance, childPointer('/clusterData/hazardousSubstances', index), violations);
    });
  }
  return violations;
}

function checkMaterial(material: Record<string, unknown>, materialPath: string, violations: Violation[]): void {
  if (typeof material.element === 'string') checkElement(material.element, childPointer(materialPath, 'element'), violations);
  checkIdentifiers(material, materialPath, violations);
  if (Array.isArray(material.substancesOfConcern)) {
    material.substancesOfConcern.forEach((substance: unknown, index) => {
      if (isObject(substance)) checkSubstance(substance, childPointer(materialPath, 'substancesOfConcern', index), violations);
    });
  }
}

/** casCheckDigit and ecCheckDigit of an object's casNumber and ecNumber, where they have the schema's shape. */
function checkIdentifiers(object: Record<string, unknown>, path: string, violations: Violation[]): void {
  const cas = object.casNumber;
  if (typeof cas === 'string' && CAS_SHAPE.test(cas) && !isValidCasNumber(cas)) {
    const digits = cas.slice(0, -2).replace('-', '');
    violations.push({
      path: childPointer(path, 'casNumber'),
      keyword: 'casCheckDigit',
      message: `casNumber "${cas}" has a wrong check digit: expected ${casCheckDigit(digits)}`,
    });
  }
  const ec = object.ecNumber;
  if (typeof ec === 'string' && EC_SHAPE.test(ec) && !isValidEcNumber(ec)) {
    const expected = ecCheckDigit(ec.slice(0, 7).replace('-', ''));
    violations.push({
      path: childPointer(path, 'ecNumber'),
      keyword: 'ecCheckDigit',
      message: `ecNumber "${ec}" has a wrong check digit: ${expected === null ? 'no EC number starts with these digits' : `expected ${expected}`}`,
    });
  }
}

/** A substance of concern: its identifiers, and one concentration (exact or a range from low to high). */
function checkSubstance(substance: Record<string, unknown>, path: string, violations: Violation[]): void {
  checkIdentifiers(substance, path, violations);
  const range = substance.concentrationRange;
  if (substance.concentrationPct !== undefined && range !== undefined) {
    violations.push({
      path: childPointer(path, 'concentrationRange'),
      keyword: 'concentration',
      message: 'give concentrationPct or concentrationRange, not both',
    });
  } else if (isObject(range) && typeof range.minPct === 'number' && typeof range.maxPct === 'number' && range.minPct > range.maxPct) {
    violations.push({
      path: childPointer(path, 'concentrationRange', 'minPct'),
      keyword: 'concentrationRange',
      message: `minPct ${range.minPct} is above maxPct ${range.maxPct}`,
    });
  }
}

/** massBalance, productMass and finiteTotal (quantities, masses and the utility factor) of a schema-valid document. */
function massViolations(document: CompositionDocument): Violation[] {
  const violations: Violation[] = [];
  const checkComponent = (component: ComponentDocument, path: string, parentUnits: number): void => {
    // Quantities multiply along the path (units per product) and masses add up; both must stay finite numbers,
    // or the stored rows and the figures computed from them would hold Infinity.
    const unitsPerProduct = parentUnits * component.quantity;
    if (!Number.isFinite(unitsPerProduct)) {
      violations.push({
        path: childPointer(path, 'quantity'),
        keyword: 'finiteTotal',
        message: `quantity ${component.quantity} makes the units per product (the quantities multiplied along the path) overflow`,
      });
      return;
    }
    if (!Number.isFinite(component.massKg * unitsPerProduct)) {
      violations.push({
        path: childPointer(path, 'massKg'),
        keyword: 'finiteTotal',
        message: `massKg ${component.massKg} times ${unitsPerProduct} units per product overflows`,
      });
      return;
    }
    component.materials.forEach((material, index) => {
      if (!Number.isFinite(material.massKg * unitsPerProduct)) {
        violations.push({
          path: childPointer(path, 'materials', index, 'massKg'),
          keyword: 'finiteTotal',
          message: `massKg ${material.massKg} times ${unitsPerProduct} units per product overflows`,
        });
      }
    });
    component.components.forEach((child, index) => checkComponent(child, childPointer(path, 'components', index), unitsPerProduct));
    // A component without materials and sub-components only declares its mass: nothing to compare it with.
    if (component.materials.length > 0 || component.components.length > 0) {
      const computed = sum(component.materials.map((material) => material.massKg)) + sum(component.components.map((child) => child.massKg * child.quantity));
      const mismatch = Number.isFinite(computed) ? massMismatch(component.massKg, computed) : 'the sum overflows';
      if (mismatch !== null) {
        violations.push({
          path: childPointer(path, 'massKg'),
          keyword: 'massBalance',
          message: `massKg ${kg(component.massKg)} does not match its materials and sub-components (${kg(computed)} kg): ${mismatch}`,
        });
      }
    }
  };
  document.components.forEach((component, index) => checkComponent(component, childPointer('', 'components', index), 1));

  const computed = sum(document.components.map((component) => component.massKg * component.quantity));
  if (document.productMassKg !== undefined) {
    const mismatch = Number.isFinite(computed) ? massMismatch(document.productMassKg, computed) : 'the sum overflows';
    if (mismatch !== null) {
      violations.push({
        path: '/productMassKg',
        keyword: 'productMass',
        message: `productMassKg ${kg(document.productMassKg)} does not match its components (${kg(computed)} kg): ${mismatch}`,
      });
    }
  } else if (!Number.isFinite(computed)) {
    violations.push({ path: '/components', keyword: 'finiteTotal', message: "the mass of the product (its components' massKg times quantity) overflows" });
  }
  // The utility factor X = (L / L_av) (U / U_av) of the schema's description, each ratio when both values are given:
  // the circularity figures divide by it and round it, so it stays within a range where both are finite numbers.
  const utility = document.utility;
  if (utility !== undefined) {
    const ratio = (own?: number, average?: number) => (own !== undefined && average !== undefined ? own / average : 1);
    const factor = ratio(utility.lifetimeYears, utility.industryAverageLifetimeYears) * ratio(utility.intensityOfUse, utility.industryAverageIntensityOfUse);
    if (!(factor >= 1 / MAX_UTILITY_FACTOR && factor <= MAX_UTILITY_FACTOR)) {
      violations.push({
        path: '/utility',
        keyword: 'utilityFactor',
        message: `the utility factor (lifetimeYears / industryAverageLifetimeYears) x (intensityOfUse / industryAverageIntensityOfUse) is ${factor}; it must be between 1/${MAX_UTILITY_FACTOR} and ${MAX_UTILITY_FACTOR} (MAX_UTILITY_FACTOR)`,
      });
    }
  }
  return violations;
}

function checkElement(symbol: string, path: string, violations: Violation[]): void {
  if (ELEMENT_SHAPE.test(symbol) && !ELEMENT_SYMBOLS.has(symbol)) {
    violations.push({ path, keyword: 'element', message: `element "${symbol}" is not the symbol of a chemical element` });
  }
}

/** Why the declared mass does not match the computed one, or null when it does within the tolerance. */
function massMismatch(declaredKg: number, computedKg: number): string | null {
  const tolerance = Math.max(declaredKg * RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE_KG);
  const difference = Math.abs(declaredKg - computedKg);
  if (difference <= tolerance + FLOAT_SLACK) return null;
  return `difference ${kg(difference)} kg exceeds the tolerance of ${kg(tolerance)} kg`;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A mass without floating-point noise, e.g. 2.588 rather than 2.5880000000000005. */
function kg(value: number): string {
  return String(Number(value.toPrecision(10)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
