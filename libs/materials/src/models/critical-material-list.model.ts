import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CriticalListMaterial', { description: 'A material of a critical list and the elements it covers.' })
export class CriticalListMaterialModel {
  @Field()
  name!: string;

  @Field(() => [String], { description: 'Element symbols; empty for a mineral that is no single element (e.g. feldspar).' })
  elements!: readonly string[];
}

@ObjectType('CriticalMaterialList', { description: 'A versioned reference list of critical materials. Tier: PUBLIC.' })
export class CriticalMaterialListModel {
  @Field({ description: 'Stable id, e.g. EU-CRMA-2024-CRITICAL. A revised list gets a new id.' })
  id!: string;

  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field({ description: 'The legal act or publication the list comes from.' })
  source!: string;

  @Field({ description: 'Publication date, YYYY-MM-DD.' })
  publishedOn!: string;

  @Field(() => [CriticalListMaterialModel])
  materials!: CriticalListMaterialModel[];
}

@ObjectType('Element', { description: 'A chemical element. Tier: PUBLIC.' })
export class ElementModel {
  @Field()
  symbol!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  atomicNumber!: number;
}
