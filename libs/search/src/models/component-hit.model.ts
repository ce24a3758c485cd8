import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ComponentModel, MaterialModel, PassportModel, SubstanceOfConcernModel } from '@registry/passports';
import type { PassportName, PassportSummary } from '../search.sql';

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

  // passport and component are read in the page's own statement whenever the selection names them (hitPartsOf),
  // so they are plain properties: no resolver runs per hit. Null when the selection does not read them.

  /** Its name or summary when the selection reads only those fields of it (see hitPartsOf), else the whole model. */
  @Field(() => PassportModel)
  passport!: PassportModel | PassportSummary | PassportName | null;

  @Field(() => ComponentModel, { description: 'The component holding the material, with its dismantling information.' })
  component!: ComponentModel | null;
}
