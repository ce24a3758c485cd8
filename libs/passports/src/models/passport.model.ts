import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessTier, requireTier } from '@registry/auth';
import { ClusterCode, Granularity, PassportStatus } from '@registry/prisma-client';
import { GraphQLJSONObject } from 'graphql-scalars';

registerEnumType(Granularity, {
  name: 'Granularity',
  description: 'What one passport stands for (EU ESPR Art. 10): a product MODEL, a production BATCH, or one ITEM.',
});
registerEnumType(PassportStatus, {
  name: 'PassportStatus',
  description: 'DRAFT (owner only) -> PUBLISHED -> ARCHIVED. An archived passport cannot be revised.',
});
registerEnumType(AccessTier, { name: 'AccessTier', description: 'The access tiers of the EU battery passport.' });

@ObjectType('CriticalListFlag', { description: 'A critical material list that flags an element.' })
export class CriticalListFlagModel {
  @Field()
  listId!: string;

  @Field()
  listVersion!: string;

  @Field({ description: 'The material of the list covering the element, e.g. "light rare earth elements".' })
  materialName!: string;
}

@ObjectType('Material', { description: 'A material of a component. Tier: LEGITIMATE_INTEREST.' })
export class MaterialModel {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Chemical symbol of the element the mass counts as.' })
  element!: string | null;

  @Field(() => String, { nullable: true })
  casNumber!: string | null;

  @Field(() => Float, { description: 'Mass per unit of the component it is listed in.' })
  massKg!: number;

  @Field(() => Float, { description: 'Mass in one whole product (quantities multiplied along the component path).' })
  massKgPerProduct!: number;

  @Field(() => Float, { nullable: true })
  recycledContentPct!: number | null;

  @Field(() => [CriticalListFlagModel], { description: 'Lists that flag the element as critical; empty when none does.' })
  criticalLists!: CriticalListFlagModel[];

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The other keys of the material in the document.' })
  details!: Record<string, unknown> | null;
}

@ObjectType('Component', { description: 'A component of the product, flattened from the composition tree. Tier: LEGITIMATE_INTEREST.' })
export class ComponentModel {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field({ description: 'Keys from the root of the tree, e.g. "/inverter/pcb".' })
  path!: string;

  @Field(() => Int, { description: '0 for a top-level component.' })
  depth!: number;

  @Field(() => String, { nullable: true })
  parentKey!: string | null;

  @Field(() => Float, { description: 'Units of this component in one unit of its parent.' })
  quantity!: number;

  @Field(() => Float, { description: 'Mass of one unit, sub-components included.' })
  massKg!: number;

  @Field(() => Float, { description: 'Units of this component in one whole product.' })
  unitsPerProduct!: number;

  @Field(() => String, { nullable: true, description: 'Where the component sits in the product.' })
  location!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'How to take the component out: fastening, tool, time, hazards.' })
  dismantling!: Record<string, unknown> | null;

  @Field(() => [MaterialModel])
  materials!: MaterialModel[];
}

@ObjectType('CriticalMaterial', { description: 'A critical element in the whole product. Tier: PUBLIC (presence); masses need LEGITIMATE_INTEREST.' })
export class CriticalMaterialModel {
  @Field()
  element!: string;

  @Field()
  elementName!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Total mass in one whole product. Tier: LEGITIMATE_INTEREST.',
    middleware: [requireTier(AccessTier.LEGITIMATE_INTEREST)],
  })
  massKg!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'massKg / totalMassKg of the product. Tier: LEGITIMATE_INTEREST.',
    middleware: [requireTier(AccessTier.LEGITIMATE_INTEREST)],
  })
  shareOfProductMass!: number;

  @Field({ description: 'Whether the share is above 0.1 % by weight, the reporting threshold of the Battery Pass data model.' })
  aboveReportingThreshold!: boolean;

  @Field(() => [CriticalListFlagModel])
  lists!: CriticalListFlagModel[];

  /** Owner of the passport, for the tier checks of the mass fields (not exposed). */
  manufacturerId!: string;
}

@ObjectType('Passport', { description: 'A circular material passport. Fields say their access tier; PUBLIC unless stated.' })
export class PassportModel {
  @Field(() => ID)
  id!: string;

  @Field()
  productName!: string;

  @Field(() => ClusterCode)
  cluster!: ClusterCode;

  @Field(() => Granularity)
  granularity!: Granularity;

  @Field({ description: 'GTIN as 14 digits.' })
  gtin!: string;

  @Field(() => String, { nullable: true })
  serialNumber!: string | null;

  @Field(() => String, { nullable: true })
  batchNumber!: string | null;

  @Field(() => PassportStatus)
  status!: PassportStatus;

  @Field(() => Int, { description: 'Number of the current revision; 1 for a new passport.' })
  revision!: number;

  @Field(() => ID)
  manufacturerId!: string;

  @Field(() => Float, { description: 'Mass of one whole product in kg.' })
  totalMassKg!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
