import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiKeyRole } from '@registry/prisma-client';

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => ApiKeyRole)
  role!: ApiKeyRole;

  @Field(() => String, { nullable: true, description: 'A name to recognise the key by, e.g. "ERP export"; at most 200 characters.' })
  label?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; never when absent.' })
  expiresAt?: Date | null;
}
