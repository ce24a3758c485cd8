// The rules a JSON schema cannot express. They assume a document that has passed the schema.
import type { Violation } from '@registry/core';
import { ELEMENTS } from '@registry/materials';
import { casCheckDigit, isValidCasNumber } from './cas-number';
import type { ComponentDocument, CompositionDocument } from './composition.types';
import { childPointer } from './json-pointer';

/** The part of schemas/common/permanent-magnet.v1.schema.json these rules read. */
interface PermanentMagnet {
  composition?: { element: string }[];
}

const ELEMENT_SYMBOLS = new Set(ELEMENTS.map((element) => element.symbol));

/** A declared mass may differ from the computed one by 1 % of the declared mass, and by at least 0.001 kg. */
const RELATIVE_TOLERANCE = 0.01;
const ABSOLUTE_TOLERANCE_KG = 0.001;
/** Keeps sums of decimal masses (0.1 + 0.2 ...) that land exactly on the tolerance from failing. */
const FLOAT_SLACK = 1e-9;

/**
 * Violations of the semantic rules: uniqueKey, element, casCheckDigit, massBalance and productMass. (finiteMass is
 * reported from the schema's checks on masses, which reject negative and non-finite numbers; see schema-violations.ts.)
 */
export function compositionRuleViolations(document: CompositionDocument): Violation[] {
  const violations: Violation[] = [];
  const keyPaths = new Map<string, string>();

  const checkComponent = (component: ComponentDocument, path: string): void => {
    const firstPath = keyPaths.get(component.key);
    if (firstPath === undefined) {
      keyPaths.set(component.key, path);
    } else {
      violations.push({
        path: childPointer(path, 'key'),
        keyword: 'uniqueKey',
        message: `key "${component.key}" is already used by the component at ${firstPath}`,
      });
    }

    component.materials.forEach((material, index) => {
      const materialPath = childPointer(path, 'materials', index);
      if (material.element !== undefined) checkElement(material.element, childPointer(materialPath, 'element'), violations);
      if (material.casNumber !== undefined && !isValidCasNumber(material.casNumber)) {
        const digits = material.casNumber.slice(0, -2).replace('-', '');
        violations.push({
          path: childPointer(materialPath, 'casNumber'),
          keyword: 'casCheckDigit',
          message: `casNumber "${material.casNumber}" has a wrong check digit: expected ${casCheckDigit(digits)}`,
        });
      }
    });

    component.components.forEach((child, index) => checkComponent(child, childPointer(path, 'components', index)));

    // A component without materials and sub-components only declares its mass: nothing to compare it with.
    if (component.materials.length > 0 || component.components.length > 0) {
      const computed =
        sum(component.materials.map((material) => material.massKg)) +
        sum(component.components.map((child) => child.massKg * child.quantity));
      const mismatch = massMismatch(component.massKg, computed);
      if (mismatch !== null) {
        violations.push({
          path: childPointer(path, 'massKg'),
          keyword: 'massBalance',
          message: `massKg ${kg(component.massKg)} does not match its materials and sub-components (${kg(computed)} kg): ${mismatch}`,
        });
      }
    }
  };

  document.components.forEach((component, index) => checkComponent(component, childPointer('', 'components', index)));

  if (document.productMassKg !== undefined) {
    const computed = sum(document.components.map((component) => component.massKg * component.quantity));
    const mismatch = massMismatch(document.productMassKg, computed);
    if (mismatch !== null) {
      violations.push({
        path: '/productMassKg',
        keyword: 'productMass',
        message: `productMassKg ${kg(document.productMassKg)} does not match its components (${kg(computed)} kg): ${mismatch}`,
      });
    }
  }

  // The CRMA permanent-magnet disclosure names elements too (wind park, heat as a service, high-tech clusters).
  const magnets = document.clusterData?.permanentMagnets as PermanentMagnet[] | undefined;
  if (magnets !== undefined) {
    magnets.forEach((magnet, magnetIndex) => {
      magnet.composition?.forEach((entry, entryIndex) =>
        checkElement(
          entry.element,
          childPointer('/clusterData/permanentMagnets', magnetIndex, 'composition', entryIndex, 'element'),
          violations,
        ),
      );
    });
  }

  return violations;
}

function checkElement(symbol: string, path: string, violations: Violation[]): void {
  if (!ELEMENT_SYMBOLS.has(symbol)) {
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
