import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PassportStatus } from '@registry/prisma-client';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('PassportRevision', { description: 'An immutable version of a passport, a link of its hash chain. Tier: AUTHORITY.' })
export class PassportRevisionModel {
  @Field(() => Int)
  revision!: number;

  @Field()
  productName!: string;

  @Field(() => PassportStatus, { description: 'The passport status when the revision was written (hashed with it).' })
  status!: PassportStatus;

  @Field(() => Float)
  totalMassKg!: number;

  @Field({ description: 'When the revision was written; hashed as ISO 8601 UTC with milliseconds.' })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of the revision content and metadata.' })
  contentHash!: string | null;

  @Field(() => String, { nullable: true, description: 'contentHash of the previous revision; null for revision 1.' })
  previousHash!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Compact JWS (EdDSA) by the registry over {passportId, revision, contentHash}; set once the revision is published.',
  })
  signature!: string | null;

  @Field(() => String, { nullable: true, description: 'kid of the key in /.well-known/jwks.json that made the signature.' })
  signingKeyId!: string | null;

  @Field(() => String, { nullable: true })
  createdByKeyId!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The composition document of this revision.' })
  composition!: Record<string, unknown>;
}
