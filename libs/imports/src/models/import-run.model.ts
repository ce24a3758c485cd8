import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ImportMode, ImportRowOutcome, ImportRunStatus } from '@registry/prisma-client';

registerEnumType(ImportMode, {
  name: 'ImportMode',
  description: 'CREATE: every row registers a new passport. UPSERT: a row revises the passport with its identity when its content changed.',
});
registerEnumType(ImportRunStatus, { name: 'ImportRunStatus' });
registerEnumType(ImportRowOutcome, { name: 'ImportRowOutcome' });

@ObjectType('ImportCounts', { description: 'Rows by outcome so far (for a dry run: what the rows would do).' })
export class ImportCountsModel {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  revised!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  failed!: number;
}

@ObjectType('ImportViolation')
export class ImportViolationModel {
  @Field({ description: 'JSON pointer into the row, e.g. /passport/composition/components/0/massKg.' })
  path!: string;

  @Field()
  message!: string;

  @Field()
  keyword!: string;
}

@ObjectType('ImportRow', { description: 'The outcome of one row of an import run.' })
export class ImportRowModel {
  @Field({ description: 'The row reference given with the row (the line number in a file).' })
  rowRef!: string;

  @Field(() => ImportRowOutcome)
  outcome!: ImportRowOutcome;

  @Field(() => ID, {
    nullable: true,
    description: "The passport written, left unchanged, or (CONFLICT in CREATE mode) the caller's passport with the identity.",
  })
  passportId!: string | null;

  @Field(() => Int, { nullable: true, description: "The passport's revision after the row." })
  revision!: number | null;

  @Field(() => [ImportViolationModel], { description: 'Why the row FAILED; empty otherwise.' })
  violations!: ImportViolationModel[];
}

@ObjectType('ImportRun', { description: 'A bulk import of passports, processed in the background in chunks of rows.' })
export class ImportRunModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ImportRunStatus)
  status!: ImportRunStatus;

  @Field(() => ImportMode)
  mode!: ImportMode;

  @Field({ description: 'Nothing is written; the outcomes say what the rows would do.' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Rows received.' })
  totalRows!: number;

  @Field(() => ImportCountsModel)
  counts!: ImportCountsModel;

  @Field(() => Float, { description: 'Share of the rows with an outcome, 0 to 1.' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'Why the run FAILED.' })
  error!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}
