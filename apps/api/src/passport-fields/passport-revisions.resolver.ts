import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessTier, requireTier } from '@registry/auth';
import { PassportRevisionModel, RevisionPages } from '@registry/audit';
import { Connection, PageArgs, type GraphQLContext } from '@registry/core';
import { PassportModel } from '@registry/passports';

const PassportRevisionConnection = Connection(PassportRevisionModel, { name: 'PassportRevision', totalCount: false });

/** Passport.revisions: the passport's history (a hash chain), read by the audit library. */
@Resolver(() => PassportModel)
export class PassportRevisionsResolver {
  constructor(private readonly revisionPages: RevisionPages) {}

  @ResolveField(() => PassportRevisionConnection, {
    nullable: true,
    description: 'The revisions, newest first, with their hashes and signatures. Tier: AUTHORITY (and the owner).',
    middleware: [requireTier(AccessTier.AUTHORITY)],
  })
  revisions(@Parent() passport: PassportModel, @Args() page: PageArgs, @Context() context: GraphQLContext) {
    return this.revisionPages.page(context, passport, page);
  }
}
