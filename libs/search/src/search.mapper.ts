import type { CriticalFlag } from '@registry/materials';
import type { ComponentModel, MaterialModel } from '@registry/passports';
import type { ComponentRow, MaterialRow } from './search.sql';

type FlagsFor = (symbol: string) => CriticalFlag[];

/** The GraphQL view of a material row: the same shape passport.components shows. */
export function toMaterialModel(row: MaterialRow, flagsFor: FlagsFor): MaterialModel {
  return {
    name: row.name,
    element: row.elementSymbol,
    casNumber: row.casNumber,
    massKg: row.massKg,
    massKgPerProduct: row.massKgPerProduct,
    recycledContentPct: row.recycledContentPct,
    criticalLists: row.elementSymbol ? flagsFor(row.elementSymbol) : [],
    details: row.details ?? null,
  };
}

/** The GraphQL view of a component row, with the dismantling information and location of the document. */
export function toComponentModel(row: ComponentRow, flagsFor: FlagsFor): ComponentModel {
  const details = row.details;
  return {
    key: row.key,
    name: row.name,
    path: row.path,
    depth: row.depth,
    parentKey: row.parentKey,
    quantity: row.quantity,
    massKg: row.massKg,
    unitsPerProduct: row.unitsPerProduct,
    location: typeof details?.location === 'string' ? details.location : null,
    dismantling: (details?.dismantling as Record<string, unknown> | undefined) ?? null,
    materials: row.materials.map((material) => toMaterialModel(material, flagsFor)),
  };
}
