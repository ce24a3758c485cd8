import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ClusterCode, PassportStatus } from '@registry/prisma-client';

@ArgsType()
export class ReleaseForecastArgs {
  @Field(() => String, { nullable: true, description: 'An element symbol. Give element, criticalList or both (the element if the list flags it).' })
  element?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of a critical material list: forecast every element it flags.' })
  criticalList?: string | null;

  @Field(() => String, { nullable: true, description: "COROP region (CR01-CR40) of the products' last INSTALLED event; all products when not given." })
  corop?: string | null;

  @Field(() => Int, { description: 'First year of the forecast (1900 to 2300).' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year of the forecast, at most 100 years after fromYear.' })
  toYear!: number;

  @Field(() => ClusterCode, { nullable: true })
  cluster?: ClusterCode | null;

  @Field(() => PassportStatus, { nullable: true, description: 'Passport status; PUBLISHED when not given. DRAFT only for their owner.' })
  status?: PassportStatus | null;
}
