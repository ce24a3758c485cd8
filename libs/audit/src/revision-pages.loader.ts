import { Injectable } from '@nestjs/common';
import { type ConnectionShape, RegistryError, readPage, toConnection, type GraphQLContext, requestScoped } from '@registry/core';
import type { PassportRevision } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import { AuditRepository, type RevisionPageKey } from './audit.repository';
import type { PassportRevisionModel } from './models/passport-revision.model';

export type RevisionPageLoader = DataLoader<RevisionPageKey, PassportRevision[], string>;

/**
 * Pages of Passport.revisions, newest first. All the pages a request asks for (one per passport of a list) are
 * read in one query: the loader lives on the GraphQL context, so its cache never outlives a request.
 */
@Injectable()
export class RevisionPages {
  constructor(private readonly audit: AuditRepository) {}

  async page(
    context: GraphQLContext,
    passport: { id: string; revision: number },
    args: { first?: number; after?: string | null },
  ): Promise<ConnectionShape<PassportRevisionModel>> {
    const { first, after } = readPage(args);
    let beforeRevision = passport.revision + 1;
    if (after) {
      const [revision] = after;
      if (!Number.isInteger(revision) || (revision as number) < 1) throw RegistryError.invalidField('after', 'is not a cursor returned by this API', 'cursor');
      beforeRevision = Math.min(revision as number, beforeRevision);
    }
    const loader = requestScoped(context, 'revisionPages', () => this.createLoader());
    const rows = await loader.load({ passportId: passport.id, beforeRevision, take: first + 1 });
    return toConnection(rows, first, (row) => [row.revision], toRevisionModel);
  }

  private createLoader(): RevisionPageLoader {
    return new DataLoader(
      async (keys) => {
        const rows = await this.audit.findRevisionPages(keys);
        return keys.map((key) =>
          rows.filter((row) => row.passportId === key.passportId && row.revision < key.beforeRevision && row.revision >= key.beforeRevision - key.take),
        );
      },
      { cacheKeyFn: (key) => `${key.passportId}|${key.beforeRevision}|${key.take}` },
    );
  }
}

function toRevisionModel(row: PassportRevision): PassportRevisionModel {
  return {
    revision: row.revision,
    productName: row.productName,
    status: row.status,
    totalMassKg: row.totalMassKg,
    createdAt: row.createdAt,
    contentHash: row.contentHash,
    previousHash: row.previousHash,
    signature: row.signature,
    signingKeyId: row.signingKeyId,
    createdByKeyId: row.createdByKeyId,
    composition: row.composition as Record<string, unknown>,
  };
}
