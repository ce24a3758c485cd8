import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessTier, CurrentPrincipal, type Principal, requireTier } from '@registry/auth';
import { Connection, PageArgs } from '@registry/core';
// Used lazily only (inside arrow functions): the passports module imports this library while it loads.
import { PassportModel } from '@registry/passports';
import { AuditService } from './audit.service';
import { PassportDiffArgs } from './dto/passport-diff.args';
import { PassportDiffModel } from './models/passport-diff.model';
import { PassportRevisionModel } from './models/passport-revision.model';
import { RevisionPages, type RevisionPageLoader } from './revision-pages.loader';

const PassportRevisionConnection = Connection(PassportRevisionModel, { name: 'PassportRevision', totalCount: false });

/** The fields of a Passport this resolver reads (typed here so no passports class is needed while loading). */
interface PassportSource {
  id: string;
  revision: number;
  manufacturerId: string;
}

/** A passport's history: its revisions (a hash chain) and what changed between two of them. */
@Resolver(() => PassportModel)
export class PassportHistoryResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly revisionPages: RevisionPages,
  ) {}

  @ResolveField(() => PassportRevisionConnection, {
    nullable: true,
    description: 'The revisions, newest first, with their hashes and signatures. Tier: AUTHORITY (and the owner).',
    middleware: [requireTier(AccessTier.AUTHORITY)],
  })
  revisions(@Parent() passport: PassportSource, @Args() page: PageArgs, @Context() context: { revisionPageLoader?: RevisionPageLoader }) {
    return this.revisionPages.page(context, passport, page);
  }

  @Query(() => PassportDiffModel, {
    description: 'What changed between two revisions, component by component and material by material. Tier: AUTHORITY (and the owner).',
  })
  passportDiff(@CurrentPrincipal() caller: Principal, @Args() args: PassportDiffArgs): Promise<PassportDiffModel> {
    return this.audit.diff(caller, args.passportId, args.fromRevision, args.toRevision);
  }
}
