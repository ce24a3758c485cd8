import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Public, Roles } from '@registry/auth';
import { Connection, PageArgs, type GraphQLContext, requestScoped } from '@registry/core';
import { OrganizationKind } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationModel } from './models/organization.model';
import { OrganizationService } from './organization.service';

const OrganizationConnection = Connection(OrganizationModel, { name: 'Organization' });

@Resolver(() => OrganizationModel)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationService) {}

  @Mutation(() => OrganizationModel, { description: 'Platform administrator only.' })
  @Roles('ADMIN')
  createOrganization(@CurrentPrincipal() caller: Principal, @Args('input') input: CreateOrganizationInput): Promise<OrganizationModel> {
    return this.service.create(caller, input);
  }

  @Mutation(() => OrganizationModel, {
    description:
      'Replaces the verified GS1 Company Prefixes of an organization (6 to 12 digits each, GTIN-13 form; an empty list removes them). ' +
      'Platform administrator only. CONFLICT when a prefix (or a leading part of it, or a longer prefix starting with it) belongs to another organization.',
  })
  @Roles('ADMIN')
  setGs1CompanyPrefixes(
    @CurrentPrincipal() caller: Principal,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('prefixes', { type: () => [String] }) prefixes: string[],
  ): Promise<OrganizationModel> {
    return this.service.setGs1CompanyPrefixes(caller, organizationId, prefixes);
  }

  @Query(() => OrganizationModel)
  @Public()
  organization(@Args('id', { type: () => ID }) id: string): Promise<OrganizationModel> {
    return this.service.get(id);
  }

  @Query(() => OrganizationConnection, { description: 'Organizations by name.' })
  @Public()
  organizations(@Args('kind', { type: () => OrganizationKind, nullable: true }) kind: OrganizationKind | null, @Args() page: PageArgs) {
    return this.service.list({ kind, ...page });
  }

  @ResolveField(() => [String], {
    description: 'Verified GS1 Company Prefixes (GTIN-13 form): a GTIN is under one when its digits 2..14 as a GTIN-14 start with it.',
  })
  gs1CompanyPrefixes(@Parent() organization: OrganizationModel, @Context() context: GraphQLContext): Promise<string[]> {
    // One query for all organizations of a request (lists, passports' manufacturers); the loader lives for the request.
    const loader = requestScoped(context, 'gs1CompanyPrefixes', () => new DataLoader((ids: readonly string[]) => this.service.gs1CompanyPrefixesOfMany(ids)));
    return loader.load(organization.id);
  }
}
