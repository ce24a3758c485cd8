// The element rows of a revision (one per material and element) and the per-passport element totals built on them.
import type { FlatComponent, FlattenedComposition } from '@registry/composition';
import type { ClusterCode, ElementShareSource, PassportStatus } from '@registry/prisma-client';

/** The passport's search columns, copied to every row so that searches filter on one index. */
export interface SearchColumns {
  cluster: ClusterCode;
  status: PassportStatus;
  manufacturerId: string;
  corop: string | null;
}

export interface ElementRow extends SearchColumns {
  materialId: string;
  passportId: string;
  componentId: string;
  elementSymbol: string;
  massFraction: number;
  massKg: number;
  massKgPerProduct: number;
  source: ElementShareSource;
}

/**
 * One row per material and element. `materialId(component, position)` and `componentId(component)` give the ids the
 * material and component rows were written with.
 */
export function elementRows(
  flattened: FlattenedComposition,
  ids: { passportId: string; componentId(component: FlatComponent): string; materialId(position: number): string },
  searchColumns: SearchColumns,
): ElementRow[] {
  return flattened.components.flatMap((component) =>
    component.materials.flatMap((material) =>
      material.elementShares.map((share) => ({
        materialId: ids.materialId(material.position),
        passportId: ids.passportId,
        componentId: ids.componentId(component),
        elementSymbol: share.element,
        massFraction: share.massFraction,
        massKg: share.massKg,
        massKgPerProduct: share.massKgPerProduct,
        source: share.source,
        ...searchColumns,
      })),
    ),
  );
}

/** Per element: the mass in one whole product (summed over the element shares) and how many components hold it. */
export function elementTotals(flattened: FlattenedComposition): { elementSymbol: string; massKg: number; componentCount: number }[] {
  const totals = new Map<string, { massKg: number; components: Set<string> }>();
  for (const component of flattened.components) {
    for (const material of component.materials) {
      for (const share of material.elementShares) {
        const total = totals.get(share.element) ?? { massKg: 0, components: new Set<string>() };
        total.massKg += share.massKgPerProduct;
        total.components.add(component.key);
        totals.set(share.element, total);
      }
    }
  }
  return [...totals].map(([elementSymbol, total]) => ({ elementSymbol, massKg: total.massKg, componentCount: total.components.size }));
}
