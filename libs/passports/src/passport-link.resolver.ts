import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessTier, CurrentPrincipal, type Principal, tierField } from '@registry/auth';
import { Connection, type GraphQLContext, PageArgs } from '@registry/core';
import { PassportLinkModel, PassportRelation } from './models/passport-link.model';
import { PassportModel } from './models/passport.model';
import { PassportLinkLoaders } from './passport-link.loaders';
import { toPassportModel } from './passport.mapper';

const PassportLinkConnection = Connection(PassportLinkModel, { name: 'PassportLink', totalCount: false });

/** Passport.links and Passport.model: how passports point to each other. */
@Resolver(() => PassportModel)
export class PassportLinksResolver {
  constructor(private readonly loaders: PassportLinkLoaders) {}

  @ResolveField(
    () => PassportLinkConnection,
    tierField(AccessTier.PUBLIC, {
      description: 'The passports related to this one by `relation`, by passport id. Links to drafts show to their owner only.',
    }),
  )
  links(
    @Parent() passport: PassportModel,
    @Args('relation', { type: () => PassportRelation }) relation: PassportRelation,
    @Args() page: PageArgs,
    @Context() context: GraphQLContext,
    @CurrentPrincipal() caller: Principal | null,
  ) {
    return this.loaders.page(context, caller, passport, relation, page);
  }

  @ResolveField(
    () => PassportModel,
    tierField(AccessTier.PUBLIC, {
      nullable: true,
      description: 'For an ITEM or BATCH passport: the published MODEL passport of its GTIN, if there is one. Null for a MODEL passport.',
    }),
  )
  async model(
    @Parent() passport: PassportModel,
    @Context() context: GraphQLContext,
    @CurrentPrincipal() caller: Principal | null,
  ): Promise<PassportModel | null> {
    if (passport.granularity === 'MODEL') return null;
    const model = await this.loaders.model(context, caller, passport.gtin);
    return model ? toPassportModel(model) : null;
  }
}

@Resolver(() => PassportLinkModel)
export class PassportLinkResolver {
  constructor(private readonly loaders: PassportLinkLoaders) {}

  @ResolveField(() => PassportModel, tierField(AccessTier.PUBLIC, { nullable: true, description: 'The other passport.' }))
  async passport(
    @Parent() link: PassportLinkModel,
    @Context() context: GraphQLContext,
    @CurrentPrincipal() caller: Principal | null,
  ): Promise<PassportModel | null> {
    const passport = await this.loaders.passport(context, caller, link.passportId);
    return passport ? toPassportModel(passport) : null;
  }
}
