import type { Passport } from '@registry/prisma-client';
import type { PassportModel } from './models/passport.model';

/** The GraphQL view of a passport row: the empty strings that keep identities unique read as null. */
export function toPassportModel(row: Passport): PassportModel {
  return {
    id: row.id,
    productName: row.productName,
    cluster: row.cluster,
    granularity: row.granularity,
    gtin: row.gtin,
    serialNumber: row.serialNumber || null,
    batchNumber: row.batchNumber || null,
    status: row.status,
    revision: row.revision,
    manufacturerId: row.manufacturerId,
    totalMassKg: row.totalMassKg,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
