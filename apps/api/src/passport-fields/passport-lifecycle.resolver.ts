import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';
import { Connection, PageArgs, type GraphQLContext } from '@registry/core';
import { LifecycleEventModel, LifecycleEventPages } from '@registry/lifecycle';
import { PassportModel } from '@registry/passports';

const LifecycleEventConnection = Connection(LifecycleEventModel, { name: 'LifecycleEvent', totalCount: false });

/** Passport.lifecycleEvents: what happened to the product, read by the lifecycle library. */
@Resolver(() => PassportModel)
export class PassportLifecycleResolver {
  constructor(private readonly pages: LifecycleEventPages) {}

  @ResolveField(
    () => LifecycleEventConnection,
    tierField(AccessTier.PUBLIC, {
      description:
        "The product's lifecycle events, oldest first, hash-chained and signed (each event's type and dates are PUBLIC, the rest LEGITIMATE_INTEREST).",
    }),
  )
  lifecycleEvents(@Parent() passport: PassportModel, @Args() page: PageArgs, @Context() context: GraphQLContext) {
    return this.pages.page(context, passport, page);
  }
}
