// The reference table of substances in force, and lookups in it.
import { SUBSTANCES_2026_01, type ReferenceSubstance, type SubstanceTable } from './reference-data/substances.2026-01';

/** The table new figures are computed with. A new table version is a new method version of the derived figures. */
export const SUBSTANCE_TABLE: SubstanceTable = SUBSTANCES_2026_01;

const indexes = new WeakMap<SubstanceTable, Map<string, ReferenceSubstance>>();

/** The substance a CAS number stands for in `table`, or undefined when the table does not know it. */
export function referenceSubstance(casNumber: string, table: SubstanceTable = SUBSTANCE_TABLE): ReferenceSubstance | undefined {
  let byCas = indexes.get(table);
  if (byCas === undefined) {
    byCas = new Map(table.substances.flatMap((substance) => (substance.casNumber ? [[substance.casNumber, substance] as const] : [])));
    indexes.set(table, byCas);
  }
  return byCas.get(casNumber);
}
