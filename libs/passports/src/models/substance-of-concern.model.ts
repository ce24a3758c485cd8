import { Field, Float, ObjectType } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';

@ObjectType('CandidateListFlag', { description: 'The entry of the REACH Candidate List extract a substance falls under (reference data). Tier: PUBLIC.' })
export class CandidateListFlagModel {
  @Field(tierField(AccessTier.PUBLIC, { description: 'Id of the extract, e.g. REACH-CANDIDATE-2026-01 (see substanceOfConcernLists).' }))
  listId!: string;

  @Field(tierField(AccessTier.PUBLIC))
  listVersion!: string;

  @Field(tierField(AccessTier.PUBLIC, { description: 'The entry\'s name on the list, e.g. "Lead".' }))
  entryName!: string;

  @Field(tierField(AccessTier.PUBLIC, { description: 'The grounds of REACH Art. 57 it was listed for.' }))
  reason!: string;
}

@ObjectType('ConcentrationRange', { description: 'Range of a concentration in the material, by mass. Tier: LEGITIMATE_INTEREST.' })
export class ConcentrationRangeModel {
  @Field(() => Float)
  minPct!: number;

  @Field(() => Float)
  maxPct!: number;
}

@ObjectType('SubstanceOfConcern', {
  description:
    'A substance of concern in a material of the product (composition 1.2). Its name, identifiers, location and presence are PUBLIC ' +
    '(ESPR Art. 7(5)); its concentration is LEGITIMATE_INTEREST.',
})
export class SubstanceOfConcernModel {
  @Field(tierField(AccessTier.PUBLIC))
  name!: string;

  @Field(() => String, tierField(AccessTier.PUBLIC, { nullable: true }))
  casNumber!: string | null;

  @Field(() => String, tierField(AccessTier.PUBLIC, { nullable: true }))
  ecNumber!: string | null;

  @Field(
    () => Boolean,
    tierField(AccessTier.PUBLIC, { nullable: true, description: 'Whether the document declares it a substance of very high concern (SVHC).' }),
  )
  svhc!: boolean | null;

  @Field(
    () => CandidateListFlagModel,
    tierField(AccessTier.PUBLIC, {
      nullable: true,
      description: 'The REACH Candidate List entry its CAS or EC number falls under, with the list version; null if none.',
    }),
  )
  candidateList!: CandidateListFlagModel | null;

  @Field(
    () => String,
    tierField(AccessTier.PUBLIC, { nullable: true, description: "Where it sits in the product (the substance's location, else its component's)." }),
  )
  location!: string | null;

  @Field(() => String, tierField(AccessTier.PUBLIC, { nullable: true, description: 'Instructions for safe use (REACH Art. 33).' }))
  safeUse!: string | null;

  @Field(() => String, tierField(AccessTier.PUBLIC, { nullable: true, description: 'How to treat it at end of life.' }))
  endOfLife!: string | null;

  @Field(() => Float, tierField(AccessTier.LEGITIMATE_INTEREST, { nullable: true, description: 'Concentration in the material, by mass (%).' }))
  concentrationPct!: number | null;

  @Field(
    () => ConcentrationRangeModel,
    tierField(AccessTier.LEGITIMATE_INTEREST, { nullable: true, description: 'Concentration range, when declared as one.' }),
  )
  concentrationRange!: ConcentrationRangeModel | null;

  /** Owner of the passport, for the tier checks of the concentrations (not exposed). */
  manufacturerId!: string;

  /** The passport's composition grantees when restricted (not exposed). */
  compositionGrantees?: readonly string[] | null;
}

@ObjectType('SubstanceOfConcernListEntry', { description: 'An entry of a REACH Candidate List extract. Tier: PUBLIC.' })
export class SubstanceOfConcernListEntryModel {
  @Field()
  name!: string;

  @Field(() => [String])
  casNumbers!: readonly string[];

  @Field(() => [String])
  ecNumbers!: readonly string[];

  @Field({ description: 'The grounds of REACH Art. 57.' })
  reason!: string;

  @Field({ description: 'Where the clusters meet the substance.' })
  foundIn!: string;
}

@ObjectType('SubstanceOfConcernList', {
  description: 'A versioned extract of the REACH Candidate List: the entries the five clusters meet. A revised extract gets a new id. Tier: PUBLIC.',
})
export class SubstanceOfConcernListModel {
  @Field({ description: 'Stable id, e.g. REACH-CANDIDATE-2026-01.' })
  id!: string;

  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field()
  source!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  publishedOn!: string;

  @Field(() => [SubstanceOfConcernListEntryModel])
  entries!: SubstanceOfConcernListEntryModel[];
}
