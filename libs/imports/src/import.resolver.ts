import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Roles } from '@registry/auth';
import { Connection, type ConnectionShape } from '@registry/core';
import { ImportPassportsInput, ImportRowsArgs, MAX_IMPORT_ROWS_PER_CALL } from './dto/import-passports.input';
import { toImportRowModel, toImportRunModel } from './import.mapper';
import { ImportService } from './import.service';
import { ImportRowModel, ImportRunModel } from './models/import-run.model';

const ImportRowConnection = Connection(ImportRowModel, { name: 'ImportRow' });

@Resolver(() => ImportRunModel)
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Mutation(() => ImportRunModel, {
    description:
      `Imports up to ${MAX_IMPORT_ROWS_PER_CALL} passports as a run, answered at once and processed in the background in chunks ` +
      '(follow it with importRun). MANUFACTURER keys. Larger files: POST /imports (NDJSON).',
  })
  @Roles('MANUFACTURER')
  async importPassports(@CurrentPrincipal() caller: Principal, @Args('input') input: ImportPassportsInput): Promise<ImportRunModel> {
    return toImportRunModel(await this.imports.importRows(caller, input));
  }

  @Query(() => ImportRunModel, { description: 'An import run of your organization.' })
  @Roles('MANUFACTURER')
  async importRun(@CurrentPrincipal() caller: Principal, @Args('id', { type: () => ID }) id: string): Promise<ImportRunModel> {
    return toImportRunModel(await this.imports.get(caller, id));
  }

  @ResolveField(() => ImportRowConnection, { description: 'Outcomes of the rows, in file order.' })
  async rows(@CurrentPrincipal() caller: Principal, @Parent() parent: ImportRunModel, @Args() args: ImportRowsArgs): Promise<ConnectionShape<ImportRowModel>> {
    const page = await this.imports.rows(await this.imports.get(caller, parent.id), args);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toImportRowModel(edge.node) })) };
  }
}
