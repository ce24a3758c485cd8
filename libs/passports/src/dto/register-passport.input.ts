import { Field, InputType } from '@nestjs/graphql';
import { ClusterCode, Granularity } from '@registry/prisma-client';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType()
export class RegisterPassportInput {
  @Field({ description: '1 to 200 characters.' })
  productName!: string;

  @Field(() => ClusterCode)
  cluster!: ClusterCode;

  @Field(() => Granularity, { description: 'ITEM needs serialNumber, BATCH needs batchNumber, MODEL has neither.' })
  granularity!: Granularity;

  @Field({ description: 'GTIN-8, -12, -13 or -14 with a valid check digit; stored as 14 digits.' })
  gtin!: string;

  @Field(() => String, { nullable: true, description: 'GS1 AI 21: up to 20 characters.' })
  serialNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'GS1 AI 10: up to 20 characters.' })
  batchNumber?: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The composition document (schemas/composition.v1.schema.json).' })
  composition!: Record<string, unknown>;

  @Field({ defaultValue: false, description: 'Publish at once instead of keeping a DRAFT.' })
  publish: boolean = false;
}
