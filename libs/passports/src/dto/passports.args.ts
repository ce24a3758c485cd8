import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '@registry/core';
import { ClusterCode, PassportStatus } from '@registry/prisma-client';

@InputType()
export class PassportFilter {
  @Field(() => ClusterCode, { nullable: true })
  cluster?: ClusterCode | null;

  @Field(() => PassportStatus, { nullable: true })
  status?: PassportStatus | null;

  @Field(() => ID, { nullable: true })
  manufacturerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Any GTIN form; compared as 14 digits.' })
  gtin?: string | null;
}

@ArgsType()
export class PassportsArgs extends PageArgs {
  @Field(() => PassportFilter, { nullable: true })
  filter?: PassportFilter | null;
}

@InputType()
export class ComponentFilter {
  @Field(() => String, { nullable: true, description: 'Only components holding this element.' })
  element?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only components holding an element flagged by a critical list.' })
  criticalOnly?: boolean | null;
}
