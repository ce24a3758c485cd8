import { Field, ID, InputType } from '@nestjs/graphql';
import { LifecycleEventType } from '@registry/prisma-client';

@InputType()
export class RecordLifecycleEventInput {
  @Field(() => ID)
  passportId!: string;

  @Field(() => LifecycleEventType, { description: 'Any type but RESPONSIBILITY_TRANSFERRED (use transferResponsibility).' })
  type!: LifecycleEventType;

  @Field({ description: 'When it happened; not in the future.' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'COROP region CR01-CR40 where it happened; required for INSTALLED.' })
  corop?: string | null;

  @Field(() => [String], { nullable: true, description: 'Keys of the components it concerns (at most 100), from the current revision.' })
  componentKeys?: string[] | null;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of a report or certificate, at most 2000 characters.' })
  evidenceUrl?: string | null;
}
