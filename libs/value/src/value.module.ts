import { Module } from '@nestjs/common';
import { MaterialsModule } from '@registry/materials';
import { ValueAssessor } from './value.assessor';
import { ClusterSummaryResolver } from './cluster-summary/cluster-summary.resolver';
import { ClusterSummaryService } from './cluster-summary/cluster-summary.service';
import { ValueLoaderFactory } from './value.loaders';
import { ValueRepository } from './value.repository';

@Module({
  imports: [MaterialsModule],
  providers: [ValueAssessor, ValueRepository, ValueLoaderFactory, ClusterSummaryService, ClusterSummaryResolver],
  exports: [ValueAssessor, ValueLoaderFactory],
})
export class ValueModule {}
