import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Circularity, ReuseValue } from './value.types';
import { type RevisionKey, ValueRepository } from './value.repository';
import { type GraphQLContext, requestScoped } from '@registry/core';

/** The figures stored with one revision; null for revisions written before they were computed. */
export interface StoredFigures {
  circularity: Circularity | null;
  reuseValue: ReuseValue | null;
}

export interface ValueLoaders {
  figures: DataLoader<RevisionKey, StoredFigures, string>;
}

const NO_FIGURES: StoredFigures = { circularity: null, reuseValue: null };

/** Creates the loaders of one request (DataLoader caches must not outlive a request). */
@Injectable()
export class ValueLoaderFactory {
  constructor(private readonly repository: ValueRepository) {}

  /** The loaders stored on the GraphQL context, created on first use. */
  forContext(context: GraphQLContext): ValueLoaders {
    return requestScoped(context, 'valueLoaders', () => this.create());
  }

  private create(): ValueLoaders {
    const keyOf = (key: RevisionKey) => `${key.passportId}@${key.revision}`;
    return {
      // circularity and reuseValue of every passport in a response: one query.
      figures: new DataLoader(
        async (keys) => {
          const rows = await this.repository.findFigures(keys);
          const byKey = new Map(
            rows.map((row) => [
              keyOf(row),
              { circularity: row.circularity as Circularity | null, reuseValue: row.reuseValue as ReuseValue | null } as StoredFigures,
            ]),
          );
          return keys.map((key) => byKey.get(keyOf(key)) ?? NO_FIGURES);
        },
        { cacheKeyFn: keyOf },
      ),
    };
  }
}
