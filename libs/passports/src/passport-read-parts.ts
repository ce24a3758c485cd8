import { selectedFields } from '@registry/core';
import type { StoredFigures } from '@registry/value';
import type { GraphQLResolveInfo } from 'graphql';
import type { CriticalInputs } from './passport-critical-materials';
import type { PassportRow } from './passport-read.sql';

/** What the fields selected on a passport need besides its row (see PassportService.read). */
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

/** A passport as PassportService.read answers it: its row with the parts asked for. */
export type PassportRead = PassportRow & {
  /** figures: the stored circularity and reuseValue of the current revision. */
  storedFigures?: StoredFigures;
  /** criticalMaterials: the element totals and the forms of the materials holding each element. */
  criticalInputs?: CriticalInputs;
};
