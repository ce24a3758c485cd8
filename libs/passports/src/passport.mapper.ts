import type { Passport } from '@registry/prisma-client';
import type { ComponentModel, MaterialModel, PassportModel } from './models/passport.model';
import { optionalIdentifiers } from '@registry/verification';

/** The organizations granted a restricted passport's composition (null: not restricted), for the tier checks. */
export function compositionGranteesOf(row: Pick<Passport, 'compositionRestricted' | 'compositionGrantees'>): string[] | null {
  return row.compositionRestricted ? row.compositionGrantees : null;
}

/** The columns of a passport its GraphQL view is made from (what passport(id) reads of the row). */
export const PASSPORT_MODEL_COLUMNS = [
  'id',
  'productName',
  'cluster',
  'granularity',
  'gtin',
  'serialNumber',
  'batchNumber',
  'status',
  'revision',
  'manufacturerId',
  'compositionRestricted',
  'compositionGrantees',
  'totalMassKg',
  'createdAt',
  'updatedAt',
  'carbonFootprintKgCO2e',
  'responsibleOrganizationId',
  'endedAt',
  'installedCorop',
  'expectedEndOfLife',
] as const satisfies readonly (keyof Passport)[];

export type PassportModelSource = Pick<Passport, (typeof PASSPORT_MODEL_COLUMNS)[number]>;

/**
 * The GraphQL view of a passport row: the empty strings that keep identities unique read as null. A row read with its
 * stored figures (PassportService.read) carries them to Passport.circularity and reuseValue.
 */
export function toPassportModel(row: PassportModelSource & { storedFigures?: PassportModel['storedFigures'] }): PassportModel {
  // One object literal without spreads: every passport of a response is built here (lists, searches, passport(id)).
  const { serialNumber, batchNumber } = optionalIdentifiers(row);
  const model: PassportModel = {
    id: row.id,
    productName: row.productName,
    cluster: row.cluster,
    granularity: row.granularity,
    gtin: row.gtin,
    serialNumber,
    batchNumber,
    status: row.status,
    revision: row.revision,
    manufacturerId: row.manufacturerId,
    compositionGrantees: compositionGranteesOf(row),
    totalMassKg: row.totalMassKg,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    carbonFootprintKgCO2e: row.carbonFootprintKgCO2e,
    responsibleOrganizationId: row.responsibleOrganizationId ?? row.manufacturerId,
    ended: row.endedAt !== null,
    endedAt: row.endedAt,
    installedCorop: row.installedCorop,
    expectedEndOfLife: row.expectedEndOfLife,
  };
  if (row.storedFigures) model.storedFigures = row.storedFigures;
  return model;
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

/** The GraphQL view of a material row (its element shares and critical lists are resolved by MaterialResolver). */
export function toMaterialModel(row: MaterialRowLike): MaterialModel {
  return {
    id: row.id,
    name: row.name,
    element: row.elementSymbol,
    casNumber: row.casNumber,
    massKg: row.massKg,
    massKgPerProduct: row.massKgPerProduct,
    recycledContentPct: row.recycledContentPct,
    details: (row.details ?? null) as Record<string, unknown> | null,
  };
}

/** The GraphQL view of a component row: location and dismantling come from the document's extra keys. */
export function toComponentModel(row: ComponentRowLike): ComponentModel {
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
    materials: row.materials.map(toMaterialModel),
  };
}
