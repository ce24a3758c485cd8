import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { PageArgs } from '@registry/core';
import { RegisterPassportInput } from '@registry/passports';
import { ImportMode, ImportRowOutcome } from '@registry/prisma-client';

/** Rows of one importPassports call; larger files go to POST /imports. */
export const MAX_IMPORT_ROWS_PER_CALL = 1000;

@InputType()
export class ImportRowInput {
  @Field({ description: 'Your reference for the row (1 to 200 characters), repeated in its outcome.' })
  rowRef!: string;

  @Field(() => RegisterPassportInput)
  passport!: RegisterPassportInput;
}

@InputType()
export class ImportPassportsInput {
  @Field(() => [ImportRowInput], { description: `1 to ${MAX_IMPORT_ROWS_PER_CALL} rows; send larger files to POST /imports.` })
  rows!: ImportRowInput[];

  @Field(() => ImportMode, { defaultValue: ImportMode.CREATE })
  mode: ImportMode = ImportMode.CREATE;

  @Field({ defaultValue: false, description: 'Check every row and report the outcomes without writing anything.' })
  dryRun: boolean = false;
}

@ArgsType()
export class ImportRowsArgs extends PageArgs {
  @Field(() => ImportRowOutcome, { nullable: true, description: 'Only the rows with this outcome.' })
  outcome?: ImportRowOutcome | null;
}
