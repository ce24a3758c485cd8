// The chemistry checks of a 1.1 (or later) document's materials (formula, element fractions, CAS reference, declared element).
import { chemistryViolations } from '@registry/chemistry';
import type { Violation } from '@registry/core';
import type { ComponentDocument, CompositionDocument } from './composition.types';
import { childPointer } from './json-pointer';

/**
 * Violations of every material's chemistry, with full pointers (e.g. /components/0/materials/2/formula). Only for
 * "1.1" documents and later: the chemistry fields exist from 1.1 on, and a 1.0 document means what it meant when registered.
 * Assumes a document that has passed the schema.
 */
export function chemistryRuleViolations(document: CompositionDocument): Violation[] {
  if (document.schemaVersion === '1.0') return [];
  const violations: Violation[] = [];
  const visit = (component: ComponentDocument, path: string): void => {
    component.materials.forEach((material, index) => {
      const materialPath = childPointer(path, 'materials', index);
      for (const violation of chemistryViolations(material)) violations.push({ ...violation, path: `${materialPath}${violation.path}` });
    });
    component.components.forEach((child, index) => visit(child, childPointer(path, 'components', index)));
  };
  document.components.forEach((component, index) => visit(component, childPointer('', 'components', index)));
  return violations;
}
