import { Field, Float, ObjectType } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';

@ObjectType('MciFlows', { description: 'The material flows behind the Linear Flow Index, summed over the materials, in kg per product unit.' })
export class MciFlowsModel {
  @Field(() => Float, { description: 'M: mass of the materials (and of components declared by mass only).' })
  massKg!: number;

  @Field(() => Float, { description: 'V: virgin feedstock.' })
  virginKg!: number;

  @Field(() => Float, { description: 'W: unrecoverable waste, W0 + (W_F + W_C) / 2.' })
  wasteKg!: number;

  @Field(() => Float, { description: 'W_F: waste from producing the recycled feedstock.' })
  feedstockRecyclingWasteKg!: number;

  @Field(() => Float, { description: 'W_C: waste from recycling what is collected for recycling.' })
  collectionRecyclingWasteKg!: number;
}

@ObjectType('Circularity', {
  description:
    'Material Circularity Indicator (Ellen MacArthur Foundation, 2019 method) of a revision; see docs/circularity.md. ' +
    'The indicators are PUBLIC; missingInputs and flows (the shape and masses of the composition) are LEGITIMATE_INTEREST.',
})
export class CircularityModel {
  @Field(() => Float, { description: 'MCI = max(0, 1 - LFI x 0.9 / X): 0 linear, 1 circular.' })
  mci!: number;

  @Field(() => Float, { description: 'Linear Flow Index (V + W) / (2M + (W_F - W_C) / 2).' })
  lfi!: number;

  @Field(() => Float, { description: 'Utility factor X = (L / L_av) (U / U_av); 1 when not declared.' })
  utility!: number;

  @Field({ description: 'False when some inputs were missing and defaulted (see missingInputs).' })
  inputsComplete!: boolean;

  @Field(() => [String], tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'JSON pointers into the composition of the inputs that were defaulted.' }))
  missingInputs!: string[];

  @Field({ description: 'e.g. "EMF-MCI-2019/1".' })
  methodVersion!: string;

  @Field(() => MciFlowsModel, tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'The material flows (kg per product unit).' }))
  flows!: MciFlowsModel;

  /** Owner of the passport, for the tier checks of missingInputs and flows (not exposed). */
  manufacturerId!: string;
}
