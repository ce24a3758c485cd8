import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '@registry/core';

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true })
  passportId?: string | null;

  @Field(() => ID, { nullable: true })
  actorOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'One action, e.g. "passport.published".' })
  action?: string | null;

  @Field(() => Date, { nullable: true, description: 'Events at or after this time.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Events before this time.' })
  until?: Date | null;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  filter?: AuditEventFilter | null;
}
