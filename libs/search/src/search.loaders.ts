import { Injectable } from '@nestjs/common';
import { RegistryError, type GraphQLContext, requestScoped } from '@registry/core';
import { type ComponentModel, type PassportModel, toPassportModel } from '@registry/passports';
import DataLoader from 'dataloader';
import { toComponentModel } from '@registry/passports';
import { SearchRepository } from './search.repository';

/** The batched reads behind a page of hits: one query for its passports, one for its components, however many hits. */
export interface SearchLoaders {
  passport: DataLoader<string, PassportModel>;
  component: DataLoader<string, ComponentModel>;
}

/** Creates the loaders of one request (their caches must not outlive it). */
@Injectable()
export class SearchLoaderFactory {
  constructor(private readonly search: SearchRepository) {}

  /** The loaders stored on the GraphQL context, created on first use. */
  forContext(context: GraphQLContext): SearchLoaders {
    return requestScoped(context, 'searchLoaders', () => this.create());
  }

  private create(): SearchLoaders {
    return {
      passport: new DataLoader<string, PassportModel>(async (ids) => {
        const byId = new Map((await this.search.findPassports(ids)).map((row) => [row.id, toPassportModel(row)]));
        return ids.map((id) => byId.get(id) ?? changedMeanwhile(id));
      }),
      component: new DataLoader<string, ComponentModel>(async (ids) => {
        const byId = new Map((await this.search.findComponents(ids)).map((row) => [row.id, toComponentModel(row)]));
        return ids.map((id) => byId.get(id) ?? changedMeanwhile(id));
      }),
    };
  }
}

/** A revision replaced the passport's rows between the search and the loading of its page (milliseconds apart). */
function changedMeanwhile(id: string): RegistryError {
  return RegistryError.conflict(`The passport of hit ${id} was revised while the page was read; run the search again`);
}
