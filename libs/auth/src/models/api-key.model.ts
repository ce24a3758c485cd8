import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiKeyRole } from '@registry/prisma-client';

registerEnumType(ApiKeyRole, {
  name: 'ApiKeyRole',
  description: "What a key may do. ADMIN manages its organization's keys; the others follow the organization's kind.",
});

@ObjectType('ApiKey', { description: 'An API key of an organization. The secret is shown once, when the key is created.' })
export class ApiKeyModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => ApiKeyRole)
  role!: ApiKeyRole;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field({ description: 'The first characters of the secret, to tell keys apart.' })
  secretPrefix!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Last time the key authenticated a request (to the minute).' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working (UNAUTHENTICATED "The API key has expired"); null: never.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it is not.' })
  revokedAt!: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyModel {
  @Field({ description: 'The secret to send as "Authorization: Bearer <secret>". It cannot be shown again.' })
  secret!: string;

  @Field(() => ApiKeyModel)
  apiKey!: ApiKeyModel;
}
