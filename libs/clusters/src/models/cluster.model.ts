import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClusterCode } from '@registry/prisma-client';

registerEnumType(ClusterCode, { name: 'ClusterCode', description: 'The five product clusters of the programme.' });

@ObjectType('Cluster', { description: 'A product cluster and the circular strategies the programme ties to it. Tier: PUBLIC.' })
export class ClusterModel {
  @Field(() => ClusterCode)
  code!: ClusterCode;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  strategies!: string[];
}
