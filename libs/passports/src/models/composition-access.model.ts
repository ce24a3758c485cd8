import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CompositionAccess', { description: "Who may read a passport's composition besides its owner, auditors and authorities. Tier: OWNER." })
export class CompositionAccessModel {
  @Field({ description: 'Whether the composition is restricted to the organizations below.' })
  restricted!: boolean;

  @Field(() => [ID], { description: 'The organizations granted access, in the order given; empty when not restricted.' })
  organizationIds!: string[];
}
