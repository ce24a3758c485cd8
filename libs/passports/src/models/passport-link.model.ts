import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';

/** A relation between passports as read from one of them; stored as HAS_COMPONENT and SUCCESSOR rows. */
export const PassportRelation = {
  HAS_COMPONENT: 'HAS_COMPONENT',
  COMPONENT_OF: 'COMPONENT_OF',
  PREDECESSOR: 'PREDECESSOR',
  SUCCESSOR: 'SUCCESSOR',
} as const;
export type PassportRelation = keyof typeof PassportRelation;

registerEnumType(PassportRelation, {
  name: 'PassportRelation',
  description: 'How another passport relates to this one.',
  valuesMap: {
    HAS_COMPONENT: { description: "The passport of one of this product's components (a component's passportRef)." },
    COMPONENT_OF: { description: 'A product holding this one as a component.' },
    PREDECESSOR: { description: 'The product this one was repurposed or remanufactured from.' },
    SUCCESSOR: { description: 'A product repurposed or remanufactured from this one (registerSuccessor).' },
  },
});

@ObjectType('PassportLink', { description: 'Another passport and how it relates to the one read. Tier: PUBLIC.' })
export class PassportLinkModel {
  @Field(() => PassportRelation, tierField(AccessTier.PUBLIC))
  relation!: PassportRelation;

  @Field(() => ID, tierField(AccessTier.PUBLIC, { description: 'The other passport (resolve it with `passport`).' }))
  passportId!: string;

  @Field(
    () => String,
    tierField(AccessTier.LEGITIMATE_INTEREST, {
      nullable: true,
      description: 'HAS_COMPONENT and COMPONENT_OF: the key of the component naming the linked passport, in the holding product.',
    }),
  )
  componentKey!: string | null;

  /** Owner of the passport read, for the tier check of componentKey (not exposed). */
  manufacturerId!: string;

  /** The composition grantees of the passport read when restricted (not exposed). */
  compositionGrantees?: readonly string[] | null;
}
