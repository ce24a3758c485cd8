import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum InventoryGroupBy {
  CLUSTER = 'CLUSTER',
  COROP = 'COROP',
  MANUFACTURER = 'MANUFACTURER',
  INSTALLED_COROP = 'INSTALLED_COROP',
}

registerEnumType(InventoryGroupBy, {
  name: 'InventoryGroupBy',
  description:
    "How inventory rows are grouped: by product cluster, by the manufacturer's COROP region, by manufacturer, or by INSTALLED_COROP: the COROP " +
    'region of the products\' last INSTALLED lifecycle event ("(not installed)" for products without one; recycled products are left out).',
});

@ObjectType('InventoryRow', { description: 'How much of one element sits in the products of one group.' })
export class InventoryRowModel {
  @Field({
    description:
      'The cluster code, the COROP code ("(unknown)" when the manufacturer gave none; "(not installed)" for INSTALLED_COROP) or the manufacturer id.',
  })
  group!: string;

  @Field(() => String, { nullable: true, description: 'The manufacturer name when grouped by MANUFACTURER; null otherwise.' })
  groupLabel!: string | null;

  @Field({ description: 'Chemical element symbol.' })
  element!: string;

  @Field(() => Float, {
    description: 'Mass of the element in all products (element shares of the materials, summed): per passport, its mass per product times productCount.',
  })
  totalMassKg!: number;

  @Field(() => Int, { description: 'Passports holding the element.' })
  passportCount!: number;

  @Field(() => Int, { description: 'Components holding the element, counted once per passport (not per physical unit).' })
  componentCount!: number;

  @Field(() => Float, {
    description: "Products the passports stand for: 1 per ITEM passport, the document's unitCount (default 1) per BATCH or MODEL passport.",
  })
  productCount!: number;

  @Field({ description: 'Method version of the element masses, e.g. "element-mass/2 (IUPAC 2021 atomic weights, SUBSTANCES-2026-01)".' })
  methodVersion!: string;
}
