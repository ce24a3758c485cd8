import { Module } from '@nestjs/common';
import { CriticalMaterialsService } from './critical-materials.service';
import { MaterialsResolver } from './materials.resolver';
import { ReferenceDataRepository } from './reference-data.repository';

@Module({
  providers: [ReferenceDataRepository, CriticalMaterialsService, MaterialsResolver],
  exports: [CriticalMaterialsService],
})
export class MaterialsModule {}
