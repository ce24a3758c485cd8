import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@registry/auth';
import { ClusterService } from './cluster.service';
import { ClusterModel } from './models/cluster.model';

@Resolver(() => ClusterModel)
export class ClusterResolver {
  constructor(private readonly service: ClusterService) {}

  @Query(() => [ClusterModel], { description: 'The five product clusters.' })
  @Public()
  clusters(): Promise<ClusterModel[]> {
    return this.service.list();
  }
}
