import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Public } from '@registry/auth';
import { ClusterCode } from '@registry/prisma-client';
import { ClusterCarbonFootprintModel, ClusterCriticalMaterialModel, ClusterSummaryModel, ReuseValueTotalModel } from '../models/cluster-summary.model';
import { ClusterSummaryService } from './cluster-summary.service';
import { requireInterestInEveryPassport } from './interest-in-every-passport.middleware';

/** The fields of a ClusterSummary its resolvers read. */
interface ClusterRef {
  cluster: ClusterCode;
}

@Resolver(() => ClusterSummaryModel)
export class ClusterSummaryResolver {
  constructor(private readonly service: ClusterSummaryService) {}

  @Query(() => ClusterSummaryModel, { description: 'Fact-sheet figures of one cluster. Tier: PUBLIC, except the fields that say otherwise.' })
  @Public()
  clusterSummary(
    @CurrentPrincipal() caller: Principal | null,
    @Args('cluster', { type: () => ClusterCode }) cluster: ClusterCode,
  ): Promise<ClusterSummaryModel> {
    return this.service.summary(caller, cluster);
  }

  @ResolveField(() => [ClusterCriticalMaterialModel], {
    nullable: true,
    description: 'Critical elements in all published products whose composition the caller may read, heaviest first. Needs a RECYCLER or AUDITOR key.',
    middleware: [requireInterestInEveryPassport],
  })
  criticalMaterials(@CurrentPrincipal() caller: Principal | null, @Parent() summary: ClusterRef): Promise<ClusterCriticalMaterialModel[]> {
    return this.service.criticalMaterialsOf(caller, summary.cluster);
  }

  @ResolveField(() => ClusterCarbonFootprintModel, {
    description: "Carbon footprint of the published products that declare one: in all and per product unit. Public, like each passport's.",
  })
  carbonFootprint(@Parent() summary: ClusterRef): Promise<ClusterCarbonFootprintModel> {
    return this.service.carbonFootprintOf(summary.cluster);
  }

  @ResolveField(() => ReuseValueTotalModel, {
    nullable: true,
    description: 'Reuse value of all published products whose composition the caller may read. Needs a RECYCLER or AUDITOR key.',
    middleware: [requireInterestInEveryPassport],
  })
  totalReuseValue(@CurrentPrincipal() caller: Principal | null, @Parent() summary: ClusterRef): Promise<ReuseValueTotalModel> {
    return this.service.totalReuseValueOf(caller, summary.cluster);
  }
}
