import { Field, Float, ObjectType } from '@nestjs/graphql';
import { type ComponentModel, MaterialModel, type PassportModel, SubstanceOfConcernModel } from '@registry/passports';

@ObjectType('ComponentHit', {
  description: 'A material of a component that matched a search, with its component and passport. Tier: LEGITIMATE_INTEREST.',
})
export class ComponentHitModel {
  @Field(() => Float, { description: "The material's own mass in one whole product (quantities multiplied along the component path)." })
  massKgPerProduct!: number;

  @Field(() => String, { nullable: true, description: 'The element the hit was found by (element and criticalList searches); null for a CAS number search.' })
  element!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Mass of that element in one whole product: the material's mass per product times the element's mass fraction (Material.elementShares). " +
      'For a CAS number search with element or criticalList, the mass of those elements; null for a CAS number search alone.',
  })
  elementMassKgPerProduct!: number | null;

  @Field(() => MaterialModel)
  material!: MaterialModel;

  @Field(() => SubstanceOfConcernModel, {
    nullable: true,
    description: 'The substance of concern the hit was found by (substanceOfConcern searches; its concentration included); null for other searches.',
  })
  substanceOfConcern!: SubstanceOfConcernModel | null;

  /** Resolved by ComponentHit.passport and ComponentHit.component, batched per page (not exposed). */
  passportId!: string;
  componentId!: string;
  /** Read with the page when the selection asked for them (SearchRepository.findHitPage); else loaded by id. */
  loadedPassport?: PassportModel | null;
  loadedComponent?: ComponentModel | null;
}
