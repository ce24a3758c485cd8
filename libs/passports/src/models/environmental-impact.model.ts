import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';

/** What an impact figure is per (DeclaredUnit of @registry/composition). */
export const DeclaredUnit = { PRODUCT: 'PRODUCT', KWH: 'KWH', KG: 'KG' } as const;
registerEnumType(DeclaredUnit, {
  name: 'DeclaredUnit',
  description: "What an impact figure is per: one PRODUCT unit, one KWH of the product's rated energy (a battery's energyKWh), one KG of product.",
});

@ObjectType('CarbonFootprint', { description: 'Greenhouse gas emissions per declared unit, as the composition document declares them. Tier: PUBLIC.' })
export class CarbonFootprintModel {
  @Field(() => Float, tierField(AccessTier.PUBLIC, { description: 'kg CO2 equivalent per declared unit.' }))
  kgCO2e!: number;

  @Field(() => DeclaredUnit, tierField(AccessTier.PUBLIC))
  declaredUnit!: keyof typeof DeclaredUnit;

  @Field(() => [String], tierField(AccessTier.PUBLIC, { description: 'EN 15804 life cycle stages covered, e.g. A1-A3, C1-C4; empty when not declared.' }))
  lifecycleStages!: string[];

  @Field(() => String, tierField(AccessTier.PUBLIC, { nullable: true, description: 'ISO 14067, PEF or EN 15804.' }))
  method!: string | null;

  @Field(() => Float, tierField(AccessTier.PUBLIC, { nullable: true, description: 'Share (%) computed from primary data.' }))
  primaryDataSharePct!: number | null;

  @Field(() => String, tierField(AccessTier.PUBLIC, { nullable: true }))
  verifiedBy!: string | null;

  @Field(() => String, tierField(AccessTier.PUBLIC, { nullable: true }))
  studyUrl!: string | null;
}

@ObjectType('WaterUse', { description: 'Water consumed per declared unit. Tier: PUBLIC.' })
export class WaterUseModel {
  @Field(() => Float, tierField(AccessTier.PUBLIC))
  m3!: number;

  @Field(() => DeclaredUnit, tierField(AccessTier.PUBLIC))
  declaredUnit!: keyof typeof DeclaredUnit;
}

@ObjectType('EnergyUse', { description: 'Primary energy used per declared unit. Tier: PUBLIC.' })
export class EnergyUseModel {
  @Field(() => Float, tierField(AccessTier.PUBLIC))
  mj!: number;

  @Field(() => DeclaredUnit, tierField(AccessTier.PUBLIC))
  declaredUnit!: keyof typeof DeclaredUnit;

  @Field(() => Float, tierField(AccessTier.PUBLIC, { nullable: true }))
  renewableSharePct!: number | null;
}

@ObjectType('ComponentEnvironmentalImpact', {
  description: 'The impact the document declares for one unit of a component. Declaring it makes the component key and name public with it. Tier: PUBLIC.',
})
export class ComponentEnvironmentalImpactModel {
  @Field(tierField(AccessTier.PUBLIC))
  componentKey!: string;

  @Field(tierField(AccessTier.PUBLIC))
  componentName!: string;

  @Field(() => CarbonFootprintModel, tierField(AccessTier.PUBLIC, { nullable: true }))
  carbonFootprint!: CarbonFootprintModel | null;

  @Field(() => WaterUseModel, tierField(AccessTier.PUBLIC, { nullable: true }))
  waterUse!: WaterUseModel | null;

  @Field(() => EnergyUseModel, tierField(AccessTier.PUBLIC, { nullable: true }))
  energyUse!: EnergyUseModel | null;
}

@ObjectType('EnvironmentalImpact', {
  description:
    'Environmental impact of the product (composition 1.2): carbon footprint, water and energy use, per product and per component ' +
    "where declared. Public: the programme's guideline asks for it and ESPR 2024/1781 Annex I names the carbon and environmental footprint. Tier: PUBLIC.",
})
export class EnvironmentalImpactModel {
  @Field(() => CarbonFootprintModel, tierField(AccessTier.PUBLIC, { nullable: true }))
  carbonFootprint!: CarbonFootprintModel | null;

  @Field(
    () => Float,
    tierField(AccessTier.PUBLIC, {
      nullable: true,
      description:
        'The carbon footprint of one product unit in kg CO2e: kgCO2e for PRODUCT, times totalMassKg for KG, times the energyKWh of the cluster data for KWH; null when it cannot be converted.',
    }),
  )
  carbonFootprintKgCO2ePerProduct!: number | null;

  @Field(() => WaterUseModel, tierField(AccessTier.PUBLIC, { nullable: true }))
  waterUse!: WaterUseModel | null;

  @Field(() => EnergyUseModel, tierField(AccessTier.PUBLIC, { nullable: true }))
  energyUse!: EnergyUseModel | null;

  @Field(
    () => [ComponentEnvironmentalImpactModel],
    tierField(AccessTier.PUBLIC, { description: 'Components that declare their own impact, in document order.' }),
  )
  components!: ComponentEnvironmentalImpactModel[];
}
