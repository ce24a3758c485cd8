import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';

export enum ChangeKindEnum {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}

registerEnumType(ChangeKindEnum, { name: 'ChangeKind', description: 'How a component or material differs between two revisions.' });

@ObjectType('FieldChange', { description: 'A field whose value differs; from is null for an added thing, to for a removed one.' })
export class FieldChangeModel {
  @Field()
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  from!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  to!: unknown;
}

@ObjectType('MaterialChange', { description: 'A material of a component, matched by (element, casNumber, name).' })
export class MaterialChangeModel {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  element!: string | null;

  @Field(() => String, { nullable: true })
  casNumber!: string | null;

  @Field(() => ChangeKindEnum)
  change!: ChangeKindEnum;

  @Field(() => [FieldChangeModel])
  fields!: FieldChangeModel[];
}

@ObjectType('ComponentChange', { description: 'A component, matched by key, that was added, removed or changed.' })
export class ComponentChangeModel {
  @Field()
  key!: string;

  @Field({ description: 'Path in the newer revision (in the older one for a removed component).' })
  path!: string;

  @Field(() => ChangeKindEnum)
  change!: ChangeKindEnum;

  @Field(() => [FieldChangeModel], { description: 'Its own fields that differ (name, quantity, massKg, location, dismantling, ...).' })
  fields!: FieldChangeModel[];

  @Field(() => [MaterialChangeModel], { description: 'Its materials that were added, removed or changed.' })
  materials!: MaterialChangeModel[];
}

@ObjectType('ProductNameChange')
export class ProductNameChangeModel {
  @Field()
  from!: string;

  @Field()
  to!: string;
}

@ObjectType('TotalMassChange')
export class TotalMassChangeModel {
  @Field(() => Float)
  from!: number;

  @Field(() => Float)
  to!: number;
}

@ObjectType('PassportDiff', { description: 'What changed from one revision of a passport to another. Tier: AUTHORITY.' })
export class PassportDiffModel {
  @Field(() => ID)
  passportId!: string;

  @Field(() => Int)
  fromRevision!: number;

  @Field(() => Int)
  toRevision!: number;

  @Field(() => ProductNameChangeModel, { nullable: true, description: 'Null when the product name did not change.' })
  productName!: ProductNameChangeModel | null;

  @Field(() => TotalMassChangeModel, { description: 'Mass of one whole product in kg, in both revisions.' })
  totalMassKg!: TotalMassChangeModel;

  @Field(() => [FieldChangeModel], { description: 'Keys of the document itself that differ (productMassKg, unitCount, utility, clusterData, ...).' })
  documentFields!: FieldChangeModel[];

  @Field(() => [ComponentChangeModel], { description: 'Changed components, in the newer document order, then the removed ones.' })
  components!: ComponentChangeModel[];
}
