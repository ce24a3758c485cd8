import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('CompositionAccessInput', {
  description: "Who may read a passport's composition (its LEGITIMATE_INTEREST fields) besides its owner, auditors and authorities.",
})
export class CompositionAccessInput {
  @Field({ description: 'true: only the organizations named read the composition; false: every key holding LEGITIMATE_INTEREST does.' })
  restricted!: boolean;

  @Field(() => [ID], {
    nullable: true,
    description: 'The organizations granted access when restricted (at most 100); must be empty or absent when not restricted.',
  })
  organizationIds?: string[] | null;
}
