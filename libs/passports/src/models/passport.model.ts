import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';
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
registerEnumType(AccessTier, {
  name: 'AccessTier',
  description:
    'The access tiers of the EU battery passport. Every passport field states its tier; a field above the caller\'s tier reads null ' +
    'with a FORBIDDEN error naming the tier (extensions.requiredTier).',
  valuesMap: {
    PUBLIC: { description: 'Anyone, anonymous callers included.' },
    LEGITIMATE_INTEREST: { description: 'RECYCLER and AUDITOR keys, and the owner.' },
    AUTHORITY: { description: 'AUDITOR keys (of AUDITOR and AUTHORITY organizations), and the owner.' },
    OWNER: { description: 'Keys of the manufacturer that registered the passport.' },
  },
});

@ObjectType('CriticalListFlag', { description: 'A critical material list that flags an element (reference data). Tier: PUBLIC.' })
export class CriticalListFlagModel {
  @Field()
  listId!: string;

  @Field()
  listVersion!: string;

  @Field({ description: 'The material of the list covering the element, e.g. "light rare earth elements".' })
  materialName!: string;
}

@ObjectType('Material', { description: 'A material of a component, read through Passport.components. Tier: LEGITIMATE_INTEREST.' })
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

@ObjectType('Component', {
  description: 'A component of the product, flattened from the composition tree; read through Passport.components. Tier: LEGITIMATE_INTEREST.',
})
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

@ObjectType('CriticalMaterial', { description: 'A critical element in the whole product: its presence is PUBLIC, its mass LEGITIMATE_INTEREST.' })
export class CriticalMaterialModel {
  @Field(tierField(AccessTier.PUBLIC, { description: 'Chemical symbol.' }))
  element!: string;

  @Field(tierField(AccessTier.PUBLIC))
  elementName!: string;

  @Field(() => Float, tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'Total mass in one whole product.' }))
  massKg!: number;

  @Field(() => Float, tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'massKg / totalMassKg of the product.' }))
  shareOfProductMass!: number;

  @Field(
    tierField(AccessTier.PUBLIC, {
      description: 'Whether the share is above 0.1 % by weight, the reporting threshold of the Battery Pass data model.',
    }),
  )
  aboveReportingThreshold!: boolean;

  @Field(() => [CriticalListFlagModel], tierField(AccessTier.PUBLIC, { description: 'The lists (and list versions) that flag the element.' }))
  lists!: CriticalListFlagModel[];

  /** Owner of the passport, for the tier checks of the mass fields (not exposed). */
  manufacturerId!: string;
}

@ObjectType('Passport', {
  description:
    'A circular material passport. Every field states its access tier (see AccessTier); a field above the caller\'s tier ' +
    'reads null with a FORBIDDEN error naming the tier. Drafts are visible to their owner only.',
})
export class PassportModel {
  @Field(() => ID, tierField(AccessTier.PUBLIC))
  id!: string;

  @Field(tierField(AccessTier.PUBLIC))
  productName!: string;

  @Field(() => ClusterCode, tierField(AccessTier.PUBLIC, { description: 'The product cluster of the programme.' }))
  cluster!: ClusterCode;

  @Field(() => Granularity, tierField(AccessTier.PUBLIC))
  granularity!: Granularity;

  @Field(tierField(AccessTier.PUBLIC, { description: 'GTIN as 14 digits.' }))
  gtin!: string;

  @Field(() => String, tierField(AccessTier.PUBLIC, { nullable: true, description: 'GS1 AI 21, for an ITEM.' }))
  serialNumber!: string | null;

  @Field(() => String, tierField(AccessTier.PUBLIC, { nullable: true, description: 'GS1 AI 10, for a BATCH (or an ITEM of a batch).' }))
  batchNumber!: string | null;

  @Field(() => PassportStatus, tierField(AccessTier.PUBLIC))
  status!: PassportStatus;

  @Field(() => Int, tierField(AccessTier.PUBLIC, { description: 'Number of the current revision; 1 for a new passport.' }))
  revision!: number;

  @Field(() => ID, tierField(AccessTier.PUBLIC, { description: 'The organization that registered the passport (its owner).' }))
  manufacturerId!: string;

  @Field(() => Float, tierField(AccessTier.PUBLIC, { description: 'Mass of one whole product in kg.' }))
  totalMassKg!: number;

  @Field(tierField(AccessTier.PUBLIC))
  createdAt!: Date;

  @Field(tierField(AccessTier.PUBLIC))
  updatedAt!: Date;
}
