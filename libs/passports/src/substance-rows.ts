// The substance-of-concern rows of a revision (composition 1.2): one per substance a material declares, flagged with
// the REACH candidate list extract in force, so that searches and Passport.substancesOfConcern read one indexed table.
import { CANDIDATE_LIST, candidateListEntry } from '@registry/chemistry';
import type { FlatComponent, FlattenedComposition } from '@registry/composition';
import type { SearchColumns } from './element-rows';

export interface SubstanceRow extends SearchColumns {
  passportId: string;
  componentId: string;
  materialId: string;
  position: number;
  name: string;
  casNumber: string | null;
  ecNumber: string | null;
  svhc: boolean | null;
  candidateListId: string | null;
  candidateListEntry: string | null;
  concentrationPct: number | null;
  concentrationMinPct: number | null;
  concentrationMaxPct: number | null;
  location: string | null;
  safeUse: string | null;
  endOfLife: string | null;
  massKgPerProduct: number;
}

/** One row per declared substance of concern, in document order; the location falls back to the component's. */
export function substanceRows(
  flattened: FlattenedComposition,
  ids: { passportId: string; componentId(component: FlatComponent): string; materialId(position: number): string },
  searchColumns: SearchColumns,
): SubstanceRow[] {
  let position = 0;
  return flattened.components.flatMap((component) => {
    const componentLocation = typeof component.details?.location === 'string' ? component.details.location : null;
    return component.materials.flatMap((material) =>
      material.substancesOfConcern.map((substance): SubstanceRow => {
        const entry = candidateListEntry(substance);
        return {
          passportId: ids.passportId,
          componentId: ids.componentId(component),
          materialId: ids.materialId(material.position),
          position: position++,
          name: substance.name,
          casNumber: substance.casNumber ?? null,
          ecNumber: substance.ecNumber ?? null,
          svhc: substance.svhc ?? null,
          candidateListId: entry ? CANDIDATE_LIST.id : null,
          candidateListEntry: entry?.name ?? null,
          concentrationPct: substance.concentrationPct ?? null,
          concentrationMinPct: substance.concentrationRange?.minPct ?? null,
          concentrationMaxPct: substance.concentrationRange?.maxPct ?? null,
          location: substance.location ?? componentLocation,
          safeUse: substance.safeUse ?? null,
          endOfLife: substance.endOfLife ?? null,
          massKgPerProduct: material.massKgPerProduct,
          ...searchColumns,
        };
      }),
    );
  });
}
