import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessTier, tierField } from '@registry/auth';
import { ClusterCode, Granularity, PassportStatus } from '@registry/prisma-client';
import type { StoredFigures } from '@registry/value';
import { GraphQLJSONObject } from 'graphql-scalars';

registerEnumType(Granularity, {
  name: 'Granularity',
  description: 'What one passport stands for (EU ESPR Art. 10): a product MODEL, a production BATCH, or one ITEM.',
});
registerEnumType(PassportStatus, {
  name: 'PassportStatus',
  description: 'DRAFT (owner only) -> PUBLISHED -> ARCHIVED. An archived passport cannot be revised.',
});
/** How a material counts toward a list entry (ListMatch of @registry/chemistry). */
export const CriticalListMatch = { FORM: 'FORM', ELEMENT: 'ELEMENT' } as const;
registerEnumType(CriticalListMatch, {
  name: 'CriticalListMatch',
  description: 'FORM: the material meets the form the list entry names (e.g. battery-grade nickel). ELEMENT: it contains the element.',
});

/** The form a list entry names (ListEntryForm of @registry/chemistry). */
export const CriticalListForm = {
  METAL: 'METAL',
  BATTERY_GRADE: 'BATTERY_GRADE',
  METALLURGY_GRADE: 'METALLURGY_GRADE',
  NATURAL_GRAPHITE: 'NATURAL_GRAPHITE',
  BATTERY_GRADE_GRAPHITE: 'BATTERY_GRADE_GRAPHITE',
  ORE: 'ORE',
  FUEL: 'FUEL',
} as const;
registerEnumType(CriticalListForm, { name: 'CriticalListForm', description: "The form a list entry's wording names (see docs/chemistry.md)." });

/** Where an element share comes from (ShareSource of @registry/chemistry). */
export const ElementShareSource = {
  DECLARED_FRACTIONS: 'DECLARED_FRACTIONS',
  FORMULA: 'FORMULA',
  REFERENCE_SUBSTANCE: 'REFERENCE_SUBSTANCE',
  DECLARED_ELEMENT: 'DECLARED_ELEMENT',
} as const;
registerEnumType(ElementShareSource, {
  name: 'ElementShareSource',
  description:
    'Where an element share comes from, by precedence: DECLARED_FRACTIONS (elements), FORMULA, REFERENCE_SUBSTANCE (a known casNumber), ' +
    'DECLARED_ELEMENT (element alone: the whole mass, declared, not derived).',
});

@ObjectType('CriticalListFlag', { description: 'A critical material list that flags an element (reference data). Tier: PUBLIC.' })
export class CriticalListFlagModel {
  @Field()
  listId!: string;

  @Field()
  listVersion!: string;

  @Field({ description: 'The material of the list covering the element, e.g. "light rare earth elements".' })
  materialName!: string;

  @Field(() => CriticalListForm, { nullable: true, description: 'The form the list material names; null for the element in any form.' })
  form?: keyof typeof CriticalListForm | null;

  @Field(() => CriticalListMatch, {
    description:
      'FORM: a material holding the element meets the form; ELEMENT: it only contains the element. Fuel, ore and graphite entries never flag by element alone.',
  })
  match!: keyof typeof CriticalListMatch;
}

@ObjectType('ElementShare', { description: 'The mass of one element in a material. Tier: LEGITIMATE_INTEREST.' })
export class ElementShareModel {
  @Field({ description: 'Chemical symbol.' })
  element!: string;

  @Field(() => Float, { description: "Share of the material's mass, 0..1." })
  massFraction!: number;

  @Field(() => Float, { description: 'Mass of the element per unit of the component the material is listed in.' })
  massKg!: number;

  @Field(() => Float, { description: 'Mass of the element in one whole product.' })
  massKgPerProduct!: number;

  @Field(() => ElementShareSource)
  source!: keyof typeof ElementShareSource;
}

@ObjectType('Material', { description: 'A material of a component, read through Passport.components. Tier: LEGITIMATE_INTEREST.' })
export class MaterialModel {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'The element the document declares (`element`); see elementShares for what the mass holds.' })
  element!: string | null;

  @Field(() => String, { nullable: true })
  casNumber!: string | null;

  @Field(() => Float, { description: 'Mass per unit of the component it is listed in.' })
  massKg!: number;

  @Field(() => Float, { description: 'Mass in one whole product (quantities multiplied along the component path).' })
  massKgPerProduct!: number;

  @Field(() => Float, { nullable: true })
  recycledContentPct!: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The other keys of the material in the document.' })
  details!: Record<string, unknown> | null;

  /** Row id, for Material.elementShares (not exposed). */
  id!: string;
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

  @Field(
    () => Float,
    tierField(AccessTier.LEGITIMATE_INTEREST, { description: 'Total mass in one whole product: the element shares of its materials, summed.' }),
  )
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

  @Field(
    tierField(AccessTier.PUBLIC, {
      description: 'Method version of the element masses, e.g. "element-mass/2 (IUPAC 2021 atomic weights, SUBSTANCES-2026-01)".',
    }),
  )
  methodVersion!: string;

  @Field(
    tierField(AccessTier.PUBLIC, {
      description:
        "Whether massKg and shareOfProductMass leave out mass counted from linked component passports on which the caller lacks LEGITIMATE_INTEREST (a supplier's composition stays the supplier's).",
    }),
  )
  linkedMassWithheld!: boolean;

  /** Owner of the passport, for the tier checks of the mass fields (not exposed). */
  manufacturerId!: string;

  /** The passport's composition grantees when restricted (not exposed). */
  compositionGrantees?: readonly string[] | null;
}

@ObjectType('Passport', {
  description:
    "A circular material passport. Every field states its access tier (see AccessTier); a field above the caller's tier " +
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

  @Field(
    () => ID,
    tierField(AccessTier.PUBLIC, { description: 'The organization responsible for the product now: the manufacturer until transferResponsibility.' }),
  )
  responsibleOrganizationId!: string;

  @Field(tierField(AccessTier.PUBLIC, { description: "Whether a RECYCLED lifecycle event ended the product's life; the passport still resolves." }))
  ended!: boolean;

  @Field(() => Date, tierField(AccessTier.PUBLIC, { nullable: true, description: 'When the product was recycled.' }))
  endedAt!: Date | null;

  @Field(
    () => String,
    tierField(AccessTier.LEGITIMATE_INTEREST, {
      nullable: true,
      description: 'COROP region (CR01-CR40) of the last INSTALLED lifecycle event: where the product is.',
    }),
  )
  installedCorop!: string | null;

  @Field(
    () => Date,
    tierField(AccessTier.LEGITIMATE_INTEREST, {
      nullable: true,
      description:
        "When the product is expected to reach its end of life: its last installation (or registration) plus the document's utility.lifetimeYears; null without a lifetime.",
    }),
  )
  expectedEndOfLife!: Date | null;

  @Field(tierField(AccessTier.PUBLIC))
  updatedAt!: Date;

  /** The organizations granted its composition when the owner restricted it, else null (for the tier checks; Passport.compositionAccess shows it). */
  compositionGrantees?: readonly string[] | null;

  /** Carbon footprint of one product (Passport.environmentalImpact reads it; not exposed here). */
  carbonFootprintKgCO2e?: number | null;

  /** The stored figures of the current revision when they were read with the passport (for circularity and reuseValue; not exposed). */
  storedFigures?: StoredFigures;
}
