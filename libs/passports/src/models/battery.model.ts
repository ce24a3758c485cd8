import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';

const pub = (description?: string) => tierField(AccessTier.PUBLIC, { nullable: true, ...(description ? { description } : {}) });

@ObjectType('BatteryTemperatureRange', { description: 'Temperature range the battery withstands when not in use (Annex XIII 1(l)). Tier: PUBLIC.' })
export class BatteryTemperatureRangeModel {
  @Field(() => Float, tierField(AccessTier.PUBLIC))
  minC!: number;

  @Field(() => Float, tierField(AccessTier.PUBLIC))
  maxC!: number;
}

@ObjectType('BatteryHazardousSubstance', { description: 'A hazardous substance of the battery (Annex XIII 1(b)). Tier: PUBLIC.' })
export class BatteryHazardousSubstanceModel {
  @Field(tierField(AccessTier.PUBLIC))
  name!: string;

  @Field(() => String, pub())
  casNumber!: string | null;

  @Field(() => String, pub())
  ecNumber!: string | null;

  @Field(() => String, pub('CLP hazard class and category.'))
  hazardClass!: string | null;
}

@ObjectType('BatteryCarbonFootprint', { description: 'Carbon footprint of the battery (Art. 7, Annex XIII 1(c)). Tier: PUBLIC.' })
export class BatteryCarbonFootprintModel {
  @Field(() => Float, tierField(AccessTier.PUBLIC, { description: 'kg CO2e per kWh of the total energy provided over the expected service life.' }))
  kgCO2ePerKWh!: number;

  @Field(() => String, pub('Carbon footprint performance class (Art. 7(2)).'))
  performanceClass!: string | null;

  @Field(() => String, pub('The public carbon footprint study.'))
  studyUrl!: string | null;
}

@ObjectType('BatteryRecycledContent', { description: 'Recycled shares of the active materials (Art. 8, Annex XIII 1(e)), in %. Tier: PUBLIC.' })
export class BatteryRecycledContentModel {
  @Field(() => Float, pub())
  cobaltPct!: number | null;

  @Field(() => Float, pub())
  lithiumPct!: number | null;

  @Field(() => Float, pub())
  nickelPct!: number | null;

  @Field(() => Float, pub())
  leadPct!: number | null;
}

@ObjectType('BatteryPublicData', {
  description:
    'The publicly accessible battery passport data of Regulation (EU) 2023/1542, Annex XIII point 1, from the cluster data of a BATTERY ' +
    'passport (battery.v2; a battery.v1 document has the first fields only). Tier: PUBLIC.',
})
export class BatteryPublicDataModel {
  @Field(tierField(AccessTier.PUBLIC, { description: 'The cluster schema the data follows: battery.v1 or battery.v2.' }))
  schema!: string;

  @Field(() => String, pub('Cell chemistry, e.g. NMC, LFP (Annex XIII 1(b)).'))
  chemistry!: string | null;

  @Field(() => String, pub('portable, LMT, industrial, EV or SLI.'))
  batteryCategory!: string | null;

  @Field(() => String, pub('original, repurposed, reused, remanufactured or waste.'))
  status!: string | null;

  @Field(() => Float, pub('Rated capacity in Ah (Annex XIII 1(g)).'))
  nominalCapacityAh!: number | null;

  @Field(() => Float, pub('Rated energy in kWh.'))
  energyKWh!: number | null;

  @Field(() => Float, pub('Nominal voltage in V (Annex XIII 1(h)).'))
  nominalVoltageV!: number | null;

  @Field(() => Float, pub('Minimal voltage in V (Annex XIII 1(h)).'))
  minimalVoltageV!: number | null;

  @Field(() => Float, pub('Maximal voltage in V (Annex XIII 1(h)).'))
  maximalVoltageV!: number | null;

  @Field(() => Float, pub('Original power capability in W (Annex XIII 1(i)).'))
  originalPowerCapabilityW!: number | null;

  @Field(() => Int, pub('Expected lifetime in charge-discharge cycles (Annex XIII 1(j)).'))
  expectedLifetimeCycles!: number | null;

  @Field(() => String, pub('The reference test of the expected lifetime.'))
  expectedLifetimeReferenceTest!: string | null;

  @Field(() => BatteryTemperatureRangeModel, pub())
  temperatureRange!: BatteryTemperatureRangeModel | null;

  @Field(() => [BatteryHazardousSubstanceModel], tierField(AccessTier.PUBLIC, { description: 'Empty when none is declared.' }))
  hazardousSubstances!: BatteryHazardousSubstanceModel[];

  @Field(() => BatteryCarbonFootprintModel, pub())
  carbonFootprint!: BatteryCarbonFootprintModel | null;

  @Field(() => BatteryRecycledContentModel, pub())
  recycledContent!: BatteryRecycledContentModel | null;

  @Field(() => Float, pub('Renewable content in % (Annex XIII 1(f)).'))
  renewableContentPct!: number | null;

  @Field(() => Float, pub('Period of the commercial warranty in years (Annex XIII 1(m)).'))
  warrantyYears!: number | null;
}
