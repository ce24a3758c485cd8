import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Roles } from '@registry/auth';
import { ReleaseForecastArgs } from './dto/release-forecast.args';
import { ReleaseForecastRowModel } from './models/release-forecast-row.model';
import { SearchService } from './search.service';

@Resolver(() => ReleaseForecastRowModel)
export class ReleaseForecastResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => [ReleaseForecastRowModel], {
    description:
      'When critical materials come free: per year from fromYear to toYear and element, the mass in products whose expectedEndOfLife falls in ' +
      'that year (years without any are left out), optionally only products installed in one COROP region. Recycled products are left out. ' +
      'MANUFACTURER keys see their own passports only.',
  })
  @Roles('RECYCLER', 'SERVICE_PROVIDER', 'AUDITOR', 'MANUFACTURER')
  releaseForecast(@CurrentPrincipal() caller: Principal, @Args() args: ReleaseForecastArgs): Promise<ReleaseForecastRowModel[]> {
    return this.service.releaseForecast(caller, args);
  }
}
