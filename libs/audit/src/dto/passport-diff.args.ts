import { ArgsType, Field, ID, Int } from '@nestjs/graphql';

@ArgsType()
export class PassportDiffArgs {
  @Field(() => ID)
  passportId!: string;

  @Field(() => Int)
  fromRevision!: number;

  @Field(() => Int)
  toRevision!: number;
}
