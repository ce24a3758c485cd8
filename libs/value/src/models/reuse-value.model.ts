import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CircularStrategy } from '../value.types';

registerEnumType(CircularStrategy, {
  name: 'CircularStrategy',
  description: 'The R-strategy a value assumes: REUSE as is, REFURBISH, REMANUFACTURE, or RECYCLE the materials.',
});

@ObjectType('PriceTableRef', { description: 'The versioned reference price table a value was computed with.' })
export class PriceTableRefModel {
  @Field()
  id!: string;

  @Field()
  source!: string;

  @Field({ description: 'YYYY-MM-DD from which the table applies.' })
  date!: string;
}

@ObjectType('ReuseValueMaterial', { description: 'A material valued at its recoverable content: massKg x recoveryRate x pricePerKg.' })
export class ReuseValueMaterialModel {
  @Field({ description: 'The component the material is listed in.' })
  componentKey!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  element!: string | null;

  @Field(() => Float, { description: 'Mass in one product unit.' })
  massKg!: number;

  @Field(() => Float, { description: 'Share of the mass recovered (0..1).' })
  recoveryRate!: number;

  @Field(() => Float, { nullable: true, description: 'Reference price per kg of the element; null when the table has none.' })
  pricePerKg!: number | null;

  @Field(() => Float)
  amount!: number;
}

@ObjectType('ComponentReuseFigure', { description: 'The reuse figure of one unit of a component, from its reuse inputs.' })
export class ComponentReuseFigureModel {
  @Field({ description: 'new, as-new, good, fair or poor (fair when not declared).' })
  condition!: string;

  @Field(() => Float)
  conditionFactor!: number;

  @Field(() => Float, { description: 'max(0, 1 - ageYears / expectedLifetimeYears).' })
  remainingLifeFactor!: number;

  @Field(() => Float)
  replacementValue!: number;

  @Field(() => Float)
  dismantlingCost!: number;

  @Field(() => Float, { description: 'max(0, replacementValue x remainingLifeFactor x conditionFactor - dismantlingCost).' })
  unitAmount!: number;
}

@ObjectType('ReuseValueComponent', { description: 'One line of a reuse value: a component and the strategy it is valued by.' })
export class ReuseValueComponentModel {
  @Field()
  componentKey!: string;

  @Field({ description: 'Keys from the root, e.g. "/cell-module/cell".' })
  path!: string;

  @Field(() => Float)
  unitsPerProduct!: number;

  @Field(() => CircularStrategy)
  strategy!: CircularStrategy;

  @Field(() => Float, { description: 'What this line adds to the product (all units of the component in one product).' })
  amount!: number;

  @Field(() => Float, { description: 'Value of the recoverable materials the line covers: the floor of amount.' })
  materialValue!: number;

  @Field(() => ComponentReuseFigureModel, { nullable: true, description: 'The reuse figure, when the inputs allow one (also when it lost to the parts).' })
  reuse!: ComponentReuseFigureModel | null;

  @Field(() => [ReuseValueMaterialModel], {
    description: "RECYCLE: the component's own materials; a reuse strategy: the materials of the component and its sub-components.",
  })
  materials!: ReuseValueMaterialModel[];
}

@ObjectType('ReuseValue', { description: 'Economic reuse value of one product unit, method 1; see docs/reuse-value.md. Tier: LEGITIMATE_INTEREST.' })
export class ReuseValueModel {
  @Field(() => Float)
  amount!: number;

  @Field({ description: 'ISO 4217 code.' })
  currency!: string;

  @Field()
  methodVersion!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  valuationDate!: string;

  @Field(() => PriceTableRefModel)
  priceTable!: PriceTableRefModel;

  @Field(() => [String])
  assumptions!: string[];

  @Field(() => [ReuseValueComponentModel])
  breakdown!: ReuseValueComponentModel[];
}
