export { ClustersModule } from './clusters.module';
export { ClusterService } from './cluster.service';
export { ClusterModel } from './models/cluster.model';
export { CLUSTERS, type ClusterData } from './reference-data/clusters';
