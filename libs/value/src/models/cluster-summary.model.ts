import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ClusterCode, PassportStatus } from '@registry/prisma-client';

@ObjectType('PassportStatusCount')
export class PassportStatusCountModel {
  @Field(() => PassportStatus)
  status!: PassportStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ClusterCriticalMaterial', { description: 'A critical element summed over the published products of a cluster.' })
export class ClusterCriticalMaterialModel {
  @Field()
  element!: string;

  @Field()
  elementName!: string;

  @Field(() => Float, { description: 'Mass in all published products (element shares of the materials): per-product mass x unitCount, summed.' })
  massKg!: number;

  @Field(() => [String], { description: 'Ids of the critical material lists that flag the element (see criticalMaterialLists).' })
  lists!: string[];

  @Field({ description: 'Method version of the element masses, e.g. "element-mass/2 (IUPAC 2021 atomic weights, SUBSTANCES-2026-01)".' })
  methodVersion!: string;
}

@ObjectType('ReuseValueTotal')
export class ReuseValueTotalModel {
  @Field(() => Float, { description: 'Reuse value per product x unitCount, summed over the published passports that have one.' })
  amount!: number;

  @Field({ description: 'ISO 4217 code.' })
  currency!: string;

  @Field(() => Int, { description: 'Published passports with a reuse value in this currency.' })
  passportCount!: number;
}

@ObjectType('ClusterCarbonFootprint', {
  description: 'Carbon footprint of the published products of a cluster whose passports declare one (composition 1.2), converted to one product unit.',
})
export class ClusterCarbonFootprintModel {
  @Field(() => Float, { description: 'kg CO2e of all those products: the footprint per product x unitCount, summed.' })
  totalKgCO2e!: number;

  @Field(() => Float, { nullable: true, description: 'kg CO2e per product unit, weighted by unitCount; null when no passport declares a footprint.' })
  averageKgCO2ePerProduct!: number | null;

  @Field(() => Int, { description: 'Published passports with a carbon footprint.' })
  passportCount!: number;

  @Field(() => Float, { description: 'Product units they stand for (sum of unitCount).' })
  productUnits!: number;
}

@ObjectType('ClusterSummary', {
  description:
    'Figures of one cluster for a yearly fact sheet. Counts, mass and MCI: PUBLIC; criticalMaterials and totalReuseValue ' +
    'sum LEGITIMATE_INTEREST data of every manufacturer, so they need a RECYCLER or AUDITOR key.',
})
export class ClusterSummaryModel {
  @Field(() => ClusterCode)
  cluster!: ClusterCode;

  @Field(() => [PassportStatusCountModel], {
    description:
      "Passports per status (DRAFT, PUBLISHED, ARCHIVED), zeros included. Drafts are their owner's business: DRAFT counts the " +
      "caller's own drafts only (a manufacturer's key; all of them for the platform administrator), 0 for anyone else.",
  })
  passportsByStatus!: PassportStatusCountModel[];

  @Field(() => Float, { description: 'Product units the published passports stand for (sum of unitCount).' })
  productUnits!: number;

  @Field(() => Float, { description: 'Mass of all published products: totalMassKg x unitCount, summed.' })
  totalMassKg!: number;

  @Field(() => Float, { nullable: true, description: 'MCI averaged over the published product units that have one (weighted by unitCount).' })
  averageMci!: number | null;

  @Field(() => Int, { description: 'Published passports with an MCI.' })
  passportsWithMci!: number;
}
