import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ElementShareModel, MaterialModel } from './models/passport.model';
import { PassportLoaderFactory, type PassportLoaders } from './passport.loaders';

/** Fields of Material read from other rows. Materials are reached only through fields that check their tier. */
@Resolver(() => MaterialModel)
export class MaterialResolver {
  constructor(private readonly loaders: PassportLoaderFactory) {}

  @ResolveField(() => [ElementShareModel], {
    description:
      "The material's mass split into element masses (docs/chemistry.md), heaviest share first; empty when its chemistry is not known. " +
      'Loaded for all materials of a request in one query.',
  })
  elementShares(@Parent() material: MaterialModel, @Context() context: { passportLoaders?: PassportLoaders }): Promise<ElementShareModel[]> {
    return this.loaders.forContext(context).elementShares.load(material.id);
  }
}
