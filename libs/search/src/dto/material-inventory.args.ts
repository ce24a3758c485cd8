import { ArgsType, Field } from '@nestjs/graphql';
import { ClusterCode, PassportStatus } from '@registry/prisma-client';
import { InventoryGroupBy } from '../models/inventory-row.model';

@ArgsType()
export class MaterialInventoryArgs {
  @Field(() => InventoryGroupBy)
  groupBy!: InventoryGroupBy;

  @Field(() => [String], { nullable: true, description: 'Element symbols to total. Give elements, criticalList or both (their intersection).' })
  elements?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Id of a critical material list: total every element it flags.' })
  criticalList?: string | null;

  @Field(() => ClusterCode, { nullable: true })
  cluster?: ClusterCode | null;

  @Field(() => PassportStatus, { nullable: true, description: 'Passport status; PUBLISHED when not given. DRAFT only for their owner.' })
  status?: PassportStatus | null;
}
