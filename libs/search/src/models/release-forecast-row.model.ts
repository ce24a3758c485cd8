import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReleaseForecastRow', {
  description: 'How much of one element is expected to come free in one year: products reaching their expected end of life.',
})
export class ReleaseForecastRowModel {
  @Field(() => Int, { description: "The year (UTC) of the products' expectedEndOfLife." })
  year!: number;

  @Field({ description: 'Chemical element symbol.' })
  element!: string;

  @Field(() => Float, { description: 'Mass of the element in those products: per passport, its mass per product times productCount.' })
  massKg!: number;

  @Field(() => Int, { description: 'Passports reaching their end of life that year.' })
  passportCount!: number;

  @Field(() => Float, { description: 'Products those passports stand for.' })
  productCount!: number;

  @Field({ description: 'Method version of the element masses.' })
  methodVersion!: string;
}
