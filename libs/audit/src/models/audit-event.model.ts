import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('AuditEvent', { description: 'One write recorded in the append-only audit log.' })
export class AuditEventModel {
  @Field(() => ID, { description: 'Increasing with time of writing.' })
  id!: string;

  @Field()
  occurredAt!: Date;

  @Field({
    description:
      'organization.created, organization.gs1_company_prefixes_set, api_key.created, api_key.revoked, passport.registered, passport.revised, passport.published or passport.archived.',
  })
  action!: string;

  @Field(() => ID, { nullable: true, description: 'Organization of the key that wrote; null for the platform administrator.' })
  actorOrganizationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The key that wrote; null for the platform administrator (details.platformAdmin).' })
  actorKeyId!: string | null;

  @Field(() => ID, { nullable: true })
  passportId!: string | null;

  @Field(() => Int, { nullable: true, description: 'The passport revision written, or current when the status changed.' })
  revision!: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What else the event records (status, hashes, the key or organization concerned).' })
  details!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'hash of the event before this one in the whole log (by id); null for the first.' })
  previousHash!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of the event and its previousHash; null for events written before the log was chained.',
  })
  hash!: string | null;
}
