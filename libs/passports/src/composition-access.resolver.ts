import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessTier, CurrentPrincipal, type Principal, Roles, tierField } from '@registry/auth';
import { CompositionAccessService } from './composition-access.service';
import { CompositionAccessInput } from './dto/composition-access.input';
import { CompositionAccessModel } from './models/composition-access.model';
import { PassportModel } from './models/passport.model';
import { toPassportModel } from './passport.mapper';

@Resolver(() => PassportModel)
export class CompositionAccessResolver {
  constructor(private readonly service: CompositionAccessService) {}

  @Mutation(() => PassportModel, {
    description:
      "Restricts the passport's composition (components, materials, element masses, substance concentrations: its LEGITIMATE_INTEREST " +
      'fields) to the organizations named, or lifts the restriction. By the owner; auditors, authorities and the owner keep access, ' +
      'public fields stay public. Recorded in the audit log.',
  })
  @Roles('MANUFACTURER', 'SERVICE_PROVIDER', 'ADMIN')
  async setCompositionAccess(
    @CurrentPrincipal() caller: Principal,
    @Args('passportId', { type: () => ID }) passportId: string,
    @Args('input') input: CompositionAccessInput,
  ): Promise<PassportModel> {
    return toPassportModel(await this.service.set(caller, passportId, input));
  }

  @ResolveField(
    () => CompositionAccessModel,
    tierField(AccessTier.OWNER, { description: 'Who may read the composition besides the owner, auditors and authorities (setCompositionAccess).' }),
  )
  compositionAccess(@Parent() passport: PassportModel): CompositionAccessModel {
    return { restricted: !!passport.compositionGrantees, organizationIds: [...(passport.compositionGrantees ?? [])] };
  }
}
