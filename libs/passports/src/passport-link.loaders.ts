import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/auth';
import { type ConnectionShape, type GraphQLContext, RegistryError, readPage, requestScoped, toConnection } from '@registry/core';
import type { Passport } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import type { PassportLinkModel, PassportRelation } from './models/passport-link.model';
import type { LinkPageKey, LinkRow } from './passport-links.sql';
import { PassportRepository } from './passport.repository';

interface LinkLoaders {
  pages: DataLoader<LinkPageKey, LinkRow[], string>;
  passports: DataLoader<string, Passport | null>;
  models: DataLoader<string, Passport | null>;
}

/** Passport.links, PassportLink.passport and Passport.model: one query per kind per request, however many passports. */
@Injectable()
export class PassportLinkLoaders {
  constructor(private readonly passports: PassportRepository) {}

  async page(
    context: GraphQLContext,
    caller: Principal | null,
    passport: { id: string; manufacturerId: string; compositionGrantees?: readonly string[] | null },
    relation: PassportRelation,
    args: { first?: number; after?: string | null },
  ): Promise<ConnectionShape<PassportLinkModel>> {
    const { first, after } = readPage(args);
    let cursor: LinkPageKey['after'] = null;
    if (after) {
      const [otherId, componentKey] = after;
      if (typeof otherId !== 'string' || typeof componentKey !== 'string')
        throw RegistryError.invalidField('after', 'is not a cursor returned by this API', 'cursor');
      cursor = { otherId, componentKey };
    }
    const rows = await this.loaders(context, caller).pages.load({ passportId: passport.id, relation, after: cursor, take: first + 1 });
    return toConnection(
      rows,
      first,
      (row) => [row.otherId, row.componentKey],
      (row) => ({
        relation,
        passportId: row.otherId,
        componentKey: row.componentKey || null,
        manufacturerId: passport.manufacturerId,
        compositionGrantees: passport.compositionGrantees ?? null,
      }),
    );
  }

  passport(context: GraphQLContext, caller: Principal | null, id: string): Promise<Passport | null> {
    return this.loaders(context, caller).passports.load(id);
  }

  model(context: GraphQLContext, caller: Principal | null, gtin: string): Promise<Passport | null> {
    return this.loaders(context, caller).models.load(gtin);
  }

  private loaders(context: GraphQLContext, caller: Principal | null): LinkLoaders {
    return requestScoped(context, 'passportLinkLoaders', () => this.create(caller));
  }

  private create(caller: Principal | null): LinkLoaders {
    const viewer = { organizationId: caller?.organizationId ?? null, platformAdmin: !!caller?.platformAdmin };
    return {
      pages: new DataLoader(
        async (keys) => {
          const rows = await this.passports.findLinkPages(keys, viewer);
          return keys.map((_, index) => rows.filter((row) => row.keyIndex === index));
        },
        { cacheKeyFn: (key) => `${key.passportId}|${key.relation}|${key.after?.otherId ?? ''}|${key.after?.componentKey ?? ''}|${key.take}` },
      ),
      passports: new DataLoader(async (ids) => {
        const byId = new Map((await this.passports.findByIds(ids)).map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      models: new DataLoader(async (gtins) => {
        const byGtin = new Map((await this.passports.findModels(gtins)).map((row) => [row.gtin, row]));
        return gtins.map((gtin) => byGtin.get(gtin) ?? null);
      }),
    };
  }
}
