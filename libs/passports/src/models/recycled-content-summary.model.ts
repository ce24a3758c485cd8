import { Field, Float, ObjectType } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';

@ObjectType('RecycledContentSummary', {
  description:
    'How much of the product is recycled material, from the recycledContentPct its materials declare (no masses). Tier: PUBLIC. ' +
    'Callers without LEGITIMATE_INTEREST on the passport get whole percent (shares to 0.01), which with totalMassKg gives no mass to the gram.',
})
export class RecycledContentSummaryModel {
  @Field(
    () => Float,
    tierField(AccessTier.PUBLIC, {
      nullable: true,
      description: 'Mass-weighted recycled content (%) of the materials that declare it, to 0.01 % (public: whole percent); null when none does.',
    }),
  )
  recycledContentPct!: number | null;

  @Field(() => Float, tierField(AccessTier.PUBLIC, { description: "Share (0 to 1) of the product's material mass that declares its recycled content." }))
  declaredShareOfMass!: number;

  @Field(
    () => Float,
    tierField(AccessTier.PUBLIC, {
      description: "Share (0 to 1) of the product's material mass that is recycled, undeclared materials counting as 0 (a lower bound).",
    }),
  )
  recycledShareOfMass!: number;
}
