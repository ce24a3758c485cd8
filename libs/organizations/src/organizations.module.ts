import { Module } from '@nestjs/common';
import { OrganizationRepository } from './organization.repository';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';
import { ViewerResolver } from './viewer.resolver';

@Module({
  providers: [OrganizationRepository, OrganizationService, OrganizationResolver, ViewerResolver],
  exports: [OrganizationService],
})
export class OrganizationsModule {}
