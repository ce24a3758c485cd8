import { Module } from '@nestjs/common';
import { MaterialsModule } from '@registry/materials';
import { ValueAssessor } from './value.assessor';
import { ClusterSummaryResolver } from './cluster-summary/cluster-summary.resolver';
import { ClusterSummaryService } from './cluster-summary/cluster-summary.service';
import { PassportValueResolver } from './passport-value.resolver';
import { ValueLoaderFactory } from './value.loaders';
import { ValueRepository } from './value.repository';

@Module({
  imports: [MaterialsModule],
  providers: [ValueAssessor, ValueRepository, ValueLoaderFactory, PassportValueResolver, ClusterSummaryService, ClusterSummaryResolver],
  exports: [ValueAssessor],
})
export class ValueModule {}
