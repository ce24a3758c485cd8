import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType()
export class RevisePassportInput {
  @Field(() => ID)
  passportId!: string;

  @Field(() => Int, { description: 'The revision the change is based on; if another revision came first, the answer is CONFLICT.' })
  expectedRevision!: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The new composition document; the current one is kept when absent.' })
  composition?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  productName?: string | null;
}
