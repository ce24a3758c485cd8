import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Public, Roles } from '@registry/auth';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { toImportRunModel } from './import.mapper';
import { ImportService } from './import.service';
import type { ImportRunModel } from './models/import-run.model';

/** File uploads of imports (GraphQL's importPassports takes up to 1,000 rows per call). */
@Controller('imports')
@Roles('MANUFACTURER')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  /** A streamed NDJSON file, an XLSX workbook or a CSV; 202 with the run and its Location once the whole file is stored. */
  @Post()
  @HttpCode(202)
  async upload(
    @CurrentPrincipal() caller: Principal,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportRunModel> {
    const run = await this.imports.importFile(caller, query, req.headers['content-type'], req.headers['content-length'], req.raw);
    res.header('Location', `/imports/${run.id}`);
    return toImportRunModel(run);
  }

  /** The template of a cluster: `<CLUSTER>.xlsx` (sheets Passports, Components, Materials, Fields) or `<CLUSTER>.csv`. */
  @Get('templates/:file')
  @Public()
  async template(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const { cluster, format, body } = await this.imports.template(file);
    res.header('Content-Disposition', `attachment; filename="${cluster.toLowerCase()}-import-template.${format}"`);
    void res
      .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8; header=present')
      .send(body);
  }

  @Get(':id')
  async run(@CurrentPrincipal() caller: Principal, @Param('id') id: string): Promise<ImportRunModel> {
    return toImportRunModel(await this.imports.get(caller, id));
  }
}
