import { Module } from '@nestjs/common';
import { ClusterRepository } from './cluster.repository';
import { ClusterResolver } from './cluster.resolver';
import { ClusterService } from './cluster.service';

@Module({ providers: [ClusterRepository, ClusterService, ClusterResolver], exports: [ClusterService] })
export class ClustersModule {}
