import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessTier, requireTier } from '@registry/auth';
import { PassportModel } from '@registry/passports';
import { CircularityModel } from './models/circularity.model';
import { ReuseValueModel } from './models/reuse-value.model';
import { ValueLoaderFactory, type ValueLoaders } from './value.loaders';
import type { Circularity, ReuseValue } from './value.types';

/** The part of a Passport these fields read (a local type, so that no decorator metadata refers to PassportModel). */
interface PassportRef {
  id: string;
  revision: number;
  manufacturerId: string;
}

type GraphQLContext = { valueLoaders?: ValueLoaders };

/** Passport.circularity and Passport.reuseValue: the figures stored with the passport's current revision. */
@Resolver(() => PassportModel)
export class PassportValueResolver {
  constructor(private readonly loaders: ValueLoaderFactory) {}

  @ResolveField(() => CircularityModel, {
    nullable: true,
    description:
      'Material Circularity Indicator of the current revision (null for revisions stored before it existed); missingInputs and flows: LEGITIMATE_INTEREST. Tier: PUBLIC.',
  })
  async circularity(@Parent() passport: PassportRef, @Context() context: GraphQLContext): Promise<(Circularity & { manufacturerId: string }) | null> {
    const { circularity } = await this.loaders.forContext(context).figures.load({ passportId: passport.id, revision: passport.revision });
    // The owner goes along for the tier checks of the fields that are not PUBLIC.
    return circularity && { ...circularity, manufacturerId: passport.manufacturerId };
  }

  @ResolveField(() => ReuseValueModel, {
    nullable: true,
    description: 'Economic reuse value of one product unit, current revision (null for revisions stored before it existed). Tier: LEGITIMATE_INTEREST.',
    middleware: [requireTier(AccessTier.LEGITIMATE_INTEREST)],
  })
  async reuseValue(@Parent() passport: PassportRef, @Context() context: GraphQLContext): Promise<ReuseValue | null> {
    return (await this.loaders.forContext(context).figures.load({ passportId: passport.id, revision: passport.revision })).reuseValue;
  }
}
