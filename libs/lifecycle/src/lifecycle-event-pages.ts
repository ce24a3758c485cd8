import { Injectable } from '@nestjs/common';
import { type ConnectionShape, type GraphQLContext, RegistryError, readPage, requestScoped, toConnection } from '@registry/core';
import type { LifecycleEvent } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import { type EventPageKey, LifecycleRepository } from './lifecycle.repository';
import type { LifecycleEventModel } from './models/lifecycle-event.model';

/**
 * Pages of Passport.lifecycleEvents, oldest first. Sequences are dense (1, 2, 3, ...), so a page is a range of them,
 * and all the pages of a request (one per passport of a list) are read in one query.
 */
@Injectable()
export class LifecycleEventPages {
  constructor(private readonly lifecycle: LifecycleRepository) {}

  async page(
    context: GraphQLContext,
    passport: { id: string; manufacturerId: string },
    args: { first?: number; after?: string | null },
  ): Promise<ConnectionShape<LifecycleEventModel>> {
    const { first, after } = readPage(args);
    let afterSequence = 0;
    if (after) {
      const [sequence] = after;
      if (!Number.isInteger(sequence) || (sequence as number) < 0) throw RegistryError.invalidField('after', 'is not a cursor returned by this API', 'cursor');
      afterSequence = sequence as number;
    }
    const loader = requestScoped(context, 'lifecycleEventPages', () => this.createLoader());
    const rows = await loader.load({ passportId: passport.id, afterSequence, take: first + 1 });
    return toConnection(
      rows,
      first,
      (row) => [row.sequence],
      (row) => toLifecycleEventModel(row, passport.manufacturerId),
    );
  }

  private createLoader(): DataLoader<EventPageKey, LifecycleEvent[], string> {
    return new DataLoader(
      async (keys) => {
        const rows = await this.lifecycle.findEventPages(keys);
        return keys.map((key) =>
          rows.filter((row) => row.passportId === key.passportId && row.sequence > key.afterSequence && row.sequence <= key.afterSequence + key.take),
        );
      },
      { cacheKeyFn: (key) => `${key.passportId}|${key.afterSequence}|${key.take}` },
    );
  }
}

export function toLifecycleEventModel(row: LifecycleEvent, manufacturerId: string): LifecycleEventModel {
  return {
    id: row.id,
    sequence: row.sequence,
    type: row.type,
    occurredAt: row.occurredAt,
    recordedAt: row.recordedAt,
    corop: row.corop,
    componentKeys: row.componentKeys,
    note: row.note,
    evidenceUrl: row.evidenceUrl,
    actorOrganizationId: row.actorOrganizationId,
    fromOrganizationId: row.fromOrganizationId,
    toOrganizationId: row.toOrganizationId,
    contentHash: row.contentHash,
    previousHash: row.previousHash,
    signature: row.signature,
    signingKeyId: row.signingKeyId,
    manufacturerId,
  };
}
