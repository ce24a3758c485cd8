import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@registry/auth';
import { CriticalMaterialsService } from './critical-materials.service';
import { CriticalMaterialListModel, ElementModel } from './models/critical-material-list.model';

@Resolver()
export class MaterialsResolver {
  constructor(private readonly criticalMaterials: CriticalMaterialsService) {}

  @Query(() => [CriticalMaterialListModel], { description: 'The critical material lists the registry flags materials with.' })
  @Public()
  criticalMaterialLists(): readonly CriticalMaterialListModel[] {
    return this.criticalMaterials.lists();
  }

  @Query(() => [ElementModel], { description: 'The 118 chemical elements, by atomic number.' })
  @Public()
  elements(): readonly ElementModel[] {
    return this.criticalMaterials.elements();
  }
}
