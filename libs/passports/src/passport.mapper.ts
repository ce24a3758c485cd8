import { materialForms, type MaterialForm } from '@registry/chemistry';
import type { Passport } from '@registry/prisma-client';
import type { ComponentModel, CriticalListFlagModel, MaterialModel, PassportModel } from './models/passport.model';
import { optionalIdentifiers } from '@registry/verification';

/** The GraphQL view of a passport row: the empty strings that keep identities unique read as null. */
export function toPassportModel(row: Passport): PassportModel {
  return {
    id: row.id,
    productName: row.productName,
    cluster: row.cluster,
    granularity: row.granularity,
    gtin: row.gtin,
    ...optionalIdentifiers(row),
    status: row.status,
    revision: row.revision,
    manufacturerId: row.manufacturerId,
    totalMassKg: row.totalMassKg,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The stored fields of a material that its GraphQL view needs (Prisma rows and search rows both fit). */
export interface MaterialRowLike {
  id: string;
  name: string;
  elementSymbol: string | null;
  casNumber: string | null;
  massKg: number;
  massKgPerProduct: number;
  recycledContentPct: number | null;
  details: unknown;
}

export interface ComponentRowLike {
  key: string;
  name: string;
  path: string;
  depth: number;
  parentKey: string | null;
  quantity: number;
  massKg: number;
  unitsPerProduct: number;
  details: unknown;
  materials: MaterialRowLike[];
}

/** The list flags of an element of a material with these forms (CriticalMaterialsService.matchesFor). */
type FlagsFor = (symbol: string, forms: MaterialForm[]) => CriticalListFlagModel[];

/** The forms a material row declares (details.forms) or has from its reference substance (casNumber). */
export function formsOfRow(row: { casNumber: string | null; details: unknown }): MaterialForm[] {
  const forms = (row.details as { forms?: unknown } | null)?.forms;
  return materialForms({ casNumber: row.casNumber ?? undefined, forms: Array.isArray(forms) ? forms.filter((f): f is string => typeof f === 'string') : [] });
}

/** The GraphQL view of a material row, with the lists that flag its element. */
export function toMaterialModel(row: MaterialRowLike, flagsFor: FlagsFor): MaterialModel {
  return {
    id: row.id,
    name: row.name,
    element: row.elementSymbol,
    casNumber: row.casNumber,
    massKg: row.massKg,
    massKgPerProduct: row.massKgPerProduct,
    recycledContentPct: row.recycledContentPct,
    criticalLists: row.elementSymbol ? flagsFor(row.elementSymbol, formsOfRow(row)) : [],
    details: (row.details ?? null) as Record<string, unknown> | null,
  };
}

/** The GraphQL view of a component row: location and dismantling come from the document's extra keys. */
export function toComponentModel(row: ComponentRowLike, flagsFor: FlagsFor): ComponentModel {
  const details = (row.details ?? null) as Record<string, unknown> | null;
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
