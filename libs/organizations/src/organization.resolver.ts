import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Public, Roles } from '@registry/auth';
import { Connection, PageArgs } from '@registry/core';
import { OrganizationKind } from '@registry/prisma-client';
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
}
