import { Injectable } from '@nestjs/common';
import { PrismaService } from '@registry/core';
import type { Cluster } from '@registry/prisma-client';
import type { ClusterData } from './reference-data/clusters';

@Injectable()
export class ClusterRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts the clusters that are missing; existing rows are left alone, so it is safe on every start. */
  async seed(clusters: readonly ClusterData[]): Promise<void> {
    await this.prisma.cluster.createMany({ data: clusters.map((c) => ({ ...c })), skipDuplicates: true });
  }

  findAll(): Promise<Cluster[]> {
    return this.prisma.cluster.findMany();
  }
}
