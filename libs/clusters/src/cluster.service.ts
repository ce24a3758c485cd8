import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Cluster } from '@registry/prisma-client';
import { ClusterRepository } from './cluster.repository';
import { CLUSTERS } from './reference-data/clusters';

@Injectable()
export class ClusterService implements OnModuleInit {
  constructor(private readonly clusters: ClusterRepository) {}

  async onModuleInit(): Promise<void> {
    await this.clusters.seed(CLUSTERS);
  }

  /** In the programme's order. */
  async list(): Promise<Cluster[]> {
    const order = CLUSTERS.map((c) => c.code);
    return (await this.clusters.findAll()).sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  }
}
