import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Roles } from '@registry/auth';
import { Connection } from '@registry/core';
import { MaterialInventoryArgs } from './dto/material-inventory.args';
import { ComponentsContainingArgs } from './dto/material-search.input';
import type { GraphQLResolveInfo } from 'graphql';
import { hitPartsOf } from './hit-selection';
import { ComponentHitModel } from './models/component-hit.model';
import { InventoryRowModel } from './models/inventory-row.model';
import { SearchService } from './search.service';

const ComponentHitConnection = Connection(ComponentHitModel, { name: 'ComponentHit', totalCount: false });

@Resolver(() => ComponentHitModel)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => ComponentHitConnection, {
    description:
      'Components holding a material. By element or criticalList: one hit per material and element, the heaviest element mass ' +
      'per product (elementMassKgPerProduct) first; by casNumber: the heaviest material first. RECYCLER and AUDITOR keys search every passport; ' +
      'MANUFACTURER keys their own. Status PUBLISHED unless filter.status says otherwise.',
  })
  @Roles('RECYCLER', 'SERVICE_PROVIDER', 'AUDITOR', 'MANUFACTURER')
  componentsContaining(@CurrentPrincipal() caller: Principal, @Args() args: ComponentsContainingArgs, @Info() info: GraphQLResolveInfo) {
    return this.service.componentsContaining(caller, args, hitPartsOf(info));
  }

  @Query(() => [InventoryRowModel], {
    description:
      'How much of each element sits in the products of each cluster, COROP region or manufacturer. ' +
      'Mass counts every product a passport stands for. MANUFACTURER keys see their own passports only.',
  })
  @Roles('RECYCLER', 'SERVICE_PROVIDER', 'AUDITOR', 'MANUFACTURER')
  materialInventory(@CurrentPrincipal() caller: Principal, @Args() args: MaterialInventoryArgs): Promise<InventoryRowModel[]> {
    return this.service.materialInventory(caller, args);
  }
}
