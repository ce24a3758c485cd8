import { Module } from '@nestjs/common';
import { CompositionModule } from '@registry/composition';
import { MaterialsModule } from '@registry/materials';
import { OrganizationsModule } from '@registry/organizations';
import { PassportLoaderFactory } from './passport.loaders';
import { PassportRepository } from './passport.repository';
import { PassportResolver } from './passport.resolver';
import { PassportService } from './passport.service';

@Module({
  imports: [CompositionModule, MaterialsModule, OrganizationsModule],
  providers: [PassportRepository, PassportService, PassportLoaderFactory, PassportResolver],
  exports: [PassportService],
})
export class PassportsModule {}
