import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CriticalListFlagModel, ElementShareModel, MaterialModel } from './models/passport.model';
import { PassportCriticalMaterials } from './passport-critical-materials';
import { PassportLoaderFactory } from './passport.loaders';
import { type GraphQLContext } from '@registry/core';

/** Fields of Material read from other rows. Materials are reached only through fields that check their tier. */
@Resolver(() => MaterialModel)
export class MaterialResolver {
  constructor(
    private readonly loaders: PassportLoaderFactory,
    private readonly critical: PassportCriticalMaterials,
  ) {}

  @ResolveField(() => [ElementShareModel], {
    description:
      "The material's mass split into element masses (docs/chemistry.md), heaviest share first; empty when its chemistry is not known. " +
      'Loaded for all materials of a request in one query.',
  })
  elementShares(@Parent() material: MaterialModel, @Context() context: GraphQLContext): Promise<ElementShareModel[]> {
    return this.loaders.forContext(context).elementShares.load(material.id);
  }

  @ResolveField(() => [CriticalListFlagModel], {
    description:
      'The list materials that flag an element the material holds (its elementShares: a material given by formula or CAS number ' +
      "counts too), matched with the material's forms, each once; empty when none does. Shares the elementShares query.",
  })
  async criticalLists(@Parent() material: MaterialModel, @Context() context: GraphQLContext): Promise<CriticalListFlagModel[]> {
    return this.critical.ofMaterial(material, await this.loaders.forContext(context).elementShares.load(material.id));
  }
}
