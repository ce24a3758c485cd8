import { forwardRef, Module } from '@nestjs/common';
import { CompositionModule } from '@registry/composition';
import { MaterialsModule } from '@registry/materials';
import { OrganizationsModule } from '@registry/organizations';
import { ValueModule } from '@registry/value';
import { PassportBatchService } from './passport-batch.service';
import { PassportLoaderFactory } from './passport.loaders';
import { PassportRepository } from './passport.repository';
import { PassportResolver } from './passport.resolver';
import { PassportService } from './passport.service';

@Module({
  // forwardRef: the value library reads Passport types from this one, and this one uses its assessor.
  imports: [CompositionModule, MaterialsModule, OrganizationsModule, forwardRef(() => ValueModule)],
  providers: [PassportRepository, PassportService, PassportBatchService, PassportLoaderFactory, PassportResolver],
  exports: [PassportService, PassportBatchService],
})
export class PassportsModule {}
