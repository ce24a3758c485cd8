import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, PageArgs } from '@registry/core';
import { ApiKeyService } from './api-key.service';
import { CurrentPrincipal, Roles } from './auth.decorators';
import { CreateApiKeyInput } from './dto/create-api-key.input';
import { ApiKeyModel, CreatedApiKeyModel } from './models/api-key.model';
import type { Principal } from './principal';

const ApiKeyConnection = Connection(ApiKeyModel, { name: 'ApiKey' });

@Resolver(() => ApiKeyModel)
@Roles('ADMIN')
export class ApiKeyResolver {
  constructor(private readonly service: ApiKeyService) {}

  @Mutation(() => CreatedApiKeyModel, { description: 'Creates a key for an organization. Platform administrator, or an ADMIN key of that organization.' })
  createApiKey(@CurrentPrincipal() caller: Principal, @Args('input') input: CreateApiKeyInput): Promise<CreatedApiKeyModel> {
    return this.service.create(caller, input);
  }

  @Mutation(() => ApiKeyModel, {
    description:
      'Revokes a key at once (its next request is UNAUTHENTICATED). Revoking twice is harmless. Platform administrator, or an ADMIN key of its organization.',
  })
  revokeApiKey(@CurrentPrincipal() caller: Principal, @Args('apiKeyId', { type: () => ID }) apiKeyId: string): Promise<ApiKeyModel> {
    return this.service.revoke(caller, apiKeyId);
  }

  @Query(() => ApiKeyConnection, {
    description: 'The keys of an organization, newest first, with when each was last used. Platform administrator, or an ADMIN key of the organization.',
  })
  apiKeys(
    @CurrentPrincipal() caller: Principal,
    @Args('organizationId', { type: () => ID, nullable: true, description: "Defaults to the caller's organization." }) organizationId: string | null,
    @Args() page: PageArgs,
  ) {
    return this.service.list(caller, organizationId, page);
  }
}
