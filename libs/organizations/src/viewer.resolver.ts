import { Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Public, tierOnEveryPassport } from '@registry/auth';
import { ViewerModel } from './models/viewer.model';
import { OrganizationService } from './organization.service';

@Resolver(() => ViewerModel)
export class ViewerResolver {
  constructor(private readonly service: OrganizationService) {}

  @Query(() => ViewerModel, { description: 'Who the caller is: the organization, role and access tier of the API key sent (anonymous: tier PUBLIC).' })
  @Public()
  async viewer(@CurrentPrincipal() caller: Principal | null): Promise<ViewerModel> {
    return {
      organization: caller?.organizationId ? await this.service.get(caller.organizationId) : null,
      role: caller?.role ?? null,
      accessTier: tierOnEveryPassport(caller),
      platformAdmin: caller?.platformAdmin ?? false,
    };
  }
}
