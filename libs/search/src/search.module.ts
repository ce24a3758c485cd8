import { Module } from '@nestjs/common';
import { MaterialsModule } from '@registry/materials';
import { OrganizationsModule } from '@registry/organizations';
import { ReleaseForecastResolver } from './release-forecast.resolver';
import { SearchRepository } from './search.repository';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  imports: [MaterialsModule, OrganizationsModule],
  providers: [SearchRepository, SearchService, SearchResolver, ReleaseForecastResolver],
  exports: [SearchService],
})
export class SearchModule {}
