import { Controller, Get, Query, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles } from '@registry/auth';
import type { FastifyReply as Response } from 'fastify';
import { ExportService, type PreparedExport } from './export.service';
import type { ExportManifest } from '@registry/verification';

/** Bulk reads for auditors (and, for passports.ndjson, manufacturers' own), streamed (GraphQL pages are for interactive reads). */
@Controller('exports')
@Roles('AUDITOR')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get('passports.ndjson')
  @Roles('AUDITOR', 'MANUFACTURER')
  async passports(@CurrentPrincipal() caller: Principal | null, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    await send(res, await this.exports.passports(caller, query));
  }

  @Get('materials.csv')
  async materials(@CurrentPrincipal() caller: Principal | null, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    await send(res, await this.exports.materials(caller, query));
  }

  @Get('materials.csv.manifest.json')
  materialsManifest(@CurrentPrincipal() caller: Principal | null, @Query() query: Record<string, unknown>): Promise<{ manifest: ExportManifest }> {
    return this.exports.materialsManifest(caller, query);
  }
}

/** Streams straight to Node's response (it waits for `drain`), outside Fastify's reply, which takes whole bodies or streams. */
async function send(reply: Response, prepared: PreparedExport): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.statusCode = 200;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
  res.setHeader('Content-Type', prepared.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${prepared.fileName}"`);
  for (const [name, value] of Object.entries(prepared.headers)) res.setHeader(name, value);
  await prepared.writeTo(res);
}
