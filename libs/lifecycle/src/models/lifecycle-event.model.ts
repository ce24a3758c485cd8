import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';
import { LifecycleEventType } from '@registry/prisma-client';

registerEnumType(LifecycleEventType, {
  name: 'LifecycleEventType',
  description:
    'What happened to a product after it was placed on the market. INSTALLED sets its location (corop); RECYCLED ends its life. ' +
    'RESPONSIBILITY_TRANSFERRED is written by transferResponsibility only.',
});

@ObjectType('LifecycleEvent', {
  description:
    'An event in the life of a product, append-only, hash-chained per passport and signed by the registry. Its type and dates are PUBLIC, ' +
    'the rest LEGITIMATE_INTEREST.',
})
export class LifecycleEventModel {
  @Field(() => ID, tierField(AccessTier.PUBLIC))
  id!: string;

  @Field(() => Int, tierField(AccessTier.PUBLIC, { description: '1, 2, 3, ... per passport, in the order recorded.' }))
  sequence!: number;

  @Field(() => LifecycleEventType, tierField(AccessTier.PUBLIC))
  type!: LifecycleEventType;

  @Field(tierField(AccessTier.PUBLIC, { description: 'When it happened, as the recorder states it.' }))
  occurredAt!: Date;

  @Field(tierField(AccessTier.PUBLIC, { description: 'When the registry recorded it.' }))
  recordedAt!: Date;

  @Field(() => String, tierField(AccessTier.LEGITIMATE_INTEREST, { nullable: true, description: 'COROP region (CR01-CR40) where it happened.' }))
  corop!: string | null;

  @Field(() => [String], tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'Keys of the components it concerns (none: the whole product).' }))
  componentKeys!: string[];

  @Field(() => String, tierField(AccessTier.LEGITIMATE_INTEREST, { nullable: true }))
  note!: string | null;

  @Field(() => String, tierField(AccessTier.LEGITIMATE_INTEREST, { nullable: true, description: 'Where a report or certificate can be read.' }))
  evidenceUrl!: string | null;

  @Field(() => ID, tierField(AccessTier.LEGITIMATE_INTEREST, { nullable: true, description: 'The organization that recorded it.' }))
  actorOrganizationId!: string | null;

  @Field(
    () => ID,
    tierField(AccessTier.LEGITIMATE_INTEREST, { nullable: true, description: 'RESPONSIBILITY_TRANSFERRED: the organization responsible before.' }),
  )
  fromOrganizationId!: string | null;

  @Field(
    () => ID,
    tierField(AccessTier.LEGITIMATE_INTEREST, { nullable: true, description: 'RESPONSIBILITY_TRANSFERRED: the organization responsible after.' }),
  )
  toOrganizationId!: string | null;

  @Field(tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'SHA-256 (hex) of the canonical JSON of the event (see docs/auditors.md).' }))
  contentHash!: string;

  @Field(() => String, tierField(AccessTier.LEGITIMATE_INTEREST, { nullable: true, description: 'contentHash of the event before it on this passport.' }))
  previousHash!: string | null;

  @Field(tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'Registry signature (compact JWS, Ed25519) over { passportId, sequence, contentHash }.' }))
  signature!: string;

  @Field(tierField(AccessTier.LEGITIMATE_INTEREST))
  signingKeyId!: string;

  /** Owner of the passport, for the tier checks (not exposed). */
  manufacturerId!: string;
}
