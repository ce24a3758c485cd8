import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessTier, requireTier } from '@registry/auth';
import { PassportModel } from '@registry/passports';
import { type Circularity, CircularityModel, type ReuseValue, ReuseValueModel, type StoredFigures, ValueLoaderFactory } from '@registry/value';
import { type GraphQLContext } from '@registry/core';

/** Passport.circularity and Passport.reuseValue: the figures the value library stored with the current revision. */
@Resolver(() => PassportModel)
export class PassportValueResolver {
  constructor(private readonly loaders: ValueLoaderFactory) {}

  @ResolveField(() => CircularityModel, {
    nullable: true,
    description:
      'Material Circularity Indicator of the current revision (null for revisions stored before it existed); missingInputs and flows: LEGITIMATE_INTEREST. Tier: PUBLIC.',
  })
  async circularity(
    @Parent() passport: PassportModel,
    @Context() context: GraphQLContext,
  ): Promise<(Circularity & { manufacturerId: string; compositionGrantees: readonly string[] | null }) | null> {
    const { circularity } = await this.figuresOf(passport, context);
    // The owner and the composition grantees go along for the tier checks of the fields that are not PUBLIC.
    return circularity && { ...circularity, manufacturerId: passport.manufacturerId, compositionGrantees: passport.compositionGrantees ?? null };
  }

  @ResolveField(() => ReuseValueModel, {
    nullable: true,
    description: 'Economic reuse value of one product unit, current revision (null for revisions stored before it existed). Tier: LEGITIMATE_INTEREST.',
    middleware: [requireTier(AccessTier.LEGITIMATE_INTEREST)],
  })
  async reuseValue(@Parent() passport: PassportModel, @Context() context: GraphQLContext): Promise<ReuseValue | null> {
    return (await this.figuresOf(passport, context)).reuseValue;
  }

  /** The figures read with the passport (passport(id)), else from the request's loader (lists, searches, links). */
  private async figuresOf(passport: PassportModel, context: GraphQLContext): Promise<StoredFigures> {
    return passport.storedFigures ?? this.loaders.forContext(context).figures.load({ passportId: passport.id, revision: passport.revision });
  }
}
