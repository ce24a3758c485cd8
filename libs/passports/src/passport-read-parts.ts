import { selectedFields } from '@registry/core';
import type { GraphQLResolveInfo } from 'graphql';

/** What the fields selected on a passport need besides its row, read with it in one statement (passportReadSql). */
export interface PassportReadParts {
  /** circularity, reuseValue: the figures stored with the current revision. */
  figures: boolean;
  /** manufacturer: the organization's row. */
  manufacturer: boolean;
  /** criticalMaterials: the element totals with the forms of the materials holding each element, and linked contributions. */
  criticalMaterials: boolean;
}

/** The parts the query selects on the passport being resolved (through fragments too). */
export function passportReadPartsOf(info: GraphQLResolveInfo): PassportReadParts {
  const fields = selectedFields(info);
  return {
    figures: fields.has('circularity') || fields.has('reuseValue'),
    manufacturer: fields.has('manufacturer'),
    criticalMaterials: fields.has('criticalMaterials'),
  };
}
