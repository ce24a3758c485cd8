import { Field, Float, ObjectType } from '@nestjs/graphql';
import { MaterialModel } from '@registry/passports';

@ObjectType('ComponentHit', {
  description: 'A material of a component that matched a search, with its component and passport. Tier: LEGITIMATE_INTEREST.',
})
export class ComponentHitModel {
  @Field(() => Float, { description: 'Mass of the material in one whole product (quantities multiplied along the component path).' })
  massKgPerProduct!: number;

  @Field(() => MaterialModel)
  material!: MaterialModel;

  /** Resolved by ComponentHit.passport and ComponentHit.component, batched per page (not exposed). */
  passportId!: string;
  componentId!: string;
}
