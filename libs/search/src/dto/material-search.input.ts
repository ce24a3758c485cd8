import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '@registry/core';
import { ClusterCode, PassportStatus } from '@registry/prisma-client';

@InputType({
  description: 'What to search for: at least one of element, casNumber, criticalList or substanceOfConcern: true. The other fields narrow the search.',
})
export class MaterialSearchInput {
  @Field(() => String, { nullable: true, description: 'Chemical element symbol the material counts as, e.g. "Sb".' })
  element?: string | null;

  @Field(() => String, { nullable: true, description: 'CAS Registry Number of the substance, e.g. "7429-90-5".' })
  casNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of a critical material list, e.g. "NL-CMI-FOCUS": materials of any element it flags.' })
  criticalList?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: materials holding a substance of concern (composition 1.2), one hit per substance (ComponentHit.substanceOfConcern), the heaviest material first. ' +
      "With casNumber, the substance's CAS number; with element or criticalList, materials that also hold one of those elements. false or null: no criterion.",
  })
  substanceOfConcern?: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Only hits with at least this mass in one whole product, in kg: of the element for element and criticalList searches, of the material for a CAS number or substanceOfConcern search.',
  })
  minMassKg?: number | null;

  @Field(() => ClusterCode, { nullable: true })
  cluster?: ClusterCode | null;

  @Field(() => String, { nullable: true, description: 'COROP region of the manufacturer, CR01 to CR40.' })
  corop?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only passports of this manufacturer. MANUFACTURER keys are always limited to their own.' })
  manufacturerId?: string | null;

  @Field(() => PassportStatus, { nullable: true, description: 'Passport status; PUBLISHED when not given. DRAFT only for their owner.' })
  status?: PassportStatus | null;
}

@ArgsType()
export class ComponentsContainingArgs extends PageArgs {
  @Field(() => MaterialSearchInput)
  filter!: MaterialSearchInput;
}
