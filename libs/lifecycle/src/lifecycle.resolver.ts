import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Roles } from '@registry/auth';
import { RecordLifecycleEventInput } from './dto/record-lifecycle-event.input';
import { toLifecycleEventModel } from './lifecycle-event-pages';
import { LifecycleService } from './lifecycle.service';
import { LifecycleEventModel } from './models/lifecycle-event.model';

@Resolver(() => LifecycleEventModel)
export class LifecycleResolver {
  constructor(private readonly service: LifecycleService) {}

  @Mutation(() => LifecycleEventModel, {
    description:
      "Records an event in a product's life, append-only, hash-chained and signed. By the passport's owner, the organization responsible for it, " +
      "or SERVICE_PROVIDER and RECYCLER keys (others: FORBIDDEN). INSTALLED sets the product's COROP region; RECYCLED ends its life (CONFLICT after).",
  })
  @Roles('MANUFACTURER', 'SERVICE_PROVIDER', 'RECYCLER', 'ADMIN')
  async recordLifecycleEvent(@CurrentPrincipal() caller: Principal, @Args('input') input: RecordLifecycleEventInput): Promise<LifecycleEventModel> {
    const { event, passport } = await this.service.record(caller, input);
    return toLifecycleEventModel(event, passport.manufacturerId);
  }

  @Mutation(() => LifecycleEventModel, {
    description:
      'Hands the product over to another organization (battery regulation Art. 77): by the owner or the organization responsible now. ' +
      'Recorded as a RESPONSIBILITY_TRANSFERRED event naming both parties.',
  })
  @Roles('MANUFACTURER', 'SERVICE_PROVIDER', 'RECYCLER', 'ADMIN')
  async transferResponsibility(
    @CurrentPrincipal() caller: Principal,
    @Args('passportId', { type: () => ID }) passportId: string,
    @Args('toOrganizationId', { type: () => ID }) toOrganizationId: string,
  ): Promise<LifecycleEventModel> {
    const { event, passport } = await this.service.transferResponsibility(caller, passportId, toOrganizationId);
    return toLifecycleEventModel(event, passport.manufacturerId);
  }
}
