import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditChainProblem', { description: 'Something wrong in the stored audit log, with the event and field.' })
export class AuditChainProblemModel {
  @Field({ description: 'HASH_MISSING, HASH_MISMATCH (the event was changed) or CHAIN_BROKEN (an event was removed, inserted or reordered).' })
  code!: string;

  @Field(() => ID)
  eventId!: string;

  @Field({ description: 'hash or previousHash.' })
  field!: string;

  @Field()
  message!: string;
}

@ObjectType('AuditLogVerification', { description: "The audit log's hash chain, checked from its first event to its last." })
export class AuditLogVerificationModel {
  @Field({ description: 'True when no problem was found.' })
  valid!: boolean;

  @Field(() => Int)
  checkedEvents!: number;

  @Field(() => Int, { description: 'Events written before the log was chained (a prefix of the log): no hash covers them.' })
  unchainedEvents!: number;

  @Field(() => ID, { nullable: true })
  lastEventId!: string | null;

  @Field(() => String, { nullable: true, description: 'Hash of the last event: keep it to tell later that no event was removed from the end.' })
  lastHash!: string | null;

  @Field(() => Int, { description: 'Problems found; at most 100 are listed.' })
  problemCount!: number;

  @Field(() => [AuditChainProblemModel])
  problems!: AuditChainProblemModel[];
}
